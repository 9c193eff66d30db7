import * as vscode from 'vscode';
import type { HistoryFinding } from '../../engine';
import type { ChecklistState } from '../../engine/roadmap';
import { HISTORY_CONTEXT, ReadinessCmd } from '../readiness/ids';

/** One-line "where and when" of a history secret: commit, author, date, path, still in HEAD. */
export function historyDescription(f: HistoryFinding): string {
  const o = f.introduced;
  const head = f.inHead ? ' · still in HEAD' : '';
  return `${o.commit.slice(0, 8)} · ${o.author} · ${o.date.slice(0, 10)} · ${o.path}:${o.line + 1}${head}`;
}

/**
 * A secret found in git history: masked value and rule, where it was introduced; a click shows
 * the commit's diff. Rotated ones (attested in checklist.json) show who rotated them.
 */
export function historyTreeItem(
  f: HistoryFinding,
  rotated?: ChecklistState['rotated'][string],
): vscode.TreeItem {
  const t = new vscode.TreeItem(`${f.display} (${f.ruleId})`, vscode.TreeItemCollapsibleState.None);
  t.id = `history:${f.fingerprint}`;
  t.description = historyDescription(f);
  const o = f.introduced;
  const lines = [
    f.message,
    `Value (masked): ${f.display}`,
    `Introduced in ${o.commit} by ${o.author} on ${o.date}: "${o.subject}"`,
    `File: ${o.path}, line ${o.line + 1}`,
    f.inHead ? 'Still in the working tree (HEAD).' : 'Only in history: no longer in HEAD.',
    `Added by ${f.occurrences} commit${f.occurrences === 1 ? '' : 's'}${f.refs?.length ? `; on ${f.refs.join(', ')}` : ''}.`,
    rotated
      ? `Rotated (${rotated.by}, ${rotated.at})${rotated.note ? `: ${rotated.note}` : ''}`
      : 'Not yet marked as rotated: rotate it, then "Mark as Rotated".',
  ];
  t.tooltip = lines.join('\n');
  t.iconPath = rotated
    ? new vscode.ThemeIcon('verified-filled', new vscode.ThemeColor('charts.blue'))
    : new vscode.ThemeIcon('key', new vscode.ThemeColor('testing.iconFailed'));
  t.contextValue = rotated ? HISTORY_CONTEXT.rotated : HISTORY_CONTEXT.open;
  t.command = { title: 'Show Commit', command: ReadinessCmd.showCommit, arguments: [f] };
  return t;
}
