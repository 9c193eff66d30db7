import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { languageOf } from '../engine';
import { createFileScanner } from './scanFile';
import type { WorkerReply } from './scanWorker';
import type { FileOutcome, ScanJobSettings } from './types';

/** Where the worker script sits: next to this module's bundle (dist/) or transpiled file (out/). */
export const WORKER_SCRIPT = path.join(__dirname, 'scanWorker.js');

export interface PoolOptions {
  workers: number;
  signal?: AbortSignal;
  onOutcome: (outcome: FileOutcome) => void;
  /** Workers started earlier (`spawnWorkers`) with the same settings: used first, extras stopped. */
  prespawned?: PrespawnedWorker[];
}

/** A worker started ahead of its first batch, and whether it has already stopped (a failed boot). */
export interface PrespawnedWorker {
  worker: Worker;
  exited: boolean;
}

/**
 * Starts `count` scan workers now (they load the engine while the caller lists the files), for
 * `scanWithWorkers` to use. None when the worker script is missing. A worker that fails while
 * waiting is noted, never thrown: `scanWithWorkers` then starts a fresh one.
 */
export function spawnWorkers(settings: ScanJobSettings, count: number): PrespawnedWorker[] {
  if (count <= 0 || !existsSync(WORKER_SCRIPT)) return [];
  return Array.from({ length: count }, () => {
    const p: PrespawnedWorker = { worker: new Worker(WORKER_SCRIPT, { workerData: settings }), exited: false };
    p.worker.on('error', () => undefined);
    p.worker.once('exit', () => (p.exited = true));
    return p;
  });
}

/**
 * How a pool of `workers` scans `files`: one run of files per worker. The files are grouped by
 * language (in listing order within one) and cut into runs, so each worker meets about 1/n of
 * the languages; each run starts with a mix of its languages (up to 1,000 files, taken in turn
 * from each), then goes one language at a time.
 * - Grouped: a thread that scans one language after another runs the same rules and code paths
 *   file after file (~13% faster than the listing's mix on the bench's 14-language tree).
 * - Mixed first: V8 compiles a thread's hot functions after its first few hundred files, for the
 *   types and paths those files took; a run that began with one language was recompiled at each
 *   new one (82 deoptimisations and 1.9 s of compiling per thread on the generated tree, against
 *   27 and 1.3 s with a mixed start).
 * Results are sorted by path afterwards; only the order they stream in changes.
 */
export function workerRuns(files: readonly string[], workers: number): string[][] {
  // Exactly `workers` runs (some possibly empty), in the order of the workers.
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const language = languageOf(file);
    let group = groups.get(language);
    if (!group) groups.set(language, (group = []));
    group.push(file);
  }
  const grouped = [...groups.values()];
  const per = Math.ceil(files.length / workers);
  const runs: string[][] = [];
  // Walk the groups in order, cutting them into runs of `per` files.
  let g = 0;
  let offset = 0;
  while (g < grouped.length) {
    const parts: string[][] = [];
    for (let size = 0; size < per && g < grouped.length; ) {
      const take = Math.min(per - size, grouped[g].length - offset);
      parts.push(grouped[g].slice(offset, offset + take));
      size += take;
      offset += take;
      if (offset === grouped[g].length) {
        g++;
        offset = 0;
      }
    }
    const length = parts.reduce((n, part) => n + part.length, 0);
    const mixed = Math.min(1000, Math.ceil(length / 12));
    const run: string[] = [];
    const taken = parts.map(() => 0);
    for (let round = 0; run.length < mixed; round++) {
      for (let k = 0; k < parts.length && run.length < mixed; k++) {
        if (round < parts[k].length) {
          run.push(parts[k][round]);
          taken[k]++;
        }
      }
    }
    parts.forEach((part, k) => run.push(...part.slice(taken[k])));
    runs.push(run);
  }
  // One run per worker even when the cut leaves fewer (an idle worker steals from the others).
  while (runs.length < workers) runs.push([]);
  return runs;
}

/** Scans `files` in this thread, one at a time. Returns false when cancelled. */
export async function scanInThread(
  files: string[],
  settings: ScanJobSettings,
  opts: PoolOptions,
): Promise<boolean> {
  const scanner = createFileScanner(settings);
  for (let i = 0; i < files.length; i++) {
    // Reads are synchronous: yield now and then so cancellation and other events get through.
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
    if (opts.signal?.aborted) return false;
    opts.onOutcome(await scanner.scan(files[i]));
  }
  return !opts.signal?.aborted;
}

