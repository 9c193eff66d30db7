/**
 * Worker-thread entry (bundled as dist/scanWorker.js): receives batches of folder-relative
 * paths, reads and scans each, and posts one outcome per file. File texts never leave the
 * worker, so the main thread's memory holds findings only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ALL_RULES, scanText } from '../engine';
import { createFileScanner } from './scanFile';
import type { FileOutcome, ScanJobSettings } from './types';

/** Main thread → worker. */
export interface WorkerBatch {
  batch: string[];
}

/** Worker → main thread: the outcomes of one batch, in order. */
export interface WorkerReply {
  outcomes: FileOutcome[];
}

/** Longest the worker spends warming up while it waits for its first batch. */
const WARM_UP_MS = 250;

/**
 * Until the first batch arrives (the main thread is still listing files), scans the rules' own
 * examples (every language) in short slices: the engine's code is compiled and its patterns
 * tried before real files, in time the worker would otherwise spend idle.
 */
function warmUp(settings: ScanJobSettings): () => void {
  const samples = ALL_RULES.flatMap((r) =>
    [...r.bad, ...r.good].flatMap((e) => (e.path ? [{ path: e.path, text: e.text }] : [])),
  );
  const options = { config: settings.config };
  const started = performance.now();
  let stopped = false;
  let next = 0;
  const slice = (): void => {
    if (stopped || performance.now() - started > WARM_UP_MS || samples.length === 0) return;
    const until = performance.now() + 2;
    while (performance.now() < until) {
      const sample = samples[next++ % samples.length];
      scanText(sample.text, sample.path, options);
    }
    setImmediate(slice);
  };
  setImmediate(slice);
  return () => (stopped = true);
}

const port = parentPort;
if (port) {
  const settings = workerData as ScanJobSettings;
  const scanner = createFileScanner(settings);
  // Prepare the rule set (its keyword automaton) now, while the main thread lists the files.
  scanText('', '.audit-ready-warm-up');
  const stopWarmUp = warmUp(settings);
  port.on('message', async (msg: WorkerBatch) => {
    stopWarmUp();
    const outcomes: FileOutcome[] = [];
    for (const rel of msg.batch) outcomes.push(await scanner.scan(rel));
    port.postMessage({ outcomes } satisfies WorkerReply);
  });
}
