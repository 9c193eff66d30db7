import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, scanText, type Finding } from '../../src/engine';

/**
 * Realistic files per language under test/fixtures/body-logging/. Every line that must be
 * reported carries a trailing marker comment `expect: <rule> <severity>[, <rule> <severity>]`;
 * every other line must stay quiet (decoys included). Files are scanned under their path
 * relative to the fixture folder, so the test-file exclusion does not apply to them.
 */
const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'body-logging');
const TODAY = '2026-01-01';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full);
    return e.name.includes('.fixed.') ? [] : [full];
  });
}

function expected(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /expect: (.+?)\s*(?:\*\/|-->)?$/.exec(line);
    if (!m) return;
    for (const part of m[1].split(',')) {
      const [rule, severity] = part.trim().split(/\s+/);
      out.push(`${i + 1} body-logging/${rule} ${severity}`);
    }
  });
  return out.sort();
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function found(text: string, rel: string): Finding[] {
  return scanText(text, rel, { today: TODAY }).filter((f) => f.family === 'body-logging');
}

describe('body-logging fixtures', () => {
  for (const file of filesUnder(DIR)) {
    const rel = path.relative(DIR, file).split(path.sep).join('/');
    it(`${rel}: exactly the marked findings, with their severities`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const actual = found(text, rel)
        .map((f) => `${lineOf(text, f.start)} ${f.ruleId} ${f.severity}`)
        .sort();
      assert.deepEqual(actual, expected(text));
    });

    const fixedPath = file.replace(/(\.[a-z]+)$/, '.fixed$1');
    if (fs.existsSync(fixedPath)) {
      it(`${rel}: "fix all" gives ${path.basename(fixedPath)}`, () => {
        const text = fs.readFileSync(file, 'utf8');
        const edits = found(text, rel)
          .flatMap((f) => f.fixes.filter((x) => x.preferred && x.fixAll).slice(0, 1))
          .flatMap((x) => x.edits);
        assert.equal(applyEdits(text, edits), fs.readFileSync(fixedPath, 'utf8'));
        assert.deepEqual(
          found(applyEdits(text, edits), rel)
            .filter((f) => f.fixes.some((x) => x.fixAll))
            .map((f) => `${lineOf(text, f.start)} ${f.display}`),
          [],
          'a fixed file has nothing left to fix',
        );
      });
    }
  }
});