/**
 * Spreads `files` over worker threads in small batches (a slow file delays only its batch).
 * Falls back to this thread when the worker script is missing. Returns false when cancelled.
 */
export async function scanWithWorkers(
  files: string[],
  settings: ScanJobSettings,
  opts: PoolOptions,
): Promise<boolean> {
  const prespawned = (opts.prespawned ?? []).filter((p) => !p.exited).map((p) => p.worker);
  if (opts.workers <= 0 || !existsSync(WORKER_SCRIPT)) {
    for (const w of prespawned) void w.terminate();
    return scanInThread(files, settings, opts);
  }
  const count = Math.min(opts.workers, Math.max(1, Math.ceil(files.length / 8)));
  for (const w of prespawned.splice(count)) void w.terminate();
  // Each reply costs the worker about a millisecond in postMessage whatever its size: at 32
  // files per batch that was 3.9% of a worker's time on the bench's generated tree, at 256 0.3%.
  // About eight batches per worker keep the end of the scan balanced.
  const batchSize = Math.max(1, Math.min(256, Math.ceil(files.length / (count * 8))));
  const queue = new SegmentedQueue(workerRuns(files, count), batchSize);
  const leftovers: string[] = [];
  const workers: Worker[] = [];

  // Two batches in flight per worker, so a worker never idles waiting for its next batch.
  const runOne = (_: unknown, index: number): Promise<void> =>
    new Promise((resolve) => {
      const worker = prespawned.shift() ?? new Worker(WORKER_SCRIPT, { workerData: settings });
      workers.push(worker);
      const inFlight: string[][] = [];
      const send = (): void => {
        const batch = opts.signal?.aborted ? [] : queue.take(index);
        if (batch.length > 0) {
          inFlight.push(batch);
          worker.postMessage({ batch });
        } else if (inFlight.length === 0) {
          void worker.terminate();
          resolve();
        }
      };
      worker.on('message', (reply: WorkerReply) => {
        inFlight.shift();
        for (const outcome of reply.outcomes) opts.onOutcome(outcome);
        send();
      });
      // A crashed worker hands its batches back; the rest of the scan goes on without it.
      worker.on('error', () => {
        leftovers.push(...inFlight.flat());
        inFlight.length = 0;
        resolve();
      });
      worker.on('exit', () => resolve());
      send();
      send();
    });

  const onAbort = (): void => {
    for (const w of workers) void w.terminate();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.all(Array.from({ length: count }, runOne));
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  if (opts.signal?.aborted) return false;
  const rest = [...leftovers, ...queue.rest()];
  return rest.length > 0 ? scanInThread(rest, settings, opts) : true;
}

/**
 * The workers' runs (`workerRuns`), each taken from its front in batches by its worker. A worker
 * whose run is done takes over the back half of the longest run left (a run of one batch or less
 * whole), so a fast worker helps a slow one without meeting many new languages.
 */
export class SegmentedQueue {
  private readonly files: string[];
  private readonly from: number[] = [];
  private readonly to: number[] = [];

  constructor(
    runs: readonly (readonly string[])[],
    private readonly batchSize: number,
  ) {
    this.files = runs.flat();
    let start = 0;
    for (const run of runs) {
      this.from.push(start);
      this.to.push((start += run.length));
    }
  }

  /** The next batch for worker `k` (empty when every run is done). */
  take(k: number): string[] {
    if (this.from[k] >= this.to[k]) this.steal(k);
    const start = this.from[k];
    const end = Math.min(this.to[k], start + this.batchSize);
    this.from[k] = end;
    return this.files.slice(start, end);
  }

  /** What no worker has taken yet. */
  rest(): string[] {
    return this.from.flatMap((f, k) => this.files.slice(f, this.to[k]));
  }

  private steal(k: number): void {
    let longest = -1;
    let most = 0;
    for (let j = 0; j < this.from.length; j++) {
      const left = this.to[j] - this.from[j];
      if (left > most) [longest, most] = [j, left];
    }
    if (longest < 0) return;
    const mid = this.from[longest] + (most <= this.batchSize ? 0 : Math.floor(most / 2));
    this.from[k] = mid;
    this.to[k] = this.to[longest];
    this.to[longest] = mid;
  }
}
