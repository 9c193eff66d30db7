// @workspace integration-history
/**
 * "Scan Git History" in the real host, on a repository the test makes in its copy of the
 * fixture: a token committed and then removed shows up (masked) under the checklist's
 * "no credentials in git history" item, never as a squiggle; "Show Commit" opens the diff at
 * that commit; "Mark as Rotated" records who, when and a note, and the item stops failing.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HistoryFinding } from '../../../src/engine';
import type { AuditReadyApi } from '../../../src/extension/extension';
import type { ChecklistNode } from '../../../src/extension/readiness/checklistTree';
import type { ReadinessService } from '../../../src/extension/readiness/readinessService';
import type { HistoryScanResult } from '../../../src/node/history/historyScan';
import {
  activeExtension,
  auditDiagnostics,
  waitFor,
  workspaceFile,
  workspaceRoot,
  writeWorkspaceFile,
} from '../util';

const LONG = { timeout: 30_000 };
const ITEM = 'foundation.no-credentials-in-history';
/** The token committed once, built from parts so this file holds no secret. */
const TOKEN = ['ghp_Lq7Vz2Nc9Xk4', 'Rt8Mb1Hs6Wd3Jp5Fg0Ty2Ae7'].join('');
const WHO = 'Riley Auditor <riley@example.com>';

async function api(): Promise<AuditReadyApi> {
  return (await activeExtension()).exports as AuditReadyApi;
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceRoot().fsPath, encoding: 'utf8' });
}

/** The history item's node, found through phase → item like a user expanding the tree. */
function historyItem(
  tree: AuditReadyApi['readiness']['checklistTree'],
): ChecklistNode & { kind: 'item' } {
  for (const phase of tree.getChildren()) {
    for (const n of tree.getChildren(phase))
      if (n.kind === 'item' && n.result.item.id === ITEM) return n;
  }
  throw new Error(`${ITEM} not in the tree`);
}

