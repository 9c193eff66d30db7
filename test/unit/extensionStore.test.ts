import * as assert from 'node:assert/strict';
import { FakeDocument, Uri } from '../../bench/adapterVscodeStub';
import { defaultConfig } from '../../src/engine';
import {
  locateFromScan,
  roadmapItemTitle,
  toDiagnostic,
  type StoredFinding,
} from '../../src/extension/convert';
import type { FolderState } from '../../src/extension/folderConfigs';
import { scanDocument } from '../../src/extension/scanDocument';
import { statusText } from '../../src/extension/statusBar';
import { FindingsStore, type FindingsChange } from '../../src/extension/store';
import { summaryText } from '../../src/extension/workspaceScan';

// A fake token: format-valid so the rule matches, not a real credential.
const TOKEN = 'ghp_Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fGz';
const folder = { uri: Uri.file('/w'), name: 'w', index: 0 } as unknown as FolderState['folder'];
const state = (over: Partial<FolderState> = {}): FolderState => ({
  folder,
  config: defaultConfig(),
  baseline: new Set(),
  isGitignored: () => false,
  ...over,
});
const doc = (path: string, text: string): FakeDocument =>
  new FakeDocument(Uri.file(`/w/${path}`), text);

function scan(path: string, text: string, s = state()): StoredFinding[] {
  return scanDocument(doc(path, text) as never, path, s, '2026-01-01').findings;
}

describe('extension adapter: document scan and conversion', () => {
  const text = `import { Octokit } from "octokit";\n\nconst gh = new Octokit({ auth: "${TOKEN}" });\n`;

  it('locates a finding with the document positions and masks the value', () => {
    const [f] = scan('src/gh.ts', text);
    assert.equal(f.ruleId, 'secrets/github-token');
    assert.deepEqual([f.range.start.line, f.range.start.character], [2, 32]);
    assert.equal(f.range.end.character - f.range.start.character, TOKEN.length);
    assert.ok(!f.message.includes(TOKEN) && !f.display.includes(TOKEN));
  });

  it('builds a diagnostic with source, linked rule id, severity and the blocked roadmap item', () => {
    const [f] = scan('src/gh.ts', text);
    const d = toDiagnostic(f, (id) => Uri.file(`/ext/docs/rules/${id}.md`) as never);
    assert.equal(d.source, 'Audit Ready');
    assert.deepEqual(d.code, {
      value: 'secrets/github-token',
      target: Uri.file('/ext/docs/rules/secrets/github-token.md'),
    });
    assert.equal(d.severity, 0);
    assert.match(d.relatedInformation?.[0].message ?? '', /Foundation: No hardcoded credentials in source/);
  });

  it('does not scan excluded, git-ignored, too large or config files', () => {
    const excluded = state({ config: { ...defaultConfig(), exclude: ['src/**'] } });
    assert.equal(
      scanDocument(doc('src/gh.ts', text) as never, 'src/gh.ts', excluded, '2026-01-01').skipped,
      'excluded',
    );
    const ignored = state({ isGitignored: (p) => p === '.env' });
    assert.equal(
      scanDocument(doc('.env', `T=${TOKEN}\n`) as never, '.env', ignored, '2026-01-01').skipped,
      'gitignored',
    );
    const small = state({ config: { ...defaultConfig(), maxFileSize: 10 } });
    assert.equal(
      scanDocument(doc('a.ts', text) as never, 'a.ts', small, '2026-01-01').skipped,
      'too-large',
    );
    assert.equal(
      scanDocument(
        doc('.auditready.jsonc', text) as never,
        '.auditready.jsonc',
        state(),
        '2026-01-01',
      ).skipped,
      'config-file',
    );
  });

  it('hides a finding under an inline suppression and one in the baseline', () => {
    const suppressed = `// audit-ready-ignore-next-line secrets/github-token -- test fixture\nconst t = "${TOKEN}";\n`;
    assert.deepEqual(scan('a.ts', suppressed), []);
    const [f] = scan('a.ts', `const t = "${TOKEN}";\n`);
    assert.deepEqual(
      scan('a.ts', `const t = "${TOKEN}";\n`, state({ baseline: new Set([f.fingerprint]) })),
      [],
    );
  });

  it('converts workspace-scan line/column findings without the file text', () => {
    const [f] = scan('src/gh.ts', text);
    const located = locateFromScan(Uri.file('/w/src/gh.ts') as never, 'src/gh.ts', [
      { ...f, line: 2, column: 32, endLine: 2, endColumn: 72 },
    ]);
    assert.deepEqual([located[0].range.start.line, located[0].range.end.character], [2, 72]);
  });

  it('names roadmap items readably', () => {
    assert.equal(roadmapItemTitle('controls.tls-1-2-only'), 'Controls: TLS 1.2 or later only, with certificate verification on');
    assert.equal(roadmapItemTitle('foundation.https-everywhere'), 'Foundation: HTTPS on every API endpoint');
    assert.equal(roadmapItemTitle('controls.some-future-item'), 'Controls: some future item');
  });
});

describe('extension findings store', () => {
  const a = Uri.file('/w/a.ts') as never;
  const b = Uri.file('/w/sub/b.ts') as never;
  const other = Uri.file('/x/c.ts') as never;
  const findingsIn = (path: string): StoredFinding[] =>
    scan(path, `const t = "${TOKEN}";\nconst u = "${TOKEN}";\n`);

  it('shows live results over scanned ones and falls back when the document closes', () => {
    const store = new FindingsStore();
    store.setScanned([[a, findingsIn('a.ts')]]);
    store.setLive(a, []);
    assert.equal(store.get(a).length, 0);
    store.clearLive(a);
    assert.equal(store.get(a).length, 2);
  });

  it('counts by severity and family, lists files, and clears one folder', () => {
    const store = new FindingsStore();
    const events: FindingsChange[] = [];
    store.onDidChange((e) => events.push(e));
    store.setScanned([
      [a, findingsIn('a.ts')],
      [b, findingsIn('sub/b.ts')],
      [other, findingsIn('c.ts')],
    ]);
    const c = store.counts();
    assert.deepEqual([c.total, c.files, c.bySeverity.error, c.byFamily.secrets], [6, 3, 6, 6]);
    assert.equal(store.byFamily('insecure-http').length, 0);
    store.clearFolder(Uri.file('/w') as never);
    assert.deepEqual(store.files().map(String), ['file:///x/c.ts']);
    assert.equal(events.length, 2);
    store.clear();
    assert.equal(store.counts().total, 0);
    assert.equal(events[events.length - 1].all, true);
  });

  it('summarises a scan and the status bar text', () => {
    const store = new FindingsStore();
    store.setScanned([[a, findingsIn('a.ts')]]);
    const text = summaryText({
      filesScanned: 12,
      skippedFolders: [],
      cancelled: false,
      counts: store.counts(),
    });
    assert.equal(
      text,
      'Audit Ready scan finished: 2 findings in 1 file (Hardcoded secrets: 2); 12 files scanned.',
    );
    assert.equal(statusText(store.counts(), undefined), '$(shield) $(error) 2 $(warning) 0');
    assert.equal(statusText(new FindingsStore().counts(), 0.625), '$(shield) $(check) · 63% ready');
  });
});
