// @workspace integration-workspace
/**
 * Live diagnostics in the real host: planted findings squiggle, clean files do not, typing a
 * secret adds one, hovers explain it, and the status bar counts it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditReadyApi } from '../../../src/extension/extension';
import {
  activeExtension,
  auditDiagnostics,
  openFile,
  waitFor,
  waitForDiagnostics,
  writeWorkspaceFile,
} from '../util';

async function api(): Promise<AuditReadyApi> {
  return (await activeExtension()).exports as AuditReadyApi;
}

const codeOf = (d: vscode.Diagnostic): string =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code);

describe('live diagnostics', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('flags the planted GitHub token with a linked rule id, masked message and roadmap item', async () => {
    const editor = await openFile('src/github.js');
    const [d] = await waitForDiagnostics(editor.document.uri, (ds) =>
      ds.some((x) => codeOf(x) === 'secrets/github-token'),
    );
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(
      typeof d.code === 'object' &&
        d.code.target.path.endsWith('/docs/rules/secrets/github-token.md'),
    );
    assert.ok(!d.message.includes('ghp_R7tWq2Lm9Xc4Vb8Nz1Kp6Hd3Jf5Gs0Ya7EuQ'), 'secret masked');
    assert.equal(editor.document.getText(d.range), 'ghp_R7tWq2Lm9Xc4Vb8Nz1Kp6Hd3Jf5Gs0Ya7EuQ');
    assert.match(d.relatedInformation?.[0].message ?? '', /Foundation: No hardcoded credentials in source/);
  });

  it('flags the plain-HTTP URL and nothing in the clean file', async () => {
    const api1 = await openFile('src/api.js');
    await waitForDiagnostics(api1.document.uri, (ds) =>
      ds.some((x) => codeOf(x).startsWith('insecure-http/')),
    );
    const clean = await openFile('src/clean.js');
    const live = await api();
    // The clean file is scanned (it is in the store) and has no finding.
    await waitFor(
      () =>
        live.store.get(clean.document.uri).length === 0 &&
        auditDiagnostics(clean.document.uri).length === 0,
    );
    assert.deepEqual(auditDiagnostics(clean.document.uri), []);
  });

  it('re-scans as you type: a pasted token is flagged, deleting it clears the squiggle', async () => {
    const uri = await writeWorkspaceFile(
      'src/typing.ts',
      'export const config = {\n  region: "eu-west-1",\n};\n',
    );
    const editor = await vscode.window.showTextDocument(uri);
    await waitFor(() => (editor.document.getText().length > 0 ? true : undefined));
    await editor.edit((b) =>
      b.insert(new vscode.Position(2, 0), '  token: "ghp_Q4mZ8xT1vB6nL3kR9wY2pH5sD7fG0cJ1aE8u",\n'),
    );
    await waitForDiagnostics(uri, (ds) => ds.some((x) => codeOf(x) === 'secrets/github-token'));
    await editor.edit((b) => b.delete(new vscode.Range(2, 0, 3, 0)));
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
  });

  it('explains a finding on hover: why, how to fix, and to rotate the secret', async () => {
    const editor = await openFile('src/github.js');
    const [d] = await waitForDiagnostics(editor.document.uri, (ds) => ds.length > 0);
    const hovers = await waitFor(async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        d.range.start.translate(0, 3),
      );
      const text = hs
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      return text.includes('Why it matters') && text;
    });
    assert.match(hovers, /How to fix/);
    assert.match(hovers, /Rotate it/);
  });

  it('counts findings by severity in the status bar', async () => {
    await openFile('src/github.js');
    const live = await api();
    const text = await waitFor(
      () => live.statusBar.text.includes('$(error)') && live.statusBar.text,
    );
    assert.match(text, /\$\(error\) [1-9]/);
  });
});
