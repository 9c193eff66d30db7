import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, scanText, type Finding } from '../../src/engine';

/**
 * Realistic multi-line files per language and config format under
 * `test/fixtures/insecure-http/`, each with its exact expected findings in `expected.json`
 * (`"<line> <rule> <url>"`). Files under `decoys/` hold only cases that must stay quiet.
 * Files are scanned under their path relative to the fixture folder, so the language comes
 * from the name and the folder `test/` does not mark them as tests.
 */
const ROOT = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'insecure-http');
const EXPECTED: Record<string, string[]> = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'expected.json'), 'utf8'),
);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

const FILES = filesUnder(ROOT)
  .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
  .filter((f) => f !== 'expected.json')
  .sort();

function scan(rel: string): { text: string; findings: Finding[] } {
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  const findings = scanText(text, rel, { today: '2026-01-01' }).filter(
    (f) => f.family === 'insecure-http',
  );
  return { text, findings };
}

function describeFinding(text: string, f: Finding): string {
  return `${text.slice(0, f.start).split('\n').length} ${f.ruleId} ${f.display}`;
}

describe('insecure-http fixtures', () => {
  it('covers code, config and decoy files', () => {
    assert.ok(FILES.length >= 30, `only ${FILES.length} fixture files`);
    assert.ok(FILES.filter((f) => f.startsWith('decoys/')).length >= 8);
    for (const key of Object.keys(EXPECTED))
      assert.ok(FILES.includes(key), `expected.json names a missing file: ${key}`);
  });

  for (const rel of FILES) {
    it(`${rel}: exactly the expected findings`, () => {
      const { text, findings } = scan(rel);
      const expected = rel.startsWith('decoys/') ? [] : (EXPECTED[rel] ?? []);
      assert.deepEqual(
        findings.map((f) => describeFinding(text, f)),
        expected,
      );
    });
  }

  it('fixes every http:// URL finding to https:// and the rescan is clean of it', () => {
    for (const rel of Object.keys(EXPECTED)) {
      const { text, findings } = scan(rel);
      for (const f of findings.filter((x) => x.ruleId.startsWith('insecure-http/http-url'))) {
        const fix = f.fixes.find((x) => x.preferred);
        assert.ok(fix?.fixAll, `${rel}: ${f.display} has no fix-all-safe preferred fix`);
        const fixed = applyEdits(text, fix.edits);
        const secure = text
          .slice(f.start, f.end)
          .replace(/^http:/i, 'https:')
          .replace(/^ws:/i, 'wss:');
        assert.equal(fixed.slice(f.start, f.start + secure.length), secure);
        const again = scanText(fixed, rel, { today: '2026-01-01' }).filter(
          (x) => x.ruleId === f.ruleId,
        );
        assert.ok(!again.some((x) => x.start === f.start), `${rel}: still flagged after the fix`);
      }
    }
  });
});
