import type { AddedLine } from '../../engine/history';

/** The commit header line format this parser expects (see `LOG_FORMAT`). */
export const COMMIT_MARK = '\x01';
export const LOG_FORMAT = `--format=${'%x01'}%H%x1f%an%x1f%aI%x1f%s`;

export interface CommitMeta {
  sha: string;
  author: string;
  date: string;
  subject: string;
}

export interface PatchHandlers {
  onCommit(meta: CommitMeta): void;
  /** All lines one commit added to one file (only files with additions). */
  onFile(commit: CommitMeta, path: string, lines: AddedLine[]): void;
  /** A commit whose additions passed the size limit; the rest of it was skipped. */
  onOversized?(commit: CommitMeta, bytes: number): void;
}

/**
 * A streaming parser of `git log -p -U0` output: feed it text chunks in order; it keeps
 * only the current file's added lines in memory, so memory stays flat however long the
 * history is. Binary patches and deleted files have no added lines and are skipped.
 */
export class PatchParser {
  private pending = '';
  private commit: CommitMeta | undefined;
  private path: string | undefined;
  private lines: AddedLine[] = [];
  private inHunk = false;
  private nextLine = 0;
  private commitBytes = 0;
  private oversized = false;

  constructor(
    private readonly handlers: PatchHandlers,
    private readonly maxCommitBytes = 8 * 1024 * 1024,
  ) {}

  push(chunk: string): void {
    const text = this.pending + chunk;
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl >= 0) {
      this.line(text.slice(start, nl));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    this.pending = text.slice(start);
  }

  end(): void {
    if (this.pending) this.line(this.pending);
    this.pending = '';
    this.flushFile();
  }

  private line(l: string): void {
    const c = l.charCodeAt(0);
    if (this.inHunk && c === 43 /* + */) {
      if (this.oversized || !this.path) return;
      this.commitBytes += l.length;
      if (this.commitBytes > this.maxCommitBytes) {
        this.oversized = true;
        this.lines = [];
        if (this.commit) this.handlers.onOversized?.(this.commit, this.commitBytes);
        return;
      }
      this.lines.push({ line: this.nextLine++, text: l.endsWith('\r') ? l.slice(1, -1) : l.slice(1) });
      return;
    }
    if (c === 1 /* commit mark */) return this.startCommit(l);
    if (l.startsWith('@@ ')) {
      const m = /\+(\d+)(?:,\d+)? @@/.exec(l);
      this.nextLine = m ? Math.max(0, Number(m[1]) - 1) : 0;
      this.inHunk = true;
      return;
    }
    if (l.startsWith('diff --git ') || l.startsWith('diff --cc ')) {
      this.flushFile();
      this.inHunk = false;
      return;
    }
    if (!this.inHunk && l.startsWith('+++ ')) {
      this.path = parsePath(l.slice(4));
    }
  }

  private startCommit(l: string): void {
    this.flushFile();
    const [sha, author, date, subject] = l.slice(1).split('\x1f');
    this.commit = { sha, author: author ?? '', date: date ?? '', subject: subject ?? '' };
    this.commitBytes = 0;
    this.oversized = false;
    this.inHunk = false;
    this.handlers.onCommit(this.commit);
  }

  private flushFile(): void {
    if (this.commit && this.path && this.lines.length > 0) {
      this.handlers.onFile(this.commit, this.path, this.lines);
    }
    this.lines = [];
    this.path = undefined;
  }
}

/** `b/src/app.ts` → `src/app.ts`; `/dev/null` → undefined; C-quoted paths unquoted. */
function parsePath(raw: string): string | undefined {
  let p = raw.trim();
  if (p === '/dev/null') return undefined;
  if (p.startsWith('"') && p.endsWith('"')) {
    p = p.slice(1, -1).replace(/\\(["\\tn])/g, (_, ch: string) => (ch === 't' ? '\t' : ch === 'n' ? '\n' : ch));
  }
  return p.startsWith('b/') ? p.slice(2) : p;
}
