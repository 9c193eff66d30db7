import type { AuditReadyConfig } from '../../engine/config';
import { scanAddedLines, type HistoryFinding } from '../../engine/history';
import { hashHex } from '../../engine/hash';
import { defaultCacheDir, readCache, writeCache } from './cache';
import { GitError, runGit, streamGit } from './gitProcess';
import { enrichFindings } from './enrich';
import { LOG_FORMAT, PatchParser, type CommitMeta } from './patchParser';

export interface HistoryScanOptions {
  config?: AuditReadyConfig;
  /** Only commits after this date (anything `git log --since` takes). */
  since?: string;
  /** At most this many commits (newest first). */
  maxCommits?: number;
  /** Refs to scan (default: all branches and tags). */
  refs?: string[];
  signal?: AbortSignal;
  onProgress?: (commitsDone: number) => void;
  /** Cache folder; `false` disables the cache. Default: the user's cache folder. */
  cacheDir?: string | false;
  /** Additions of one commit beyond this many bytes are skipped (and said so). */
  maxCommitBytes?: number;
  /** Look up which refs contain each finding's commit (one git call per finding, capped). */
  refsContaining?: boolean;
}

export interface HistoryScanResult {
  findings: HistoryFinding[];
  commitsScanned: number;
  /** Commits read in this run (the rest came from the cache). */
  commitsRead: number;
  shallow: boolean;
  /** Things the user should know: partial history, skipped commits, empty repository. */
  notes: string[];
  durationMs: number;
}

/** Finds secrets that were ever committed, streaming `git log -p -U0` over added lines only. */
export async function scanHistory(root: string, options: HistoryScanOptions = {}): Promise<HistoryScanResult> {
  const started = Date.now();
  const notes: string[] = [];
  const top = (await runGit(root, ['rev-parse', '--show-toplevel'])).trim();
  const shallow = (await runGit(top, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  if (shallow) notes.push('This is a shallow clone: only part of the history was scanned (run `git fetch --unshallow` for all of it).');
  const tips = await refTips(top, options.refs);
  if (tips.length === 0) {
    notes.push('The repository has no commits yet: there is no history to scan.');
    return { findings: [], commitsScanned: 0, commitsRead: 0, shallow, notes, durationMs: Date.now() - started };
  }
  const key = hashHex(JSON.stringify([options.since, options.maxCommits, options.refs ?? 'all', options.config?.allow ?? null]));
  const cacheDir = options.cacheDir === false ? undefined : options.cacheDir ?? defaultCacheDir();
  const cache = cacheDir ? await readCache(cacheDir, top, key) : undefined;
  const byId = new Map<string, HistoryFinding>((cache?.findings ?? []).map((f) => [f.fingerprint, f]));
  const known = new Set(cache?.tips ?? []);
  const newTips = tips.filter((t) => !known.has(t));
  let commitsRead = 0;
  let previous = cache?.commitsScanned ?? 0;
  if (newTips.length > 0) {
    const args = logArgs(options, newTips, [...known]);
    commitsRead = await readLog(top, args, byId, options, notes).catch(async (e: unknown) => {
      if (known.size === 0 || (e instanceof GitError && e.kind === 'cancelled')) throw e;
      byId.clear(); // Old tips vanished (rewritten history): start over.
      previous = 0;
      return readLog(top, logArgs(options, tips, []), byId, options, notes);
    });
  }
  const findings = [...byId.values()];
  await enrichFindings(top, findings, options.refsContaining ?? true);
  const commitsScanned = previous + commitsRead;
  if (cacheDir) await writeCache(cacheDir, top, { version: 2, key, tips, commitsScanned, findings });
  findings.sort((a, b) => Date.parse(b.introduced.date) - Date.parse(a.introduced.date) || a.ruleId.localeCompare(b.ruleId));
  return { findings, commitsScanned, commitsRead, shallow, notes, durationMs: Date.now() - started };
}

function logArgs(options: HistoryScanOptions, include: string[], exclude: string[]): string[] {
  const args = ['log', '-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '-M', LOG_FORMAT];
  if (options.since) args.push(`--since=${options.since}`);
  if (options.maxCommits) args.push(`--max-count=${options.maxCommits}`);
  args.push(...include);
  if (exclude.length > 0) args.push('--not', ...exclude);
  args.push('--');
  return args;
}

/** The commit ids the scan starts from: given refs, or every branch and tag. */
async function refTips(root: string, refs: string[] | undefined): Promise<string[]> {
  if (refs && refs.length > 0) {
    const out = await runGit(root, ['rev-parse', '--verify', '--end-of-options', ...refs.map((r) => `${r}^{commit}`)]);
    return [...new Set(out.split('\n').filter(Boolean))];
  }
  const out = await runGit(root, ['for-each-ref', '--format=%(objectname) %(objecttype) %(*objectname)', 'refs/heads', 'refs/tags', 'refs/remotes']);
  const tips = out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [sha, type, peeled] = l.split(' ');
      return type === 'tag' ? peeled : type === 'commit' ? sha : '';
    })
    .filter(Boolean);
  if (tips.length === 0) {
    const head = await runGit(root, ['rev-parse', '--verify', '-q', 'HEAD']).catch(() => '');
    if (head.trim()) tips.push(head.trim());
  }
  return [...new Set(tips)].sort();
}

/** Streams the log into the findings map; returns the number of commits read. */
async function readLog(
  root: string,
  args: string[],
  byId: Map<string, HistoryFinding>,
  options: HistoryScanOptions,
  notes: string[],
): Promise<number> {
  let commits = 0;
  const parser = new PatchParser(
    {
      onCommit: () => {
        commits++;
        if (commits % 200 === 0) options.onProgress?.(commits);
      },
      onFile: (commit, path, lines) => record(byId, commit, path, scanAddedLines(lines, path, options.config)),
      onOversized: (commit, bytes) =>
        notes.push(`Commit ${commit.sha.slice(0, 10)} ("${commit.subject.slice(0, 60)}") adds over ${Math.round(bytes / 1048576)} MB: the rest of it was skipped.`),
    },
    options.maxCommitBytes,
  );
  await streamGit(root, args, (chunk) => parser.push(chunk), undefined, options.signal);
  parser.end();
  options.onProgress?.(commits);
  return commits;
}

/** Newest-first log order: the last commit seen adding a value is the one that introduced it. */
function record(
  byId: Map<string, HistoryFinding>,
  commit: CommitMeta,
  path: string,
  hits: ReturnType<typeof scanAddedLines>,
): void {
  for (const { finding, line } of hits) {
    const id = hashHex(`${finding.ruleId}\n${finding.valueHash}`);
    const origin = { commit: commit.sha, author: commit.author, date: commit.date, subject: commit.subject, path, line };
    const existing = byId.get(id);
    if (existing) {
      existing.occurrences++;
      if (Date.parse(origin.date) <= Date.parse(existing.introduced.date)) existing.introduced = origin;
      continue;
    }
    byId.set(id, {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      display: finding.display,
      valueHash: finding.valueHash,
      fingerprint: id,
      introduced: origin,
      occurrences: 1,
    });
  }
}
