import * as path from 'node:path';
import * as fs from 'node:fs/promises';
import { FAMILY_INFO, historyGuidance, type HistoryFinding } from '../engine';
import { CHECKLIST_FILE, parseChecklist, type ChecklistState } from '../engine/roadmap';
import { GitError } from '../node/history/gitProcess';
import { scanHistory, type HistoryScanOptions, type HistoryScanResult } from '../node/history/historyScan';
import { FatalError, type CliIo } from './io';

export { historyReportFinding } from '../node/evidencePackage';

/** Reads `.auditready/checklist.json` for rotation attestations; a broken file is a warning. */
export async function readRotations(root: string, io: CliIo): Promise<ChecklistState['rotated']> {
  const text = await fs.readFile(path.join(root, CHECKLIST_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  const parsed = parseChecklist(text);
  if (parsed.error) io.stderr.write(`warning: ${parsed.error}\n`);
  return parsed.state?.rotated ?? {};
}

/** Runs the history scan with a progress line, turning git problems into clear messages. */
export async function runHistory(io: CliIo, root: string, opts: HistoryScanOptions): Promise<HistoryScanResult> {
  const tty = io.stderrIsTTY ?? io.isTTY;
  try {
    const result = await scanHistory(root, {
      ...opts,
      onProgress: tty ? (n) => io.stderr.write(`\r\u001b[2Kreading history: ${n} commits`) : undefined,
    });
    if (tty) io.stderr.write('\r\u001b[2K');
    for (const note of result.notes) io.stderr.write(`note: ${note}\n`);
    return result;
  } catch (e) {
    if (tty) io.stderr.write('\r\u001b[2K');
    if (e instanceof GitError) throw new FatalError(e.message);
    throw e;
  }
}

/** Text for the terminal: each secret once, where it came from, and what to do. */
export function historyText(result: HistoryScanResult, rotated: ChecklistState['rotated']): string {
  const lines: string[] = [];
  for (const f of result.findings) {
    const done = rotated[f.fingerprint];
    lines.push(
      `${f.introduced.path}:${f.introduced.line + 1}  ${f.severity}  ${f.ruleId}  ${f.display}${done ? `  [rotated: ${done.by}, ${done.at}]` : ''}`,
      `    introduced in ${f.introduced.commit.slice(0, 12)} by ${f.introduced.author} on ${f.introduced.date.slice(0, 10)}: "${f.introduced.subject}"`,
      `    ${f.inHead ? 'STILL PRESENT at HEAD (also a working-tree finding)' : 'only in history (removed from the current tree)'}${f.refs && f.refs.length ? `; reachable from ${f.refs.join(', ')}` : ''}`,
    );
  }
  const open = result.findings.filter((f) => !rotated[f.fingerprint]);
  lines.push('', `${result.findings.length} secret(s) ever committed in ${result.commitsScanned} commit(s); ${open.length} not marked rotated. (${FAMILY_INFO.secrets.title}, values masked)`);
  if (open.length > 0) lines.push('', 'What to do:', ...historyGuidance(open[0].introduced.path).map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}
