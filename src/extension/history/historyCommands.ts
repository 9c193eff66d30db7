import * as vscode from 'vscode';
import { historyGuidance, type HistoryFinding } from '../../engine';
import { loadFolderConfig } from '../../node/config';
import { GitError } from '../../node/history/gitProcess';
import { scanHistory, type HistoryScanResult } from '../../node/history/historyScan';
import { logError, logInfo } from '../log';
import type { ReadinessService } from '../readiness/readinessService';
import { gitFileUri } from './gitContent';

const GIT_PROBLEM: Record<GitError['kind'], string> = {
  'not-installed': 'Git is not installed (or not on PATH): the history cannot be scanned.',
  'not-a-repo': 'This folder is not a git repository: there is no history to scan.',
  failed: 'git failed while reading the history',
  cancelled: 'History scan cancelled.',
};

/**
 * "Audit Ready: Scan Git History": reads every commit's added lines with the secrets rules
 * (cancellable, with the commits read so far), then feeds the roadmap item and the sidebar.
 * The cache lives in the extension's global storage, never in the repository.
 */
export async function scanHistoryCommand(
  service: ReadinessService,
  cacheDir: string,
): Promise<HistoryScanResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(
      'Restricted Mode: Audit Ready does not run git in an untrusted workspace. Trust the workspace to scan its history.',
    );
    return undefined;
  }
  const folder = service.folder();
  if (!folder) {
    void vscode.window.showInformationMessage(
      'Audit Ready: open a folder to scan its git history.',
    );
    return undefined;
  }
  const root = folder.uri.fsPath;
  const { config } = await loadFolderConfig(root);
  try {
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'Audit Ready: scanning git history',
        cancellable: true,
      },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return scanHistory(root, {
          config,
          since: config.history.since,
          maxCommits: config.history.maxCommits,
          refs: config.history.refs.length ? config.history.refs : undefined,
          signal: abort.signal,
          cacheDir,
          onProgress: (n) => progress.report({ message: `${n} commits read` }),
        });
      },
    );
    await service.setHistory(result);
    const onlyHistory = result.findings.filter((f) => !f.inHead).length;
    const summary = `Git history: ${result.findings.length} secret${result.findings.length === 1 ? '' : 's'} (${onlyHistory} only in history) in ${result.commitsScanned} commits.`;
    logInfo(`${summary} ${result.durationMs} ms.`);
    const notes = result.notes.length ? ` ${result.notes.join(' ')}` : '';
    if (result.shallow)
      void vscode.window.showWarningMessage(`Audit Ready: ${summary} Partial:${notes}`);
    else void vscode.window.showInformationMessage(`Audit Ready: ${summary}${notes}`);
    return result;
  } catch (err) {
    if (err instanceof GitError) {
      const detail =
        err.kind === 'failed' ? `${GIT_PROBLEM.failed}: ${err.message}` : GIT_PROBLEM[err.kind];
      if (err.kind !== 'cancelled') void vscode.window.showWarningMessage(`Audit Ready: ${detail}`);
      else void vscode.window.showInformationMessage(`Audit Ready: ${detail}`);
      logInfo(detail);
      return undefined;
    }
    logError('History scan failed', err);
    void vscode.window.showErrorMessage(
      `Audit Ready: the history scan failed: ${(err as Error).message}`,
    );
    return undefined;
  }
}

/** The history finding a command is about: the click passes it, the context menu a node. */
export function historyArg(arg: unknown): HistoryFinding | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  if ('finding' in arg) return (arg as { finding: HistoryFinding }).finding;
  return 'fingerprint' in arg ? (arg as HistoryFinding) : undefined;
}

/** Opens the introducing commit's change to the file (parent ↔ commit), at the secret's line. */
export async function showCommit(service: ReadinessService, arg: unknown): Promise<void> {
  const f = historyArg(arg);
  const folder = service.folder();
  if (!f || !folder) return;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(
      'Restricted Mode: Audit Ready does not run git in an untrusted workspace.',
    );
    return;
  }
  const o = f.introduced;
  const root = folder.uri.fsPath;
  const line = new vscode.Range(o.line, 0, o.line, 0);
  await vscode.commands.executeCommand(
    'vscode.diff',
    gitFileUri(root, `${o.commit}^`, o.path),
    gitFileUri(root, o.commit, o.path),
    `${o.path} @ ${o.commit.slice(0, 8)} — ${o.subject}`,
    { selection: line, preview: true },
  );
}

/** Records that a history secret was rotated: who, when, note (in checklist.json). */
export async function markRotated(
  service: ReadinessService,
  arg: unknown,
  note?: string,
): Promise<boolean> {
  const f = historyArg(arg);
  if (!f) return false;
  const text =
    note ??
    (await vscode.window.showInputBox({
      title: `Mark as rotated: ${f.display}`,
      prompt: 'How and when was it rotated (new key issued, old one revoked)?',
      ignoreFocusOut: true,
    }));
  if (text === undefined) return false;
  return service.update((s, by, at) => ({
    ...s,
    rotated: { ...s.rotated, [f.fingerprint]: { by, at, note: text.trim() } },
  }));
}

/** Explains how to remove the secret from history — after rotating it — with the exact commands. */
export async function showGuidance(arg: unknown): Promise<void> {
  const f = historyArg(arg);
  if (!f) return;
  const lines = historyGuidance(f.introduced.path);
  const copy = 'Copy Commands';
  const choice = await vscode.window.showInformationMessage(
    `How to remove ${f.display} from history`,
    { modal: true, detail: lines.join('\n') },
    copy,
  );
  if (choice === copy)
    await vscode.env.clipboard.writeText(
      lines
        .filter((l) => l.startsWith('  '))
        .map((l) => l.trim())
        .join('\n'),
    );
}
