import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanFolder, type FileScanResult, type FolderScanResult } from '../../src/node/scanFolder';
import { loadFolderConfig } from '../../src/node/config';
import { SegmentedQueue, WORKER_SCRIPT, workerRuns } from '../../src/node/pool';

const TOKEN_BODY = 'Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fG';

function tokenFor(i: number): string {
  return `ghp_${TOKEN_BODY}${String.fromCharCode(97 + (i % 26))}`;
}

/** 150 files in a few languages; every third one holds a (fake) token, some on line > 1. */
function makeTree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-scan-'));
  for (let i = 0; i < 150; i++) {
    const ext = ['ts', 'py', 'go', 'yaml', 'md'][i % 5];
    const dir = path.join(root, `pkg${i % 7}`);
    fs.mkdirSync(dir, { recursive: true });
    const body = i % 3 === 0 ? `\n\n  token = "${tokenFor(i)}"\n` : 'nothing to see here\n';
    fs.writeFileSync(path.join(dir, `file${i}.${ext}`), `// file ${i}\n${body}`);
  }
  return root;
}

function comparable(r: FolderScanResult): unknown {
  return {
    files: r.files,
    skipped: r.skipped,
    filesScanned: r.filesScanned,
    bytesScanned: r.bytesScanned,
  };
}

describe('node: scanFolder', () => {
  const roots: string[] = [];
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('gives identical results on worker threads and in this thread', async () => {
    assert.ok(fs.existsSync(WORKER_SCRIPT), 'the worker script is built next to the pool');
    const root = makeTree();
    roots.push(root);
    const inThread = await scanFolder(root, { workers: 0, useGit: false });
    const pooled = await scanFolder(root, { workers: 2, useGit: false });
    assert.equal(inThread.filesScanned, 150);
    assert.equal(inThread.files.length, 50);
    assert.deepEqual(comparable(pooled), comparable(inThread));
  });

  it('hands a worker the files of one language together, in listing order, none lost', () => {
    const listing = ['a/x.ts', 'a/y.py', 'b/z.ts', 'b/Dockerfile', 'c/w.py', 'c/v.tsx', 'd/u.ts'];
    // One worker, 7 files: a mixed start of one file, then each language in turn.
    assert.deepEqual(workerRuns(listing, 1), [
      ['a/x.ts', 'b/z.ts', 'c/v.tsx', 'd/u.ts', 'a/y.py', 'c/w.py', 'b/Dockerfile'],
    ]);
    // Runs of ceil(7 / 4) = 2 files leave the fourth worker none: it gets an empty run to steal from.
    const four = workerRuns(listing, 4);
    assert.deepEqual(four.map((run) => run.length), [2, 2, 2, 1]);
    const six = workerRuns(listing, 6);
    assert.deepEqual(six.map((run) => run.length), [2, 2, 2, 1, 0, 0]);
    const queue = new SegmentedQueue(six, 1);
    assert.deepEqual(six[0], ['a/x.ts', 'b/z.ts']);
    assert.deepEqual(queue.take(5), ['b/z.ts'], 'an idle worker takes the back half of the first longest run');
    assert.deepEqual(queue.take(4), ['d/u.ts'], 'then of the next');
    assert.deepEqual(queue.take(0), ['a/x.ts']);
    assert.deepEqual(queue.rest().sort(), ['a/y.py', 'b/Dockerfile', 'c/v.tsx', 'c/w.py']);
  });

  it('starts the run of each worker with a mix of its languages, then one language at a time', () => {
    const listing: string[] = [];
    for (let i = 0; i < 120; i++) listing.push(`m${i}/a.ts`, `m${i}/b.py`, `m${i}/c.go`, `m${i}/d.yaml`);
    const runs = workerRuns(listing, 2);
    assert.deepEqual(runs.flat().sort(), [...listing].sort(), 'every file once');
    // Two runs of 240: the first holds the .ts and .py files, the second the .go and .yaml ones.
    assert.deepEqual(runs.map((run) => run.length), [240, 240]);
    const extensions = (run: string[]): string[] => [...new Set(run.map((f) => f.slice(f.lastIndexOf('.') + 1)))].sort();
    assert.deepEqual(extensions(runs[0]), ['py', 'ts']);
    assert.deepEqual(extensions(runs[1]), ['go', 'yaml']);
    assert.deepEqual(runs[0].slice(0, 4), ['m0/a.ts', 'm0/b.py', 'm1/a.ts', 'm1/b.py'], 'mixed start');
    assert.deepEqual(runs[1].slice(0, 2), ['m0/c.go', 'm0/d.yaml']);
    // After the mixed start (240 / 12 = 20 files), the rest of each language in turn.
    const rest = runs[0].slice(20).map((f) => f.slice(-2));
    assert.equal(rest.lastIndexOf('ts') < rest.indexOf('py'), true);
  });

  it('gives each worker its own run of files, then halves of the longest run left, each file once', () => {
    const files = Array.from({ length: 100 }, (_, i) => `f${String(i).padStart(3, '0')}`);
    const queue = new SegmentedQueue([files.slice(0, 50), files.slice(50)], 10);
    assert.deepEqual(queue.take(0), files.slice(0, 10));
    assert.deepEqual(queue.take(1), files.slice(50, 60), 'the second worker starts on its own run');
    const taken = [...files.slice(0, 10), ...files.slice(50, 60)];
    // Worker 1 is fast: it ends its run, then takes the back half of what worker 0 has left.
    for (let i = 0; i < 4; i++) taken.push(...queue.take(1));
    assert.equal(taken[taken.length - 1], 'f099');
    const stolen = queue.take(1);
    assert.deepEqual(stolen, files.slice(30, 40), 'the back half of f010..f049');
    taken.push(...stolen);
    assert.deepEqual(queue.rest(), [...files.slice(10, 30), ...files.slice(40, 50)]);
    for (let batch = queue.take(0); batch.length > 0; batch = queue.take(0)) taken.push(...batch);
    assert.deepEqual(queue.take(1), []);
    assert.deepEqual([...taken].sort(), files);
  });

  it('gives the same results with workers started before the listing, for large and small folders', async () => {
    const root = makeTree();
    roots.push(root);
    const inThread = await scanFolder(root, { workers: 0, useGit: false });
    const prespawned = await scanFolder(root, { prespawnWorkers: true, useGit: false });
    assert.deepEqual(comparable(prespawned), comparable(inThread));
    // A folder too small for workers: the early workers are stopped and it scans in this thread.
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-scan-small-'));
    roots.push(small);
    fs.writeFileSync(path.join(small, 'a.ts'), `const token = "${tokenFor(1)}";\n`);
    const one = await scanFolder(small, { prespawnWorkers: true, useGit: false });
    assert.equal(one.filesScanned, 1);
    assert.equal(one.files[0]?.findings[0]?.ruleId, 'secrets/github-token');
  });

  it('locates findings with 0-based lines and columns', async () => {
    const root = makeTree();
    roots.push(root);
    const result = await scanFolder(root, { workers: 0, useGit: false, paths: ['pkg0/file0.ts'] });
    const [f] = result.files[0].findings;
    assert.equal(f.path, 'pkg0/file0.ts');
    assert.deepEqual(
      [f.line, f.column, f.endLine, f.endColumn],
      [3, 11, 3, 11 + tokenFor(0).length],
    );
  });

  it('streams every scanned file and progress up to the total', async () => {
    const root = makeTree();
    roots.push(root);
    const streamed: FileScanResult[] = [];
    let last: [number, number] = [0, 0];
    await scanFolder(root, {
      workers: 2,
      useGit: false,
      onFile: (r) => streamed.push(r),
      onProgress: (done, total) => (last = [done, total]),
    });
    assert.equal(streamed.length, 150);
    assert.deepEqual(last, [150, 150]);
  });

  it('stops when cancelled and says so', async () => {
    const root = makeTree();
    roots.push(root);
    for (const workers of [0, 2]) {
      const controller = new AbortController();
      let seen = 0;
      const result = await scanFolder(root, {
        workers,
        useGit: false,
        signal: controller.signal,
        onFile: () => {
          if (++seen === 3) controller.abort();
        },
      });
      assert.equal(result.cancelled, true, `workers: ${workers}`);
      assert.ok(result.filesScanned < 150, `workers: ${workers} scanned ${result.filesScanned}`);
    }
  });

  it('hides baselined findings, and reports them marked with includeSuppressed', async () => {
    const root = makeTree();
    roots.push(root);
    const first = await scanFolder(root, { workers: 0, useGit: false });
    const baseline = new Set(first.files.flatMap((f) => f.findings.map((x) => x.fingerprint)));
    const second = await scanFolder(root, { workers: 0, useGit: false, baseline });
    assert.equal(second.files.length, 0);
    const marked = await scanFolder(root, {
      workers: 0,
      useGit: false,
      baseline,
      includeSuppressed: true,
    });
    assert.equal(marked.files.length, 50);
    assert.ok(
      marked.files.every((f) => f.findings.every((x) => x.suppressed?.kind === 'baseline')),
    );
  });

  it('reports config problems with positions and still scans with what is valid', async () => {
    const root = makeTree();
    roots.push(root);
    const config = '{\n  "exclude": ["pkg1/**"],\n  "rules": { "secrets": "of" },\n  "bogus": 1,\n';
    fs.writeFileSync(path.join(root, '.auditready.jsonc'), config);
    const result = await scanFolder(root, { workers: 0, useGit: false });
    const messages = result.configProblems.map((p) => p.message).join('\n');
    assert.match(messages, /Rule "secrets"/);
    assert.match(messages, /Unknown setting "bogus"/);
    const bogus = result.configProblems.find((p) => p.message.includes('bogus'));
    assert.equal(config.slice(bogus!.offset, bogus!.offset + bogus!.length), '"bogus"');
    assert.ok(result.files.length > 0, 'the scan still ran');
    assert.ok(
      !result.files.some((f) => f.path.startsWith('pkg1/')),
      'the valid exclude still applies',
    );
    assert.ok(result.skipped.some((s) => s.path.startsWith('pkg1/') && s.reason === 'excluded'));
    const loaded = await loadFolderConfig(root);
    assert.equal(loaded.text, config);
  });

  it('rejects nothing for an empty folder', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-empty-'));
    roots.push(root);
    const result = await scanFolder(root, { useGit: false });
    assert.equal(result.filesScanned, 0);
    assert.deepEqual(result.files, []);
  });
});
