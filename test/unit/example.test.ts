import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAMILIES } from '../../src/engine';
import { scanFolder } from '../../src/node/scanFolder';
import type { FolderScanResult } from '../../src/node/scanFolder';

/**
 * The bundled example is what `npm start` (the README's quick start) scans: it must show every
 * family and stay quiet on the decoys. Its EXPECTED.md holds both tables; this test reads them.
 */
function repoRoot(from: string): string {
  let dir = from;
  while (
    !fs.existsSync(path.join(dir, 'package.json')) ||
    path.basename(dir) === 'vulnerable-api'
  ) {
    dir = path.dirname(dir);
  }
  return dir;
}

const EXAMPLE = path.join(repoRoot(__dirname), 'examples', 'vulnerable-api');

interface Row {
  file: string;
  line: number;
  family?: string;
  what: string;
}

/** Rows of the markdown table under `heading` in EXPECTED.md. */
function table(heading: string): Row[] {
  const text = fs.readFileSync(path.join(EXAMPLE, 'EXPECTED.md'), 'utf8');
  const section = text.split(/^## /m).find((s) => s.startsWith(heading));
  assert.ok(section, `EXPECTED.md has no "## ${heading}" section`);
  return section
    .split('\n')
    .filter((l) => /^\| `/.test(l))
    .map((l) => {
      const cells = l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      const file = cells[0].replace(/`/g, '');
      return cells.length === 4
        ? { file, line: Number(cells[1]), family: cells[2], what: cells[3] }
        : { file, line: Number(cells[1]), what: cells[2] };
    });
}

describe('examples/vulnerable-api (the quick start)', function () {
  this.timeout(60_000);
  const expected = table('Findings');
  const decoys = table('Decoys');
  let result: FolderScanResult;
  // A finding covers a 1-based line when it starts or ends there (some span a key and its value).
  const covers = (x: { line: number; endLine: number }, line: number) =>
    x.line + 1 <= line && line <= x.endLine + 1;
  const at = (file: string, line: number) =>
    result.files
      .filter((f) => f.path === file)
      .flatMap((f) => f.findings.filter((x) => covers(x, line)));

  before(async () => {
    result = await scanFolder(EXAMPLE, { workers: 0, today: '2026-01-01' });
  });

  it('EXPECTED.md lists findings of every family and at least 30 decoys', () => {
    for (const family of FAMILIES)
      assert.ok(
        expected.some((r) => r.family === family),
        family,
      );
    assert.ok(decoys.length >= 30);
  });

  it('finds every family', () => {
    const found = new Set(result.files.flatMap((f) => f.findings.map((x) => x.family)));
    assert.deepEqual(
      FAMILIES.filter((f) => !found.has(f)),
      [],
    );
  });

  it('finds each expected finding on its line', () => {
    const missing = expected
      .filter((r) => !at(r.file, r.line).some((x) => x.family === r.family))
      .map((r) => `${r.file}:${r.line} ${r.family} (${r.what})`);
    assert.deepEqual(missing, []);
  });

  it('stays quiet on every decoy line', () => {
    const noisy = decoys.flatMap((r) =>
      at(r.file, r.line).map((x) => `${r.file}:${r.line} ${x.ruleId} (${r.what})`),
    );
    assert.deepEqual(noisy, []);
  });

  it('reports nothing beyond the expected findings', () => {
    const extra = result.files.flatMap((f) =>
      f.findings
        .filter(
          (x) =>
            !expected.some((r) => r.file === f.path && covers(x, r.line) && r.family === x.family),
        )
        .map((x) => `${f.path}:${x.line + 1} ${x.ruleId} ${x.display}`),
    );
    assert.deepEqual(extra, []);
  });

  it('skips the lock file, with its reason', () => {
    assert.ok(
      result.skipped.some((s) => s.path === 'package-lock.json' && s.reason === 'lock-file'),
    );
  });
});
