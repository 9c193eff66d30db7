/**
 * Extension-host memory of a workspace scan: 20,000 generated files (one in ten with findings)
 * scanned by the node layer on worker threads, results converted and kept in the findings
 * store, as the extension does. Prints the peak RSS increase during the scan and the heap the
 * results keep afterwards (goal: at most 150 MB added).
 *   npm run bench:adapter-memory   (runs node with --expose-gc)
 */
import { Uri } from './adapterVscodeStub';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanFolder } from '../src/node';
import { locateFromScan, type StoredFinding } from '../src/extension/convert';
import { FindingsStore } from '../src/extension/store';

const FILES = 20_000;
const TOKEN = 'ghp_Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fGz'; // fake, format-valid

function makeTree(root: string): void {
  for (let i = 0; i < FILES; i++) {
    const dir = path.join(root, `pkg${i % 200}`, 'src');
    if (i < 200) fs.mkdirSync(dir, { recursive: true });
    const planted =
      i % 10 === 0
        ? `const token = "${TOKEN}";\nconst api = "http://billing.acme-corp.net/v1";\n`
        : '';
    const body = Array.from(
      { length: 40 },
      (_, k) => `export const value${k} = compute(${k}, "${i}");`,
    ).join('\n');
    fs.writeFileSync(path.join(dir, `file${i}.ts`), `${planted}${body}\n`);
  }
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-ready-mem-'));
  try {
    makeTree(root);
    gc?.();
    const rss0 = process.memoryUsage().rss;
    const heap0 = process.memoryUsage().heapUsed;
    let peak = rss0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const store = new FindingsStore();
    const base = Uri.file(root);
    let batch: Array<readonly [never, StoredFinding[]]> = [];
    const t0 = performance.now();
    const result = await scanFolder(root, {
      onFile: (r) => {
        const uri = Uri.joinPath(base, r.path) as never;
        batch.push([uri, locateFromScan(uri, r.path, r.findings)]);
        if (batch.length >= 500) {
          store.setScanned(batch);
          batch = [];
        }
      },
    });
    store.setScanned(batch);
    const ms = performance.now() - t0;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    gc?.();
    const kept = process.memoryUsage().heapUsed - heap0;
    const mb = (b: number): string => (b / 1024 / 1024).toFixed(1);
    console.log(
      `workspace scan of ${result.filesScanned} files (${store.counts().total} findings) in ${(ms / 1000).toFixed(1)} s`,
    );
    console.log(`  peak RSS increase during the scan: ${mb(peak - rss0)} MB`);
    console.log(
      `  heap kept by the results afterwards: ${mb(kept)} MB${gc ? '' : ' (run with --expose-gc for an exact figure)'}`,
    );
    console.log(
      peak - rss0 <= 150 * 1024 * 1024
        ? '  goal ≤ 150 MB added: met'
        : '  goal ≤ 150 MB added: NOT met',
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
