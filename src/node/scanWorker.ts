/**
 * Worker-thread entry (bundled as dist/scanWorker.js): receives batches of folder-relative
 * paths, reads and scans each, and posts one outcome per file. File texts never leave the
 * worker, so the main thread's memory holds findings only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanText } from '../engine';
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

const port = parentPort;
if (port) {
  const scanner = createFileScanner(workerData as ScanJobSettings);
  // Prepare the rule set (its keyword automaton) now, while the main thread lists the files.
  scanText('', '.audit-ready-warm-up');
  port.on('message', async (msg: WorkerBatch) => {
    const outcomes: FileOutcome[] = [];
    for (const rel of msg.batch) outcomes.push(await scanner.scan(rel));
    port.postMessage({ outcomes } satisfies WorkerReply);
  });
}
