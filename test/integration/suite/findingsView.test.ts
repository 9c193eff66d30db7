// @workspace integration-workspace
/**
 * The Findings view and the status bar in the real host: family → file → finding, a finding
 * reveals its range in the editor, and the status bar opens the sidebar.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditReadyApi } from '../../../src/extension/extension';
import type { FindingsNode } from '../../../src/extension/findingsTree';
import { activeExtension, waitFor } from '../util';

const LONG = { timeout: 30_000 };

async function api(): Promise<AuditReadyApi> {
  return (await activeExtension()).exports as AuditReadyApi;
}

describe('Findings view and status bar', () => {
  before(async () => {
    await api();
    await vscode.commands.executeCommand('auditReady.scanWorkspace');
  });

  it('groups findings by family, then file, then finding', async () => {
    const { findingsTree: tree } = await api();
    const roots = await waitFor(() => {
      const r = tree.getChildren();
      return r.length >= 2 && r;
    }, LONG);
    const families = roots.map((n) => (n.kind === 'family' ? n.family : ''));
    assert.ok(families.includes('secrets') && families.includes('insecure-http'), families.join());
    const secrets = roots.find(
      (n) => n.kind === 'family' && n.family === 'secrets',
    ) as FindingsNode;
    assert.equal(tree.getTreeItem(secrets).label, 'Hardcoded secrets');
    const files = tree.getChildren(secrets);
    const github = files.find((n) => n.kind === 'file' && n.uri.path.endsWith('/src/github.js'));
    assert.ok(github, 'src/github.js under secrets');
    const [finding] = tree.getChildren(github);
    assert.equal(finding.kind, 'finding');
    assert.match(String(tree.getTreeItem(finding).description), /secrets\/github-token · Ln 4/);
  });

  it('reveals a finding in the editor when clicked', async () => {
    const { findingsTree: tree } = await api();
    const secrets = tree
      .getChildren()
      .find((n) => n.kind === 'family' && n.family === 'secrets') as FindingsNode;
    const file = tree
      .getChildren(secrets)
      .find((n) => n.kind === 'file' && n.uri.path.endsWith('/src/github.js'));
    const [finding] = tree.getChildren(file);
    const command = tree.getTreeItem(finding).command as vscode.Command;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith('/src/github.js') &&
        vscode.window.activeTextEditor,
      LONG,
    );
    assert.match(editor.document.getText(editor.selection), /^ghp_/);
  });

  it('the status bar item opens the sidebar and the command exists', async () => {
    const live = await api();
    assert.match(live.statusBar.text, /^\$\(shield\)/);
    await vscode.commands.executeCommand('auditReady.showSidebar');
    live.statusBar.setReadinessScore(0.5);
    assert.match(live.statusBar.text, /50% ready$/);
    live.statusBar.setReadinessScore(undefined);
  });
});