describe('Scan Git History', function () {
  this.timeout(60_000);
  let result: HistoryScanResult;
  let secret: HistoryFinding;

  before(async () => {
    await api();
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Riley Auditor');
    git('config', 'user.email', 'riley@example.com');
    git('config', 'commit.gpgsign', 'false');
    git('add', '-A');
    git('commit', '-q', '-m', 'Initial app');
    await writeWorkspaceFile(
      'src/legacy.js',
      `// old client\nconst client = { auth: '${TOKEN}' };\nmodule.exports = client;\n`,
    );
    git('add', 'src/legacy.js');
    git('commit', '-q', '-m', 'Add legacy client');
    fs.rmSync(workspaceFile('src/legacy.js').fsPath);
    git('commit', '-q', '-am', 'Remove legacy client');
  });

  it('finds the removed token, masked, under the history item — not as a squiggle', async () => {
    const { readiness } = await api();
    result = (await vscode.commands.executeCommand<HistoryScanResult>('auditReady.scanHistory'))!;
    assert.ok(result, 'the scan returns its result');
    assert.equal(result.commitsScanned, 3);
    const found = result.findings.find((f) => f.introduced.path === 'src/legacy.js');
    assert.ok(found, 'the token in src/legacy.js');
    secret = found;
    assert.equal(secret.inHead, false);
    assert.equal(secret.introduced.subject, 'Add legacy client');
    assert.equal(secret.introduced.line, 1);
    assert.ok(
      !secret.display.includes(TOKEN) && !secret.display.includes(TOKEN.slice(4, 20)),
      `masked: ${secret.display}`,
    );

    const tree = readiness.checklistTree;
    const item = await waitFor(
      () => {
        const n = historyItem(tree);
        return n.result.status === 'failing' && n;
      },
      { ...LONG, message: 'the history item to fail' },
    );
    assert.match(
      String(tree.getTreeItem(item).description),
      /1 secret in history not yet marked rotated/,
    );
    const node = tree
      .getChildren(item)
      .find((c) => c.kind === 'history' && c.finding.fingerprint === secret.fingerprint);
    assert.ok(node, 'the secret under the item');
    const t = tree.getTreeItem(node);
    assert.equal(t.contextValue, 'historyFinding');
    assert.match(
      String(t.description),
      /^[0-9a-f]{8} · Riley Auditor · \d{4}-\d{2}-\d{2} · src\/legacy\.js:2$/,
    );
    for (const text of [t.label, t.description, t.tooltip])
      assert.ok(!String(text).includes(TOKEN), 'masked in the tree');
    assert.equal(t.command?.command, 'auditReady.showCommit');
    // The line no longer exists: no diagnostics for a file that is gone.
    assert.deepEqual(auditDiagnostics(workspaceFile('src/legacy.js')), []);
  });

  it('"Show Commit" opens the change that introduced it', async () => {
    await vscode.commands.executeCommand('auditReady.showCommit', secret);
    const tab = await waitFor(
      () => {
        const active = vscode.window.tabGroups.activeTabGroup.activeTab;
        return active?.input instanceof vscode.TabInputTextDiff && active;
      },
      { ...LONG, message: 'a diff editor' },
    );
    const input = tab.input as vscode.TabInputTextDiff;
    assert.match(tab.label, /src\/legacy\.js @ [0-9a-f]{8} — Add legacy client/);
    const after = await vscode.workspace.openTextDocument(input.modified);
    const before = await vscode.workspace.openTextDocument(input.original);
    assert.match(after.getText(), /old client/);
    assert.equal(before.getText(), '', 'the file did not exist before that commit');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('"Mark as Rotated" records who, when and the note; the item stops failing', async () => {
    const { readiness } = await api();
    const note = 'Revoked on GitHub, new token in the secret store';
    assert.equal(
      await vscode.commands.executeCommand('auditReady.markRotated', secret, note),
      true,
    );
    const saved = JSON.parse(
      fs.readFileSync(workspaceFile('.auditready/checklist.json').fsPath, 'utf8'),
    );
    assert.deepEqual(saved.rotated[secret.fingerprint], {
      by: WHO,
      at: new Date().toISOString().slice(0, 10),
      note,
    });
    const tree = readiness.checklistTree;
    const item = await waitFor(
      () => {
        const n = historyItem(tree);
        return n.result.status === 'attested' && n;
      },
      { ...LONG, message: 'the history item to be attested (every secret marked rotated)' },
    );
    assert.match(String(tree.getTreeItem(item).description), /all marked rotated/);
    const node = tree
      .getChildren(item)
      .find((c) => c.kind === 'history' && c.finding.fingerprint === secret.fingerprint);
    assert.ok(node);
    const t = tree.getTreeItem(node);
    assert.equal(t.contextValue, 'historyFinding rotated');
    assert.equal((t.iconPath as vscode.ThemeIcon).id, 'verified-filled');
    assert.match(
      String(t.tooltip),
      new RegExp(`Rotated \\(Riley Auditor <riley@example.com>, \\d{4}-\\d{2}-\\d{2}\\): ${note}`),
    );
  });

  it('keeps the last scan for the next window (workspace state, masked), without running git again', async () => {
    const { readiness, store } = await api();
    const Service = readiness.service.constructor as new (
      s: typeof store,
      m?: vscode.Memento,
    ) => ReadinessService;
    const data = new Map<string, unknown>();
    const memory = {
      keys: () => [...data.keys()],
      get: <T>(key: string, fallback?: T) => (data.has(key) ? (data.get(key) as T) : fallback),
      update: async (key: string, value: unknown) => void data.set(key, value),
    } as vscode.Memento;
    const first = new Service(store, memory);
    await first.setHistory(result);
    first.dispose();
    assert.ok(!JSON.stringify([...data.values()]).includes(TOKEN), 'nothing unmasked is kept');
    const next = new Service(store, memory);
    try {
      await next.refresh();
      assert.equal(next.history?.findings[0]?.fingerprint, result.findings[0].fingerprint);
      assert.match(
        next.history?.notes.at(-1) ?? '',
        /From the history scan of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
      );
      const item = next.snapshot?.results.find((r) => r.item.id === ITEM);
      assert.match(item?.evidence ?? '', /all marked rotated/);
    } finally {
      next.dispose();
    }
  });
});
