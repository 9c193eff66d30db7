import * as assert from 'node:assert/strict';
import { FakeDocument, Uri } from '../../bench/adapterVscodeStub';
import { defaultConfig, scanText } from '../../src/engine';
import type { FolderState } from '../../src/extension/folderConfigs';
import { IncrementalState, INCREMENTAL_MIN_CHARS } from '../../src/extension/incremental';
import { scanDocument } from '../../src/extension/scanDocument';

// Fake, format-valid token (not a real credential).
const TOKEN = 'ghp_Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fGz';
const state: FolderState = {
  folder: { uri: Uri.file('/w'), name: 'w', index: 0 } as never,
  config: defaultConfig(),
  baseline: new Set(),
  isGitignored: () => false,
};

function bigFile(): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < 3000; i++) {
    if (i % 300 === 0) lines.push(`const t${i} = "${TOKEN}";`);
    else if (i % 150 === 75)
      lines.push(
        `// audit-ready-ignore-next-line secrets/github-token -- fixture\nconst s${i} = "${TOKEN}";`,
      );
    else
      lines.push(
        `  const value${i} = await repository.findById(req.params.id, { limit: ${i % 50} });`,
      );
  }
  return lines.join('\n');
}

const key = (f: { ruleId: string; start: number; end: number; fingerprint: string }): string =>
  `${f.ruleId}@${f.start}-${f.end}:${f.fingerprint}`;

describe('extension incremental (windowed) rescans', () => {
  it('matches a full scan after random edits, including typed secrets and deleted lines', () => {
    const doc = new FakeDocument(Uri.file('/w/a.ts'), bigFile());
    assert.ok(doc.getText().length > INCREMENTAL_MIN_CHARS);
    let inc = scanDocument(doc as never, 'a.ts', state, '2026-01-01').incremental;
    let seed = 7;
    const inserts = ['x', '\n', `"${TOKEN}"`, ''];
    for (let round = 0; round < 60; round++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const at = seed % doc.getText().length;
      const text = inserts[round % inserts.length];
      const removed = text === '' ? Math.min(30, doc.getText().length - at) : 0;
      doc.edit(at, at + removed, text);
      inc?.applyChanges([{ rangeOffset: at, rangeLength: removed, text }]);
      inc = scanDocument(doc as never, 'a.ts', state, '2026-01-01', inc).incremental;
      const expected = scanText(doc.getText(), 'a.ts', {
        config: state.config,
        today: '2026-01-01',
      }).map(key);
      assert.deepEqual(inc?.findings.map(key), expected, `round ${round}`);
    }
  });

  it('shifts kept findings and their fix edits through an edit above them', () => {
    const text = `const a = "${TOKEN}";\n`;
    const inc = new IncrementalState(scanText(text, 'a.ts'));
    const before = inc.findings[0];
    inc.applyChanges([{ rangeOffset: 0, rangeLength: 0, text: '// hello\n' }]);
    assert.equal(inc.findings[0].start, before.start + 9);
    assert.equal(inc.findings[0].fixes[0].edits[0].start, before.fixes[0].edits[0].start + 9);
    assert.deepEqual(inc.dirty, { start: 0, end: 9 });
  });
});
