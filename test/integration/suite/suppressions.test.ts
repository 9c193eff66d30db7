// @workspace integration-workspace
/**
 * Suppression comments typed by hand in the real host: `audit-ready-ignore` on the line and
 * `audit-ready-ignore-next-line` above it hide the finding they name (rule, family or `*`), and
 * nothing else; a lapsed `until` date shows the finding again; the workspace scan honours them
 * in files that are not open. (The "Suppress" quick fix is in quickFixes.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkspaceScanSummary } from '../../../src/extension/workspaceScan';
import { activeExtension, waitForDiagnostics, writeWorkspaceFile } from '../util';

const LONG = { timeout: 30_000 };
// Fake, format-valid tokens (not real credentials).
const TOKEN_A = 'ghp_Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fGz';
const TOKEN_B = 'ghp_Wd5r1NcY8kP3vM6tQ9zB2xL4hJ7gF0sA1eRu';
const codeOf = (d: vscode.Diagnostic): string =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code);
/** `rule@line` (1-based) of each diagnostic, sorted: what a user sees in the Problems panel. */
const where = (ds: vscode.Diagnostic[]): string[] =>
  ds.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).sort();
const is =
  (...want: string[]) =>
  (ds: vscode.Diagnostic[]): boolean =>
    where(ds).join() === want.sort().join();

describe('suppression comments', function () {
  // Several waits of up to 30 s each per test: room for a loaded CI machine.
  this.timeout(90_000);
  const planted: vscode.Uri[] = [];
  const plant = async (rel: string, text: string): Promise<vscode.Uri> => {
    const uri = await writeWorkspaceFile(rel, text);
    planted.push(uri);
    return uri;
  };

  before(async () => {
    await activeExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of planted.splice(0)) await vscode.workspace.fs.delete(uri);
  });

  it('a comment on the line hides the rule it names, on that line only', async () => {
    const uri = await plant(
      'src/suppressed.js',
      [
        `const replay = '${TOKEN_A}'; // audit-ready-ignore secrets/github-token -- revoked, replay fixture`,
        `const live = '${TOKEN_B}';`,
        `const other = '${TOKEN_B}'; // audit-ready-ignore insecure-http -- names another family`,
        '',
      ].join('\n'),
    );
    await vscode.window.showTextDocument(uri);
    const ds = await waitForDiagnostics(uri, (x) => x.length > 0, LONG);
    assert.deepEqual(where(ds), ['secrets/github-token@2', 'secrets/github-token@3']);
  });

  it('typing an ignore-next-line comment hides the finding below it; deleting it brings it back', async () => {
    const uri = await plant('src/typed.ts', `export const token = '${TOKEN_A}';\n`);
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, is('secrets/github-token@1'), LONG);
    const comment = '// audit-ready-ignore-next-line secrets -- sandbox key, see ticket SEC-12\n';
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), comment)));
    await waitForDiagnostics(uri, is(), LONG);
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(0, 0, 1, 0))));
    await waitForDiagnostics(uri, is('secrets/github-token@1'), LONG);
  });

  it('a lapsed "until" date shows the finding again and says so', async () => {
    const uri = await plant(
      'src/lapsed.py',
      [
        '# audit-ready-ignore-next-line secrets/github-token until 2020-01-31 -- rotate by then',
        `TOKEN = "${TOKEN_A}"`,
        '# audit-ready-ignore-next-line * until 2999-12-31 -- still within its date',
        `BACKUP = "${TOKEN_B}"`,
        '',
      ].join('\n'),
    );
    await vscode.window.showTextDocument(uri);
    const [d] = await waitForDiagnostics(uri, is('secrets/github-token@2'), LONG);
    assert.match(d.message, /suppression lapsed on 2020-01-31/);
  });

  it('the workspace scan honours them in files that are not open', async () => {
    const uri = await plant(
      'scripts/seed.sh',
      [
        '#!/bin/sh',
        `export GITHUB_TOKEN="${TOKEN_A}" # audit-ready-ignore * -- CI sandbox, no scopes`,
        `export BACKUP_TOKEN="${TOKEN_B}"`,
        '',
      ].join('\n'),
    );
    const summary = await vscode.commands.executeCommand<WorkspaceScanSummary>(
      'auditReady.scanWorkspace',
    );
    assert.ok(summary && !summary.cancelled);
    await waitForDiagnostics(uri, is('secrets/github-token@3'), LONG);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
  });
});
