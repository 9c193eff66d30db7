// @workspace integration-readiness
/**
 * The "Audit Readiness" sidebar in the real host: phases and items decided by the planted
 * findings, attestations written to .auditready/checklist.json and read back, "not applicable",
 * and the documents (policies, questionnaire, evidence package) written the way a user gets them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditReadyApi } from '../../../src/extension/extension';
import type { ChecklistNode } from '../../../src/extension/readiness/checklistTree';
import type { ReadinessService } from '../../../src/extension/readiness/readinessService';
import { activeExtension, waitFor, workspaceFile } from '../util';

const LONG = { timeout: 30_000 };
const CHECKLIST = '.auditready/checklist.json';
/** The planted token of src/config.js, built from parts so this file holds no secret. */
const PLANTED_TOKEN = ['ghp_Z3xK8mQ1vT6bN9c', 'R2wL5hJ7pD4fG0sY8aE3u'].join('');

async function api(): Promise<AuditReadyApi> {
  return (await activeExtension()).exports as AuditReadyApi;
}

/** Every item node of the tree, depth first, keyed by roadmap id. */
function itemNodes(
  tree: AuditReadyApi['readiness']['checklistTree'],
): Map<string, ChecklistNode & { kind: 'item' }> {
  const out = new Map<string, ChecklistNode & { kind: 'item' }>();
  const walk = (nodes: ChecklistNode[]): void => {
    for (const n of nodes) {
      if (n.kind === 'item') out.set(n.result.item.id, n);
      else if (n.kind === 'phase' || n.kind === 'group') walk(tree.getChildren(n));
    }
  };
  walk(tree.getChildren());
  return out;
}

/** The item's tree item as drawn now (icon id, description, checkbox, context). */
async function drawn(id: string): Promise<vscode.TreeItem> {
  const { checklistTree } = (await api()).readiness;
  const node = itemNodes(checklistTree).get(id);
  assert.ok(node, `item ${id} in the tree`);
  return checklistTree.getTreeItem(node);
}

const iconOf = (t: vscode.TreeItem): string => (t.iconPath as vscode.ThemeIcon).id;

/** Waits until the tree draws item `id` with the status icon `icon`. */
function waitForIcon(id: string, icon: string): Promise<vscode.TreeItem> {
  return waitFor(
    async () => {
      const t = await drawn(id).catch(() => undefined);
      return t && iconOf(t) === icon && t;
    },
    { ...LONG, message: `${id} drawn with $(${icon})` },
  );
}

function readChecklist(): {
  items: Record<string, { status: string; by: string; at: string; note: string }>;
} {
  return JSON.parse(fs.readFileSync(workspaceFile(CHECKLIST).fsPath, 'utf8'));
}

const today = (): string => new Date().toISOString().slice(0, 10);

