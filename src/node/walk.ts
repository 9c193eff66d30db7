import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { AuditReadyConfig } from '../engine';
import { errorSkip } from './readForScan';
import { gitIgnoredEntries, gitListFiles } from './git';
import { skipByPath, skippedDir } from './skip';
import type { SkippedFile } from './types';

/** The files to scan under a root, and what was left out (with reasons). */
export interface FileListing {
  files: string[];
  skipped: SkippedFile[];
  /** How the files were found: `git ls-files`, a directory walk, or an explicit list. */
  source: 'git' | 'walk' | 'paths';
}

export interface ListOptions {
  useGit?: boolean;
  paths?: string[];
}

/** Lists the files to scan. Paths are folder-relative with forward slashes, sorted. */
export async function listFiles(
  root: string,
  config: AuditReadyConfig,
  opts: ListOptions = {},
): Promise<FileListing> {
  const sink = new SkipSink();
  let candidates: string[];
  let source: FileListing['source'];
  const useGit = !opts.paths && opts.useGit !== false;
  // Both git listings at once (each is a process walking the folder; outside a repository the
  // second one just fails, as the first does).
  const [listed, ignored] = useGit
    ? await Promise.all([gitListFiles(root), gitIgnoredEntries(root)])
    : [undefined, []];
  if (opts.paths) {
    candidates = opts.paths.map(normalise).filter((p) => p.length > 0);
    source = 'paths';
  } else if (listed) {
    candidates = listed;
    source = 'git';
    for (const entry of ignored) sink.add({ path: entry, reason: 'gitignored' });
  } else {
    candidates = await walkTree(root, sink);
    source = 'walk';
  }
  const files: string[] = [];
  for (const rel of candidates) {
    const skip = skipByPath(rel, config);
    if (!skip) files.push(rel);
    else if (skip.dir) sink.addDir(skip.dir, skip.reason, skip.detail);
    else sink.add({ path: rel, reason: skip.reason, detail: skip.detail });
  }
  files.sort();
  return { files, skipped: sink.list(), source };
}

function normalise(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/** Collects skips; a skipped folder is one entry with a file count, not one per file. */
class SkipSink {
  private readonly entries: SkippedFile[] = [];
  private readonly dirs = new Map<string, { entry: SkippedFile; count: number; detail?: string }>();

  add(s: SkippedFile): void {
    this.entries.push(s);
  }

  addDir(dir: string, reason: SkippedFile['reason'], detail?: string, files = 1): void {
    const known = this.dirs.get(dir);
    if (known) known.count += files;
    else this.dirs.set(dir, { entry: { path: dir, reason }, count: files, detail });
  }

  list(): SkippedFile[] {
    const dirs = [...this.dirs.values()].map(({ entry, count, detail }) => ({
      ...entry,
      detail:
        count > 0 ? `${detail ? `${detail}, ` : ''}${count} file${count === 1 ? '' : 's'}` : detail,
    }));
    return [...this.entries, ...dirs].sort((a, b) => a.path.localeCompare(b.path));
  }
}

interface Level {
  /** Folder-relative prefix of the folder holding this .gitignore ('' for the root). */
  base: string;
  ig: Ignore;
}

/**
 * Walks the tree outside git: every folder's `.gitignore` applies below it and vendored
 * folders are pruned unread. Symlinked folders are walked after the real tree, and only when
 * their real path was not walked yet — so loops end and nothing is scanned twice.
 */
async function walkTree(root: string, sink: SkipSink): Promise<string[]> {
  const walker = new TreeWalker(root, sink);
  await walker.visit('', []);
  for (let link = walker.linked.shift(); link; link = walker.linked.shift()) {
    const real = await fs.realpath(path.join(root, ...link.rel.split('/'))).catch(() => undefined);
    if (real === undefined || walker.seen.has(real)) {
      sink.add({
        path: link.rel,
        reason: 'symlink-loop',
        detail: 'symlinked folder already walked',
      });
    } else if (!skippedDir(`${link.rel}/x`)) await walker.visit(`${link.rel}/`, link.levels);
  }
  return walker.files;
}

class TreeWalker {
  readonly files: string[] = [];
  /** Real paths of the folders walked so far. */
  readonly seen = new Set<string>();
  /** Symlinked folders, walked once the real tree is done. */
  readonly linked: { rel: string; levels: Level[] }[] = [];

  constructor(
    private readonly root: string,
    private readonly sink: SkipSink,
  ) {}

  async visit(dirRel: string, levels: Level[]): Promise<void> {
    const abs = path.join(this.root, ...dirRel.split('/').filter(Boolean));
    let entries: Dirent[];
    try {
      this.seen.add(await fs.realpath(abs));
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch (err) {
      this.sink.add({ path: dirRel, ...errorSkip(err) });
      return;
    }
    const here = await readGitignore(abs, dirRel);
    const active = here ? [...levels, here] : levels;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name !== '.git') await this.entry(abs, dirRel, entry, active);
    }
  }

  private async entry(abs: string, dirRel: string, entry: Dirent, levels: Level[]): Promise<void> {
    const rel = `${dirRel}${entry.name}`;
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = await fs
        .stat(path.join(abs, entry.name))
        .catch((err: unknown) => errorSkip(err));
      if ('reason' in target) {
        if (!isIgnored(levels, rel, false)) this.sink.add({ path: rel, ...target });
        return;
      }
      isDir = target.isDirectory();
      if (isDir && !isIgnored(levels, rel, true)) {
        this.linked.push({ rel, levels });
        return;
      }
    }
    if (isIgnored(levels, rel, isDir)) {
      this.sink.add({ path: isDir ? `${rel}/` : rel, reason: 'gitignored' });
    } else if (isDir) {
      // Only the last segment can match: the walk never entered a skipped parent.
      const skip = skippedDir(`${rel}/x`);
      if (skip?.dir) this.sink.addDir(skip.dir, skip.reason, skip.detail, 0);
      else await this.visit(`${rel}/`, levels);
    } else {
      this.files.push(rel);
    }
  }
}

async function readGitignore(absDir: string, base: string): Promise<Level | undefined> {
  try {
    const text = await fs.readFile(path.join(absDir, '.gitignore'), 'utf8');
    return { base, ig: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function isIgnored(levels: readonly Level[], rel: string, isDir: boolean): boolean {
  for (const { base, ig } of levels) {
    const sub = rel.slice(base.length);
    if (ig.ignores(isDir ? `${sub}/` : sub)) return true;
  }
  return false;
}
