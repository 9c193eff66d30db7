/**
 * History-scan benchmark (issue 5). Builds a deterministic repository of N commits with
 * `git fast-import` (cached under bench/.cache/), then, in the same run and alternately:
 *   - times `git log -p -U0 --all` alone printing the history into a drained pipe,
 *   - times the Audit Ready history scan (no cache) in a child process, with its peak RSS,
 *   - times a rescan after one new commit (with the cache).
 * Prints medians and the ratio. Floors: scan ≤ 1.5× git log, peak RSS ≤ 300 MB, rescan < 1 s.
 * Usage: node out/bench/history.js [--commits 5000] [--runs 3]
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};

/** Deterministic PRNG (mulberry32) so every run builds the same repository. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['user', 'order', 'invoice', 'payment', 'session', 'account', 'item', 'cart', 'report', 'event'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function codeLine(rand: () => number, i: number): string {
  const w = WORDS[Math.floor(rand() * WORDS.length)];
  const kinds = [
    `export function get${w}${i}(id: string) { return db.${w}.find({ id, limit: ${i % 50} }); }`,
    `const ${w}Count${i} = items.filter((x) => x.${w} !== undefined).length;`,
    `  logger.info('loaded ${w}', { id: ${w}.id, status: res.statusCode });`,
    `  if (!${w}) throw new HttpError(404, '${w} not found');`,
    `// ${w} handling changed in release ${i}`,
  ];
  return kinds[Math.floor(rand() * kinds.length)];
}

function fakeToken(rand: () => number): string {
  let s = 'ghp_';
  for (let i = 0; i < 36; i++) s += ALNUM[Math.floor(rand() * ALNUM.length)];
  return s;
}

/** Writes a fast-import stream: `commits` commits over 40 files, ~1 in 250 planting a token. */
function buildRepo(dir: string, commits: number): number {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const rand = prng(42);
  const files: string[][] = Array.from({ length: 40 }, () => []);
  const chunks: string[] = [];
  let planted = 0;
  for (let c = 1; c <= commits; c++) {
    const ts = 1_600_000_000 + c * 3600;
    const msg = `change ${c}`;
    chunks.push(`commit refs/heads/main\nmark :${c}\nauthor Bench <bench@example.com> ${ts} +0000\ncommitter Bench <bench@example.com> ${ts} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}\n`);
    if (c > 1) chunks.push(`from :${c - 1}\n`);
    const touched = 1 + Math.floor(rand() * 3);
    for (let t = 0; t < touched; t++) {
      const f = Math.floor(rand() * files.length);
      const lines = files[f];
      const added = 5 + Math.floor(rand() * 30);
      for (let k = 0; k < added; k++) {
        const at = Math.floor(rand() * (lines.length + 1));
        lines.splice(at, 0, codeLine(rand, c * 100 + k));
      }
      if (lines.length > 400) lines.splice(0, lines.length - 300);
      if (rand() < 0.004) {
        lines.push(`const githubToken = "${fakeToken(rand)}";`);
        planted++;
      }
      const content = `${lines.join('\n')}\n`;
      chunks.push(`M 100644 inline src/module${f}.ts\ndata ${Buffer.byteLength(content)}\n${content}\n`);
    }
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join(''), maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`fast-import failed: ${r.stderr.toString()}`);
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
  return planted;
}

function timeGitLog(dir: string): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let bytes = 0;
    const child = spawn('git', ['log', '-p', '-U0', '--no-color', '--no-ext-diff', '-M', '--all', '--format=%x01%H%x1f%an%x1f%aI%x1f%s'], { cwd: dir });
    child.stdout.on('data', (b: Buffer) => (bytes += b.length));
    child.on('error', reject);
    child.on('close', () => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, bytes }));
  });
}

/** Runs the scan in a child (fresh process) and reads its wall time, findings and max RSS. */
function timeScan(dir: string, cacheDir: string | false): { ms: number; rssMb: number; findings: number; read: number } {
  const script = `
    const { scanHistory } = require(${JSON.stringify(path.join(__dirname, '..', 'src', 'node', 'history', 'historyScan.js'))});
    const start = process.hrtime.bigint();
    scanHistory(${JSON.stringify(dir)}, { cacheDir: ${JSON.stringify(cacheDir)}, refsContaining: false }).then((r) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, findings: r.findings.length, read: r.commitsRead }));
    });`;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const commits = opt('commits', 5000);
  const runs = opt('runs', 3);
  const dir = path.join(__dirname, '..', '..', 'bench', '.cache', `history-${commits}`);
  if (!fs.existsSync(path.join(dir, '.git'))) {
    const t = Date.now();
    const planted = buildRepo(dir, commits);
    console.log(`built ${commits}-commit repository with ${planted} planted tokens in ${Date.now() - t} ms`);
  }
  const gitTimes: number[] = [];
  const scanTimes: number[] = [];
  const rss: number[] = [];
  let bytes = 0;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const g = await timeGitLog(dir);
    gitTimes.push(g.ms);
    bytes = g.bytes;
    const s = timeScan(dir, false);
    scanTimes.push(s.ms);
    rss.push(s.rssMb);
    findings = s.findings;
  }
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-hist-cache-'));
  timeScan(dir, cacheDir);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-hist-clone-'));
  execFileSync('git', ['clone', '-q', dir, work]);
  fs.writeFileSync(path.join(work, 'new.ts'), 'export const added = 1;\n');
  execFileSync('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', 'add', '.'], { cwd: work });
  timeScan(work, cacheDir);
  execFileSync('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', 'commit', '-qm', 'one more'], { cwd: work });
  const rescan = timeScan(work, cacheDir);
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });

  const g = median(gitTimes);
  const s = median(scanTimes);
  console.log(`history: ${commits} commits, ${(bytes / 1048576).toFixed(1)} MB of patch, ${findings} distinct secrets`);
  console.log(`git log -p -U0 alone: median ${g.toFixed(0)} ms (${gitTimes.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`audit-ready history scan: median ${s.toFixed(0)} ms (${scanTimes.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`ratio scan / git log: ${(s / g).toFixed(2)}x (floor <= 1.5x)`);
  console.log(`peak RSS of the scan: ${Math.max(...rss).toFixed(0)} MB (floor <= 300 MB)`);
  console.log(`rescan after one new commit: ${rescan.ms.toFixed(0)} ms, ${rescan.read} commit(s) read (floor < 1000 ms)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