describe('Audit Readiness view', function () {
  this.timeout(60_000);

  before(async () => {
    const { readiness } = await api();
    await vscode.commands.executeCommand('auditReady.scanWorkspace');
    await waitFor(() => readiness.service.snapshot?.scanned, {
      ...LONG,
      message: 'the checklist to see the scan',
    });
  });

  it('shows the phases, and item statuses decided by the planted findings', async () => {
    const { checklistTree: tree, checklistView } = (await api()).readiness;
    // The workspace scan streams in: wait for both planted failures.
    await waitForIcon('foundation.no-hardcoded-credentials', 'error');
    await waitForIcon('controls.tls-1-2-only', 'error');
    const phases = tree.getChildren().map((n) => String(tree.getTreeItem(n).label));
    assert.deepEqual(phases, [
      'Phase 1 — Foundation',
      'Phase 2 — Visibility',
      'Phase 3 — Controls',
      'Phase 4 — Documentation',
      'Questionnaire readiness',
    ]);
    const secrets = await drawn('foundation.no-hardcoded-credentials');
    assert.match(String(secrets.description), /1 finding in the working tree/);
    assert.equal(secrets.checkboxState, undefined, 'findings items cannot be attested away');
    assert.equal(iconOf(await drawn('foundation.https-everywhere')), 'pass-filled');
    assert.equal(iconOf(await drawn('visibility.no-bodies-in-logs')), 'pass-filled');
    const logging = await drawn('visibility.request-logging');
    assert.equal(iconOf(logging), 'pass-filled');
    assert.match(String(logging.description), /morgan/);
    const mfa = await drawn('foundation.mfa-production');
    assert.equal(iconOf(mfa), 'circle-large-outline');
    assert.equal(
      (mfa.checkboxState as { state: vscode.TreeItemCheckboxState }).state,
      vscode.TreeItemCheckboxState.Unchecked,
    );
    assert.match(String(mfa.contextValue), /\battestable\b/);
    // Score and badge, as the view title and the status bar show them.
    const failing = [...itemNodes(tree).values()].filter(
      (n) => n.result.status === 'failing',
    ).length;
    assert.ok(failing >= 2);
    assert.equal(checklistView.badge?.value, failing);
    assert.match(
      String(checklistView.description),
      new RegExp(`^\\d+% ready · ${failing} failing$`),
    );
    const { statusBar } = await api();
    await waitFor(() => /\d+% ready/.test(statusBar.text), { message: 'score in the status bar' });
  });

  it('expands a failing item to its findings, which reveal in the editor', async () => {
    const { checklistTree: tree } = (await api()).readiness;
    const node = itemNodes(tree).get('foundation.no-hardcoded-credentials');
    assert.ok(node);
    const item = tree.getTreeItem(node);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const children = tree.getChildren(node);
    const finding = children.find(
      (c) => c.kind === 'finding' && c.finding.relPath === 'src/config.js',
    );
    assert.ok(finding, 'the planted secret under the item');
    const child = tree.getTreeItem(finding);
    assert.equal(child.description, 'src/config.js:3');
    assert.ok(
      !String(child.label).includes(PLANTED_TOKEN) &&
        !String(child.tooltip).includes(PLANTED_TOKEN),
      'masked',
    );
    const command = child.command as vscode.Command;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith('/src/config.js') &&
        vscode.window.activeTextEditor,
      LONG,
    );
    assert.equal(editor.selection.start.line, 2);
  });

  it('attests an item with a note: checklist.json gets who, when and the note; a fresh read keeps it', async () => {
    const { readiness, store } = await api();
    const before = readiness.service.snapshot?.score ?? -1;
    const note = 'MFA enforced in the cloud org, GitHub org and CI';
    const ok = await vscode.commands.executeCommand('auditReady.attestItem', {
      itemId: 'foundation.mfa-production',
      note,
    });
    assert.equal(ok, true);
    const saved = readChecklist().items['foundation.mfa-production'];
    assert.equal(saved.status, 'attested');
    assert.equal(saved.note, note);
    assert.equal(saved.at, today());
    assert.ok(saved.by.trim().length > 0, 'who attested');
    const t = await waitForIcon('foundation.mfa-production', 'verified-filled');
    assert.match(String(t.description), new RegExp(`Attested by .+ on ${today()}: ${note}`));
    assert.equal(
      (t.checkboxState as { state: vscode.TreeItemCheckboxState }).state,
      vscode.TreeItemCheckboxState.Checked,
    );
    assert.ok((readiness.service.snapshot?.score ?? 0) > before, 'the score goes up');

    // A fresh service reads the file again, as a reloaded window would.
    const Service = readiness.service.constructor as new (s: typeof store) => ReadinessService;
    const fresh = new Service(store);
    try {
      await fresh.refresh();
      const r = fresh.snapshot?.results.find((x) => x.item.id === 'foundation.mfa-production');
      assert.equal(r?.status, 'attested');
      assert.equal(r?.attestation?.note, note);
    } finally {
      fresh.dispose();
    }
    // And the refresh command keeps it in the view.
    await vscode.commands.executeCommand('auditReady.refreshChecklist');
    assert.equal(iconOf(await drawn('foundation.mfa-production')), 'verified-filled');
  });

  it('follows a hand edit of checklist.json, and refuses to overwrite a malformed one', async () => {
    const file = workspaceFile(CHECKLIST).fsPath;
    const state = JSON.parse(fs.readFileSync(file, 'utf8'));
    // Written by hand, out of order: the next write from the extension puts keys back in order.
    state.items = {
      'foundation.password-manager': {
        status: 'attested',
        by: 'Dana <dana@example.com>',
        at: '2026-01-05',
        note: 'Team vault',
      },
      ...state.items,
    };
    fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
    const t = await waitForIcon('foundation.password-manager', 'verified-filled');
    assert.match(String(t.description), /Dana/);

    const broken = '{ "version": 1, "items": { oops';
    fs.writeFileSync(file, broken);
    const { readiness } = await api();
    await waitFor(() => readiness.service.snapshot?.checklist.error, {
      ...LONG,
      message: 'the malformed file to be noticed',
    });
    const [first] = readiness.checklistTree.getChildren();
    assert.equal(first.kind, 'note');
    assert.match(String(readiness.checklistTree.getTreeItem(first).label), /not valid JSON/);
    const ok = await vscode.commands.executeCommand('auditReady.attestItem', {
      itemId: 'foundation.production-access-reviewed',
      note: 'x',
    });
    assert.equal(ok, false);
    assert.equal(fs.readFileSync(file, 'utf8'), broken, 'the malformed file is left as it was');
    fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
    await waitFor(
      () => !readiness.service.snapshot?.checklist.error && readiness.service.snapshot,
      LONG,
    );
  });

  it('marks an item not applicable with a reason, and clears it again', async () => {
    const { readiness } = await api();
    const id = 'controls.ip-allowlisting';
    const controls = (): number => {
      const phase = readiness.checklistTree
        .getChildren()
        .find((n) => n.kind === 'phase' && n.model.phase === 'controls');
      assert.ok(phase?.kind === 'phase');
      return phase.model.applicable;
    };
    const applicable = controls();
    const reason = 'No inbound admin endpoints: everything is behind the managed gateway';
    assert.equal(
      await vscode.commands.executeCommand('auditReady.markNotApplicable', {
        itemId: id,
        note: reason,
      }),
      true,
    );
    assert.deepEqual(
      { status: readChecklist().items[id].status, note: readChecklist().items[id].note },
      { status: 'not-applicable', note: reason },
    );
    const t = await waitForIcon(id, 'circle-slash');
    assert.match(String(t.description), /^Not applicable: No inbound admin endpoints/);
    assert.equal(t.checkboxState, undefined);
    assert.equal(controls(), applicable - 1, 'one fewer applicable control');
    const keys = Object.keys(readChecklist().items);
    assert.deepEqual(
      keys,
      [...keys].sort(),
      'the write put the hand-edited file back in stable order',
    );

    assert.equal(
      await vscode.commands.executeCommand('auditReady.clearAttestation', {
        itemId: id,
        confirmed: true,
      }),
      true,
    );
    assert.equal(readChecklist().items[id], undefined);
    await waitForIcon(id, 'circle-large-outline');
  });

  it('starts the 30-day plan: day 1 and the open items of its window', async () => {
    const { readiness } = await api();
    const plan = readiness.planTree;
    assert.deepEqual(plan.getChildren(), [], 'empty (welcome view) before the plan starts');
    assert.equal(await vscode.commands.executeCommand('auditReady.startPlan'), true);
    assert.equal(
      JSON.parse(fs.readFileSync(workspaceFile(CHECKLIST).fsPath, 'utf8')).planStart,
      today(),
    );
    const roots = await waitFor(
      () => {
        const r = plan.getChildren();
        return r.length > 0 && r;
      },
      { ...LONG, message: 'the plan view to fill in' },
    );
    assert.equal(plan.getTreeItem(roots[0]).label, 'Day 1 of 30');
    const focus = roots.find((n) => n.kind === 'section' && n.id === 'today');
    assert.ok(focus);
    const titles = plan.getChildren(focus).map((n) => (n.kind === 'item' ? n.result.item.id : ''));
    // Day 1: the secrets item (days 1–3) fails; MFA (days 1–3) is attested, so it is not open.
    assert.ok(titles.includes('foundation.no-hardcoded-credentials'), titles.join());
    assert.ok(!titles.includes('foundation.mfa-production'), 'done items leave the focus');
    assert.ok(
      !titles.includes('documentation.security-policy'),
      "later windows are not in today's focus",
    );
  });

  it('generates the five policy templates under docs/security/ without overwriting an edited one', async () => {
    const written = await vscode.commands.executeCommand<string[]>(
      'auditReady.generatePolicyTemplates',
    );
    assert.deepEqual(written.map((p) => path.basename(p)).sort(), [
      'access-control-policy.md',
      'credential-management-policy.md',
      'data-classification-policy.md',
      'incident-response-plan.md',
      'security-policy.md',
    ]);
    const policy = workspaceFile('docs/security/security-policy.md').fsPath;
    assert.match(fs.readFileSync(policy, 'utf8'), /\[\[FILL IN:/);
    // Templates are not filled-in policies: the items fail, naming the placeholders left.
    const t = await waitForIcon('documentation.security-policy', 'error');
    assert.match(String(t.description), /placeholder/);

    // The founder replaces the template in the editor and saves it.
    const mine = '# Security policy of Acme\n\nOwned by the CTO. Reviewed yearly.\n';
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(policy));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), mine);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());
    await waitForIcon('documentation.security-policy', 'pass-filled');
    // A file changed outside the editor: "Refresh Checklist" re-reads it.
    const irp = workspaceFile('docs/security/incident-response-plan.md').fsPath;
    fs.writeFileSync(irp, '# Incident response\n\nOn-call: the CTO. Customers told within 72 hours.\n');
    await vscode.commands.executeCommand('auditReady.refreshChecklist');
    await waitForIcon('documentation.incident-response-plan', 'pass-filled');
    const again = await vscode.commands.executeCommand<string[]>(
      'auditReady.generatePolicyTemplates',
    );
    assert.deepEqual(again, []);
    assert.equal(fs.readFileSync(policy, 'utf8'), mine, 'an existing policy is never overwritten');
  });

  it('drafts questionnaire answers that claim only what the evidence shows', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('auditReady.draftQuestionnaire', {
      overwrite: true,
    });
    assert.ok(uri);
    assert.ok(uri.fsPath.endsWith(path.join('docs', 'security', 'questionnaire-answers.md')));
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    // Secrets are in the code, so credential management cannot be claimed.
    const credential = text.slice(
      text.indexOf('## Credential management'),
      text.indexOf('## SOC 2 status'),
    );
    assert.match(credential, /\*\*GAP:\*\* No hardcoded credentials in source/);
    assert.match(text, /## Logging/);
    assert.ok(!text.includes(PLANTED_TOKEN));
    await waitForIcon('questionnaire.draft-answers', 'pass-filled');
  });

  it('exports a dated evidence package with report, SARIF and attestations, values masked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-ready-evidence-'));
    try {
      const folder = await vscode.commands.executeCommand<string>(
        'auditReady.exportEvidencePackage',
        { dir },
      );
      assert.ok(folder);
      assert.equal(path.basename(folder), `audit-ready-evidence-${today()}`);
      assert.deepEqual(fs.readdirSync(folder).sort(), [
        'checklist.json',
        'findings.sarif',
        'questionnaire-answers.md',
        'report.md',
      ]);
      const report = fs.readFileSync(path.join(folder, 'report.md'), 'utf8');
      assert.match(report, /Readiness score:\*\* \d+%/);
      assert.match(report, /MFA on all production access/);
      const sarif = JSON.parse(fs.readFileSync(path.join(folder, 'findings.sarif'), 'utf8'));
      const rules = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
      assert.ok(rules.includes('secrets/github-token'), rules.join());
      const attestations = JSON.parse(fs.readFileSync(path.join(folder, 'checklist.json'), 'utf8'));
      assert.equal(attestations.items['foundation.mfa-production'].status, 'attested');
      for (const name of fs.readdirSync(folder)) {
        const text = fs.readFileSync(path.join(folder, name), 'utf8');
        assert.ok(!text.includes(PLANTED_TOKEN), `${name} holds no unmasked secret`);
        assert.ok(
          !text.includes(PLANTED_TOKEN.slice(4, 24)),
          `${name} holds no long piece of the secret`,
        );
      }
      // A second export never overwrites the first.
      const second = await vscode.commands.executeCommand<string>(
        'auditReady.exportEvidencePackage',
        { dir },
      );
      assert.equal(path.basename(second), `audit-ready-evidence-${today()}-2`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
