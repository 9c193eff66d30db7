import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isoDate } from '../../engine';
import { buildSarif, type ReportFinding } from '../../engine/report';
import {
  draftQuestionnaire,
  evidenceReportMarkdown,
  POLICY_FOLDER,
  POLICY_IDS,
  POLICY_TEMPLATES,
  serializeChecklist,
} from '../../engine/roadmap';
import { writeFileAtomic } from '../../node/atomicWrite';
import { historyReportFinding, writeEvidencePackage } from '../../node/evidencePackage';
import type { StoredFinding } from '../convert';
import type { FindingsStore } from '../store';
import type { ReadinessService } from './readinessService';

const exists = (file: string): Promise<boolean> =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/** Writes the five policy templates, skipping (and naming) any that exist; opens one. */
export async function generatePolicies(service: ReadinessService): Promise<string[]> {
  const folder = await pickFolder(service);
  if (!folder) return [];
  const written: string[] = [];
  const skipped: string[] = [];
  for (const id of POLICY_IDS) {
    const rel = `${POLICY_FOLDER}/${id}.md`;
    const file = path.join(folder.uri.fsPath, rel);
    if (await exists(file)) skipped.push(rel);
    else {
      await writeFileAtomic(file, POLICY_TEMPLATES[id].body);
      written.push(rel);
    }
  }
  const first = written[0] ?? skipped[0];
  if (first)
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, ...first.split('/')), {
      preview: false,
    });
  const kept = skipped.length
    ? ` Kept ${skipped.length} existing (not overwritten): ${skipped.map((s) => path.basename(s)).join(', ')}.`
    : '';
  void vscode.window.showInformationMessage(
    `Audit Ready: wrote ${written.length} policy template${written.length === 1 ? '' : 's'} under ${POLICY_FOLDER}/.${kept} Replace every [[FILL IN: …]].`,
  );
  service.invalidateFiles();
  await service.refresh();
  return written;
}

/** Writes docs/security/questionnaire-answers.md from the current evidence (asks before overwriting). */
export async function draftAnswers(
  service: ReadinessService,
  arg?: { overwrite?: boolean },
): Promise<vscode.Uri | undefined> {
  await service.refresh();
  const snap = service.snapshot;
  if (!snap) return undefined;
  const rel = `${POLICY_FOLDER}/questionnaire-answers.md`;
  const file = path.join(snap.folder.uri.fsPath, rel);
  if ((await exists(file)) && !arg?.overwrite) {
    const ok = await vscode.window.showWarningMessage(
      `${rel} exists. Replace it with a new draft?`,
      { modal: true },
      'Replace',
    );
    if (ok !== 'Replace') return undefined;
  }
  await writeFileAtomic(file, draftQuestionnaire(snap.results, isoDate(new Date())));
  const uri = vscode.Uri.file(file);
  await vscode.window.showTextDocument(uri, { preview: false });
  service.invalidateFiles();
  await service.refresh();
  return uri;
}

/** A stored finding as a report row: 0-based line/column from its editor range. */
export function toReportFinding(f: StoredFinding): ReportFinding {
  const { uri: _uri, range, relPath, ...finding } = f;
  return {
    ...finding,
    path: relPath,
    line: range.start.line,
    column: range.start.character,
    endLine: range.end.line,
    endColumn: range.end.character,
  };
}

/**
 * Writes `audit-ready-evidence-YYYY-MM-DD/` (report.md, findings.sarif, checklist.json,
 * questionnaire-answers.md) under `arg.dir`, a folder the user picks, or `.auditready/evidence/`.
 */
export async function exportEvidence(
  service: ReadinessService,
  store: FindingsStore,
  version: string,
  arg?: { dir?: string },
): Promise<string | undefined> {
  await service.refresh();
  const snap = service.snapshot;
  if (!snap) {
    void vscode.window.showWarningMessage(
      'Audit Ready: open a folder to export its evidence package.',
    );
    return undefined;
  }
  const dir = arg?.dir ?? (await pickExportDir(snap.folder.uri));
  if (!dir) return undefined;
  const today = isoDate(new Date());
  const prefix = snap.folder.uri.toString().replace(/\/?$/, '/');
  const rotated = snap.checklist.state.rotated;
  const findings = [
    ...store
      .all()
      .filter((f) => f.uri.toString().startsWith(prefix))
      .map(toReportFinding),
    // Secrets still in HEAD are working-tree findings already.
    ...(service.history?.findings ?? [])
      .filter((f) => !f.inHead)
      .map((f) => historyReportFinding(f, rotated[f.fingerprint])),
  ];
  const sarif = buildSarif({
    toolVersion: version,
    findings,
    rules: [],
    filesScanned:
      store.scanInfo().find((s) => s.folder.toString() === snap.folder.uri.toString())
        ?.filesScanned ?? 0,
    bytesScanned: 0,
    durationMs: 0,
    skipped: [],
    srcRootUri: prefix,
  });
  const ev = snap.evidence;
  const folder = await writeEvidencePackage(dir, today, {
    'report.md': evidenceReportMarkdown({
      project: snap.folder.name,
      date: today,
      results: snap.results,
      findings: ev.findings,
      history: ev.history,
      plan: snap.plan,
    }),
    'findings.sarif': `${JSON.stringify(sarif, null, 2)}\n`,
    'checklist.json': serializeChecklist(snap.checklist.state),
    'questionnaire-answers.md': draftQuestionnaire(snap.results, today),
  });
  void vscode.window
    .showInformationMessage(`Audit Ready: evidence package written to ${folder}`, 'Open Report')
    .then((c) => {
      if (c)
        void vscode.commands.executeCommand(
          'markdown.showPreview',
          vscode.Uri.file(path.join(folder, 'report.md')),
        );
    });
  return folder;
}

async function pickExportDir(folder: vscode.Uri): Promise<string | undefined> {
  const inRepo = path.join(folder.fsPath, '.auditready', 'evidence');
  const pick = await vscode.window.showQuickPick(
    [
      { label: '.auditready/evidence/ in the workspace', dir: inRepo },
      { label: 'Choose a folder…', dir: '' },
    ],
    { placeHolder: 'Where should the dated evidence folder go?' },
  );
  if (!pick) return undefined;
  if (pick.dir) return pick.dir;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    openLabel: 'Export Here',
  });
  return chosen?.[0]?.fsPath;
}

async function pickFolder(service: ReadinessService): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length <= 1) return folders[0] ?? service.folder();
  return vscode.window.showWorkspaceFolderPick({
    placeHolder: 'Write the policies into which folder?',
  });
}
