import * as vscode from 'vscode';
import { FAMILY_INFO } from '../../engine';
import {
  POLICY_FOLDER,
  withAttestation,
  withoutAttestation,
  type ItemResult,
} from '../../engine/roadmap';
import { FINDINGS_VIEW_ID, Cmd } from '../ids';
import type { FindingsStore } from '../store';
import { ReadinessCmd } from './ids';
import type { ReadinessService } from './readinessService';
import { STATUS_ICON } from './treeModel';

/**
 * What the item commands accept: a tree node (context menu, checkbox), an item id, or — from
 * the palette or a test — `{ itemId, note, confirmed }`, which skips the prompts it answers.
 */
export type ItemArg =
  | string
  | { result: ItemResult }
  | { itemId: string; note?: string; confirmed?: boolean }
  | undefined;

function argId(arg: ItemArg): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && 'result' in arg) return arg.result.item.id;
  return arg?.itemId;
}

/** The item the command is about: from the argument, or picked from those `fits` allows. */
async function resolveItem(
  service: ReadinessService,
  arg: ItemArg,
  fits: (r: ItemResult) => boolean,
  verb: string,
): Promise<ItemResult | undefined> {
  if (!service.snapshot) await service.refresh();
  const results = service.snapshot?.results ?? [];
  const id = argId(arg);
  if (id) {
    const found = results.find((r) => r.item.id === id);
    if (!found) void vscode.window.showErrorMessage(`Audit Ready: no checklist item "${id}".`);
    return found;
  }
  const pick = await vscode.window.showQuickPick(
    results
      .filter(fits)
      .map((r) => ({
        label: r.item.title,
        description: STATUS_ICON[r.status].label,
        detail: r.evidence,
        r,
      })),
    { placeHolder: `Which item do you ${verb}?`, matchOnDetail: true },
  );
  return pick?.r;
}

const noteOf = (arg: ItemArg): string | undefined =>
  arg && typeof arg === 'object' && 'itemId' in arg ? arg.note : undefined;

/** Attest: a note (what was checked), who (git config) and when, into checklist.json. */
export async function attestItem(service: ReadinessService, arg: ItemArg): Promise<boolean> {
  const r = await resolveItem(
    service,
    arg,
    (x) => x.attestable && x.status !== 'attested',
    'attest',
  );
  if (!r) return false;
  if (!r.attestable) {
    void vscode.window.showWarningMessage(
      `Audit Ready: "${r.item.title}" is decided by what the scan finds; it cannot be attested.`,
    );
    return false;
  }
  const note =
    noteOf(arg) ??
    (await vscode.window.showInputBox({
      title: `Attest: ${r.item.title}`,
      prompt: `${r.item.how} What did you check, and where is the evidence?`,
      placeHolder:
        'e.g. MFA enforced in the AWS org, GitHub org and CI — screenshots in the shared drive',
      ignoreFocusOut: true,
    }));
  if (note === undefined) return false;
  return service.update((s, by, at) =>
    withAttestation(s, r.item.id, { status: 'attested', by, at, note: note.trim() }),
  );
}

/** Not applicable, with a reason (required: an auditor will ask why). */
export async function markNotApplicable(service: ReadinessService, arg: ItemArg): Promise<boolean> {
  const r = await resolveItem(
    service,
    arg,
    (x) => x.status !== 'not-applicable',
    'mark not applicable',
  );
  if (!r) return false;
  const reason =
    noteOf(arg) ??
    (await vscode.window.showInputBox({
      title: `Not applicable: ${r.item.title}`,
      prompt: 'Why does this not apply to the company? (recorded in .auditready/checklist.json)',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'A reason is required.'),
    }));
  if (!reason?.trim()) return false;
  return service.update((s, by, at) =>
    withAttestation(s, r.item.id, { status: 'not-applicable', by, at, note: reason.trim() }),
  );
}

/** Removes an attestation or a not-applicable mark, after a confirmation. */
export async function clearAttestation(service: ReadinessService, arg: ItemArg): Promise<boolean> {
  const r = await resolveItem(service, arg, (x) => !!x.attestation, 'clear');
  if (!r?.attestation) return false;
  const confirmed = arg && typeof arg === 'object' && 'itemId' in arg && arg.confirmed;
  if (!confirmed) {
    const what = r.attestation.status === 'attested' ? 'attestation' : '"not applicable" mark';
    const ok = await vscode.window.showWarningMessage(
      `Remove the ${what} of "${r.item.title}" (${r.attestation.by}, ${r.attestation.at})?`,
      { modal: true },
      'Remove',
    );
    if (ok !== 'Remove') return false;
  }
  return service.update((s) => withoutAttestation(s, r.item.id));
}

/** Shows what decided an item: its findings, the history scan, or the document. */
export async function showEvidence(
  service: ReadinessService,
  store: FindingsStore,
  arg: ItemArg,
): Promise<void> {
  const r = await resolveItem(service, arg, () => true, 'see the evidence of');
  const folder = service.snapshot?.folder.uri;
  if (!r || !folder) return;
  const check = r.item.check;
  if (check.kind === 'findings') {
    const [first] = store.byFamily(check.family).filter((f) => !f.suppressed);
    await vscode.commands.executeCommand(`${FINDINGS_VIEW_ID}.focus`);
    if (first) await vscode.commands.executeCommand(Cmd.revealFinding, first.uri, first.range);
    else
      void vscode.window.showInformationMessage(
        `Audit Ready: no ${FAMILY_INFO[check.family].title.toLowerCase()} findings.`,
      );
    return;
  }
  if (check.kind === 'history') {
    // The secrets themselves are the item's children in the tree; without a scan, run one.
    if (!service.history) await vscode.commands.executeCommand(ReadinessCmd.scanHistory);
    else
      void vscode.window.showInformationMessage(
        `Audit Ready: ${r.evidence} Expand the item to see each secret.`,
      );
    return;
  }
  const file =
    check.kind === 'policy'
      ? `${POLICY_FOLDER}/${check.policy}.md`
      : check.kind === 'questionnaire'
        ? `${POLICY_FOLDER}/questionnaire-answers.md`
        : undefined;
  if (!file) {
    void vscode.window.showInformationMessage(`Audit Ready: ${r.evidence}`);
    return;
  }
  const uri = vscode.Uri.joinPath(folder, ...file.split('/'));
  try {
    await vscode.window.showTextDocument(uri);
  } catch {
    void vscode.window.showInformationMessage(
      `Audit Ready: ${file} does not exist yet. ${r.evidence}`,
    );
  }
}

/** Starts the plan today (asks before restarting a running one). */
export async function startPlan(
  service: ReadinessService,
  arg?: { confirmed?: boolean },
): Promise<boolean> {
  if (!service.snapshot) await service.refresh();
  const current = service.snapshot?.checklist.state.planStart;
  if (current && !arg?.confirmed) {
    const ok = await vscode.window.showWarningMessage(
      `The 30-day plan started on ${current}. Restart it from today?`,
      { modal: true },
      'Restart',
    );
    if (ok !== 'Restart') return false;
  }
  return service.update((s, _who, today) => ({ ...s, planStart: today }));
}
