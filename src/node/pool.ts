import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createFileScanner } from './scanFile';
import type { WorkerReply } from './scanWorker';
import type { FileOutcome, ScanJobSettings } from './types';

/** Where the worker script sits: next to this module's bundle (dist/) or transpiled file (out/). */
export const WORKER_SCRIPT = path.join(__dirname, 'scanWorker.js');

export interface PoolOptions {
  workers: number;
  signal?: AbortSignal;
  onOutcome: (outcome: FileOutcome) => void;
}

/** Scans `files` in this thread, one at a time. Returns false when cancelled. */
export async function scanInThread(files: string[], settings: ScanJobSettings, opts: PoolOptions): Promise<boolean> {
  const scanner = createFileScanner(settings);
  for (const rel of files) {
    if (opts.signal?.aborted) return false;
    opts.onOutcome(await scanner.scan(rel));
  }
  return !opts.signal?.aborted;
}

/**
 * Spreads `files` over worker threads in small batches (a slow file delays only its batch).
 * Falls back to this thread when the worker script is missing. Returns false when cancelled.
 */
export async function scanWithWorkers(files: string[], settings: ScanJobSettings, opts: PoolOptions): Promise<boolean> {
  if (opts.workers <= 0 || !existsSync(WORKER_SCRIPT)) return scanInThread(files, settings, opts);
  const count = Math.min(opts.workers, Math.max(1, Math.ceil(files.length / 8)));
  const batchSize = Math.max(1, Math.min(32, Math.ceil(files.length / (count * 8))));
  let next = 0;
  const takeBatch = (): string[] => files.slice(next, (next += batchSize));
  const leftovers: string[] = [];
  const workers: Worker[] = [];

  const runOne = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: settings });
      workers.push(worker);
      let current: string[] = [];
      const send = (): void => {
        current = opts.signal?.aborted ? [] : takeBatch();
        if (current.length === 0) {
          void worker.terminate();
          resolve();
        } else worker.postMessage({ batch: current });
      };
      worker.on('message', (reply: WorkerReply) => {
        for (const outcome of reply.outcomes) opts.onOutcome(outcome);
        send();
      });
      // A crashed worker hands its batch back; the rest of the scan goes on without it.
      worker.on('error', () => {
        leftovers.push(...current);
        current = [];
        resolve();
      });
      worker.on('exit', () => resolve());
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
  const rest = [...leftovers, ...files.slice(next)];
  return rest.length > 0 ? scanInThread(rest, settings, opts) : true;
}
