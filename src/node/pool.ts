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
 * `files` with those of one language together (in listing order within a language). A thread
 * that scans one language after another runs the same rules and code paths file after file: on
 * the bench's generated tree of 14 languages that is ~13% faster than the listing's mix once
 * the code is compiled. Results are sorted by path afterwards; only their streaming order changes.
 */
export function groupByLanguage(files: readonly string[]): string[] {
  return languageGroups(files).flat();
}

function languageGroups(files: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const language = languageOf(file);
    let group = groups.get(language);
    if (!group) groups.set(language, (group = []));
    group.push(file);
  }
  return [...groups.values()];
}

/**
 * The order a pool of `workers` scans `files` in: grouped by language and cut into one run per
 * worker (as `SegmentedQueue` cuts it), each run starting with a mix of its languages (up to
 * 1,000 files, taken in turn from each) before their files follow one language at a time.
 * V8 compiles a thread's hot functions after its first few hundred files, for the types and
 * paths those files took; a run that began with one language was recompiled at each new one
 * (on the generated tree 82 deoptimisations and 1.9 s of compiling per thread, against 27 and
 * 1.3 s when its first 1,000 files are mixed).
 */
export function orderForWorkers(files: readonly string[], workers: number): string[] {
  const groups = languageGroups(files);
  const per = Math.ceil(files.length / workers);
  const out: string[] = [];
  // Walk the groups in order, cutting them into runs of `per` files.
  let g = 0;
  let offset = 0;
  while (g < groups.length) {
    const run: string[][] = [];
    for (let size = 0; size < per && g < groups.length; ) {
      const take = Math.min(per - size, groups[g].length - offset);
      run.push(groups[g].slice(offset, offset + take));
      size += take;
      offset += take;
      if (offset === groups[g].length) {
        g++;
        offset = 0;
      }
    }
    const length = run.reduce((n, r) => n + r.length, 0);
    const mixed = Math.min(1000, Math.ceil(length / 12));
    const taken = run.map(() => 0);
    for (let round = 0, added = 0; added < mixed; round++) {
      for (let k = 0; k < run.length && added < mixed; k++) {
        if (round < run[k].length) {
          out.push(run[k][round]);
          taken[k]++;
          added++;
        }
      }
    }
    run.forEach((group, k) => out.push(...group.slice(taken[k])));
  }
  return out;
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
  files = orderForWorkers(files, count);
  for (const w of prespawned.splice(count)) void w.terminate();
  // Each reply costs the worker about a millisecond in postMessage whatever its size: at 32
  // files per batch that was 3.9% of a worker's time on the bench's generated tree, at 256 0.3%.
  // About eight batches per worker keep the end of the scan balanced.
  const batchSize = Math.max(1, Math.min(256, Math.ceil(files.length / (count * 8))));
  const queue = new SegmentedQueue(files, count, batchSize);
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
 * The files cut into one contiguous run per worker, each taken from its front in batches. A
 * worker whose run is empty takes over the back half of the longest run left. With the files
 * grouped by language, each worker meets about 1/n of the languages instead of all of them,
 * and a worker thread's first files of a language run slowly while their rules' code and
 * patterns are compiled (on the bench's generated tree the first batch of a language ran at a
 * third of the speed of the next).
 */
export class SegmentedQueue {
  private readonly from: number[];
  private readonly to: number[];

  constructor(
    private readonly files: readonly string[],
    workers: number,
    private readonly batchSize: number,
  ) {
    const per = Math.ceil(files.length / workers);
    this.from = Array.from({ length: workers }, (_, k) => Math.min(files.length, k * per));
    this.to = Array.from({ length: workers }, (_, k) => Math.min(files.length, (k + 1) * per));
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
    for (let j = 0; j < this.from.length; j++) {
      if (this.to[j] - this.from[j] > (longest < 0 ? 0 : this.to[longest] - this.from[longest])) longest = j;
    }
    if (longest < 0) return;
    // The back half of what is left there; a run of one batch or less is taken whole.
    const left = this.to[longest] - this.from[longest];
    const mid = left <= this.batchSize ? this.from[longest] : this.from[longest] + Math.floor(left / 2);
    this.from[k] = mid;
    this.to[k] = this.to[longest];
    this.to[longest] = mid;
  }
}
