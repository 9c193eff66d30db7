import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HistoryFinding } from '../../engine/history';
import { writeFileAtomic } from '../atomicWrite';

/**
 * Per-repository cache of a history scan, kept in the user's cache folder (never in the
 * repository): the ref tips already scanned and the (masked) findings, so the next run reads
 * only commits that are new since then. It holds no secret values, only hashes and masks.
 */
export interface HistoryCache {
  version: 2;
  /** The scan settings the cache was made with; another setting means a fresh scan. */
  key: string;
  tips: string[];
  commitsScanned: number;
  findings: HistoryFinding[];
}

/** `$XDG_CACHE_HOME/audit-ready` or `~/.cache/audit-ready` (overridable for the extension). */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'audit-ready');
}

function cacheFile(cacheDir: string, repoRoot: string): string {
  const id = createHash('sha256').update(path.resolve(repoRoot)).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'history', `${id}.json`);
}

export async function readCache(cacheDir: string, repoRoot: string, key: string): Promise<HistoryCache | undefined> {
  try {
    const data = JSON.parse(await fs.readFile(cacheFile(cacheDir, repoRoot), 'utf8')) as HistoryCache;
    if (data.version !== 2 || data.key !== key || !Array.isArray(data.findings)) return undefined;
    return data;
  } catch {
    return undefined;
  }
}

export async function writeCache(cacheDir: string, repoRoot: string, cache: HistoryCache): Promise<void> {
  const file = cacheFile(cacheDir, repoRoot);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, JSON.stringify(cache));
  } catch {
    // A cache that cannot be written only costs speed next time.
  }
}
