// @workspace integration-workspace
/**
 * Workspace scan, configuration and settings in the real host: unopened files reach the
 * Problems panel, closing a file keeps them, the file watcher picks up new files, and changes
 * of settings or `.auditready.jsonc` re-scan without a reload.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditReadyApi } from '../../../src/extension/extension';
import type { WorkspaceScanSummary } from '../../../src/extension/workspaceScan';
import {
  activeExtension,
  auditDiagnostics,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
  writeWorkspaceFile,
} from '../util';

const LONG = { timeout: 30_000 };
// Fake, format-valid token (not a real credential).
const TOKEN = 'ghp_Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fGz';
const codeOf = (d: vscode.Diagnostic): string =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code);

async function api(): Promise<AuditReadyApi> {
  return (await activeExtension()).exports as AuditReadyApi;
}

async function scanWorkspace(): Promise<WorkspaceScanSummary> {
  const summary = await vscode.commands.executeCommand<WorkspaceScanSummary>(
    'auditReady.scanWorkspace',
  );
  assert.ok(summary, 'the command returns a summary');
  return summary;
}

describe('workspace scan and configuration', () => {
  before(async () => {
    const live = await api();
    console.log(`Audit Ready activation took ${live.activationMs.toFixed(1)} ms`);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates quickly', async function () {
    const live = await api();
    // The figure is printed with the test (goal: under 50 ms); the bound here leaves room for
    // a loaded CI machine.
    this.test!.title = `activates quickly: activate() took ${live.activationMs.toFixed(1)} ms (goal < 50 ms)`;
    assert.ok(live.activationMs < 500, `activation took ${live.activationMs} ms`);
  });

  it('"Scan Workspace" fills the Problems panel for files that are not open', async () => {
    const uri = await writeWorkspaceFile('scripts/deploy.py', `import os\nTOKEN = "${TOKEN}"\n`);
    const summary = await scanWorkspace();
    assert.ok(!summary.cancelled);
    assert.ok(summary.filesScanned >= 4, `files scanned: ${summary.filesScanned}`);
    assert.ok(
      summary.counts.byFamily.secrets >= 2 && summary.counts.byFamily['insecure-http'] >= 1,
    );
    await waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => codeOf(d) === 'secrets/github-token'),
      LONG,
    );
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
      'file not opened',
    );
  });

  it('re-scans changed files on disk (file watcher)', async () => {
    await scanWorkspace();
    const uri = await writeWorkspaceFile('src/later.rb', `ENV_TOKEN = "${TOKEN}"\n`);
    await waitForDiagnostics(uri, (ds) => ds.length > 0, LONG);
    await vscode.workspace.fs.delete(uri);
    await waitForDiagnostics(uri, (ds) => ds.length === 0, LONG);
  });

  it('a settings change re-scans: turning secrets off removes their findings, on brings them back', async () => {
    await scanWorkspace();
    const github = workspaceFile('src/github.js');
    await waitForDiagnostics(github, (ds) => ds.length > 0, LONG);
    const config = vscode.workspace.getConfiguration('auditReady');
    const families = {
      secrets: false,
      'insecure-http': true,
      'weak-tls': true,
      'body-logging': true,
    };
    await config.update('families', families, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(github, (ds) => ds.length === 0, LONG);
      assert.ok(
        auditDiagnostics(workspaceFile('src/api.js')).length > 0,
        'other families still shown',
      );
    } finally {
      await config.update('families', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(github, (ds) => ds.length > 0, LONG);
  });

  it('shows problems of .auditready.jsonc on the file and applies its rules without a reload', async () => {
    await scanWorkspace();
    const api1 = workspaceFile('src/api.js');
    await waitForDiagnostics(api1, (ds) => ds.length > 0, LONG);
    const cfg = await writeWorkspaceFile(
      '.auditready.jsonc',
      '{\n  "rulez": {},\n  "rules": { "insecure-http": "off" }\n}\n',
    );
    try {
      await waitFor(
        () =>
          vscode.languages
            .getDiagnostics(cfg)
            .some((d) => /Unknown setting "rulez"/.test(d.message)),
        LONG,
      );
      await waitForDiagnostics(api1, (ds) => ds.length === 0, LONG);
    } finally {
      await vscode.workspace.fs.delete(cfg);
    }
    await waitForDiagnostics(api1, (ds) => ds.length > 0, LONG);
    await waitFor(() => vscode.languages.getDiagnostics(cfg).length === 0, LONG);
  });

  it('"Open Configuration" creates a commented config that parses cleanly', async () => {
    await vscode.commands.executeCommand('auditReady.openConfiguration');
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith('/.auditready.jsonc') &&
        vscode.window.activeTextEditor,
      LONG,
    );
    assert.match(editor.document.getText(), /^\/\/ Audit Ready project configuration/);
    await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).length === 0);
    await vscode.workspace.fs.delete(editor.document.uri);
  });

  it('"Clear Findings" empties the store and the Problems panel', async () => {
    await scanWorkspace();
    const live = await api();
    const github = workspaceFile('src/github.js');
    await waitForDiagnostics(github, (ds) => ds.length > 0, LONG);
    await vscode.commands.executeCommand('auditReady.clearFindings');
    // Checked at once: open files and config changes may legitimately re-scan afterwards.
    assert.equal(live.store.counts().total, 0);
    assert.deepEqual(auditDiagnostics(github), []);
  });
});
