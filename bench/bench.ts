/**
 * `npm run bench`: end-to-end throughput, peak RSS and the ratio against secretlint 13 on
 * (a) a generated mixed-language tree and (b) unpacked real npm packages; a single-document
 * latency benchmark; and a per-rule cost table. Prints figures; asserts nothing.
 *
 * Options: --runs N (default 3), --only generated|real, --no-secretlint, --no-rules.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './accuracyEval';
import { ensureGeneratedTree, type TreeInfo } from './generate';
import { median, readAll, timed, type Run } from './measure';
import { ensureRealTree } from './realTree';
import { generatedFalsePositives, ruleCosts, sampleTexts } from './ruleCost';
import { singleDocBench } from './singleDoc';

const FLOORS = { mbPerS: 60, ratio: 3, rssMb: 400, p95Ms: 15 };
const ROOT = repoRoot(__dirname);
const CACHE = path.join(ROOT, 'bench', '.cache');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const fmt = (n: number, d = 1): string => n.toFixed(d);
const mbOf = (bytes: number): number => bytes / 1e6;

const BUILD = path.join(CACHE, 'build');

/**
 * The CLI and its worker, bundled as esbuild.js bundles them (into the bench cache, so a bench
 * never races a concurrent `npm run build`). jsonc-parser's UMD build requires files
 * dynamically, so its ESM build is preferred.
 */
function buildCli(): string {
  for (const [entry, out] of [
    ['src/cli/main.ts', 'cli.js'],
    ['src/node/scanWorker.ts', 'scanWorker.js'],
  ]) {
    esbuild.buildSync({
      entryPoints: [path.join(ROOT, entry)],
      outfile: path.join(BUILD, out),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      mainFields: ['module', 'main'],
      logLevel: 'warning',
      define: { __AUDIT_READY_VERSION__: JSON.stringify('bench') },
    });
  }
  return path.join(BUILD, 'cli.js');
}

function auditReady(tree: string): string[] {
  return [
    process.execPath,
    path.join(BUILD, 'cli.js'),
    'scan',
    tree,
    '--format',
    'json',
    '--fail-on',
    'none',
  ];
}

function secretlint(tree: string): string[] {
  fs.writeFileSync(
    path.join(tree, '.secretlintrc.json'),
    JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }),
  );
  const bin = path.join(ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  return [
    process.execPath,
    bin,
    '**/*',
    '--format',
    'compact',
    '--secretlintrc',
    path.join(tree, '.secretlintrc.json'),
  ];
}

/** Findings per family and files scanned, from Audit Ready's JSON report. */
function summarise(run: Run): string {
  try {
    const report = JSON.parse(fs.readFileSync(run.stdoutFile, 'utf8')) as {
      summary: { filesScanned: number; bytesScanned: number };
      findings?: { ruleId: string }[];
      results?: { ruleId: string }[];
    };
    const list = report.findings ?? report.results ?? [];
    const byFamily = new Map<string, number>();
    for (const f of list)
      byFamily.set(f.ruleId.split('/')[0], (byFamily.get(f.ruleId.split('/')[0]) ?? 0) + 1);
    const fam = [...byFamily].map(([k, v]) => `${k} ${v}`).join(', ');
    return `scanned ${report.summary.filesScanned} files / ${fmt(mbOf(report.summary.bytesScanned))} MB; findings: ${fam || 'none'}`;
  } catch (e) {
    return `(could not read the JSON report: ${(e as Error).message})`;
  }
}

function benchTree(name: string, info: TreeInfo, runs: number, withSecretlint: boolean): void {
  const mb = mbOf(info.bytes);
  console.log(`\n== ${name}: ${info.files} files, ${fmt(mb)} MB (${info.root})`);
  if (Object.keys(info.planted).length > 0)
    console.log(`   planted: ${JSON.stringify(info.planted)}`);
  const read = readAll(info.root);
  console.log(
    `   reading every file alone: ${fmt(mbOf(read.bytes) / (read.ms / 1000))} MB/s (page cache warm)`,
  );
  const ar: Run[] = [];
  const sl: Run[] = [];
  for (let i = 0; i < runs; i++) {
    ar.push(timed(auditReady(info.root), info.root, 'audit-ready'));
    const a = ar[ar.length - 1];
    console.log(
      `   run ${i + 1}: audit-ready ${fmt(a.ms / 1000, 2)} s wall, ${fmt(a.cpuMs / 1000, 2)} s CPU, ${fmt(a.maxRssMb, 0)} MB RSS (exit ${a.status})`,
    );
    if (withSecretlint) {
      sl.push(timed(secretlint(info.root), info.root, 'secretlint'));
      const s = sl[sl.length - 1];
      console.log(
        `   run ${i + 1}: secretlint  ${fmt(s.ms / 1000, 2)} s wall, ${fmt(s.cpuMs / 1000, 2)} s CPU, ${fmt(s.maxRssMb, 0)} MB RSS (exit ${s.status})`,
      );
    }
  }
  console.log(`   audit-ready: ${summarise(ar[ar.length - 1])}`);
  const arMs = median(ar.map((r) => r.ms));
  const arRss = Math.max(...ar.map((r) => r.maxRssMb));
  const arMbps = mb / (arMs / 1000);
  const arCpu = median(ar.map((r) => r.cpuMs));
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'BELOW FLOOR');
  console.log(
    `   AUDIT READY  median ${fmt(arMs / 1000, 2)} s: ${fmt(info.files / (arMs / 1000), 0)} files/s, ${fmt(arMbps)} MB/s ` +
      `[floor ${FLOORS.mbPerS}: ${verdict(arMbps >= FLOORS.mbPerS)}], peak RSS ${fmt(arRss, 0)} MB [floor ${FLOORS.rssMb}: ${verdict(arRss <= FLOORS.rssMb)}]`,
  );
  console.log(
    `                ${fmt(mb / (arCpu / 1000))} MB per CPU-second (load-independent; ×${os.cpus().length} cores bounds an idle machine's MB/s)`,
  );
  if (withSecretlint) {
    const slMs = median(sl.map((r) => r.ms));
    const lines = fs
      .readFileSync(sl[sl.length - 1].stdoutFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim()).length;
    console.log(
      `   SECRETLINT   median ${fmt(slMs / 1000, 2)} s: ${fmt(info.files / (slMs / 1000), 0)} files/s, ${fmt(mb / (slMs / 1000))} MB/s, ` +
        `peak RSS ${fmt(Math.max(...sl.map((r) => r.maxRssMb)), 0)} MB, ${lines} output lines`,
    );
    const slCpu = median(sl.map((r) => r.cpuMs));
    console.log(`                ${fmt(mb / (slCpu / 1000))} MB per CPU-second`);
    const ratio = slMs / arMs;
    console.log(
      `   RATIO        audit-ready is ${fmt(ratio, 2)}x secretlint's throughput [floor ${FLOORS.ratio}: ${verdict(ratio >= FLOORS.ratio)}]; ${fmt(slCpu / arCpu, 2)}x per CPU-second`,
    );
  }
}

function printRuleCosts(root: string, withNoise: boolean): void {
  const texts = sampleTexts(root, 4e6);
  const cpu0 = process.cpuUsage();
  const c = ruleCosts(texts);
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `\n== Engine cost, one thread, in-process, on ${texts.length} files / ${fmt(c.mb)} MB of ${path.basename(root)}`,
  );
  console.log(
    `   whole catalogue: ${fmt(c.fullMs, 0)} ms = ${fmt(c.mb / (c.fullMs / 1000))} MB/s per core (wall; this table used ${fmt((cpu.user + cpu.system) / 1e6, 1)} CPU-s)`,
  );
  console.log(`   fixed cost without rules (context, lexer, bookkeeping): ${fmt(c.baseMs, 0)} ms`);
  console.log(
    '   most expensive rules (ms in the rule\'s detector alone; share of files their keywords wake; keywords):',
  );
  for (const r of c.rules.slice(0, 15)) {
    const woken = `${fmt(r.woken * 100, 0)}%`.padStart(5);
    console.log(`     ${fmt(r.ms, 0).padStart(6)} ms ${woken}  ${r.id.padEnd(44)} ${r.keywords}`);
  }
  const broad = c.rules.filter((r) => r.woken > 0.5).length;
  console.log(`   ${broad} of ${c.rules.length} rules are woken on more than half of the files`);
  const sum = c.rules.reduce((n, r) => n + Math.max(0, r.ms), 0);
  console.log(`   sum over ${c.rules.length} rules: ${fmt(sum, 0)} ms`);
  if (!withNoise) return;
  const g = generatedFalsePositives(texts);
  const fpTotal = g.fps.reduce((n, r) => n + r.count, 0);
  console.log(
    `\n== Noise on the same sample: ${g.found} findings on ${g.planted} planted lines; ${fpTotal} findings on benign lines`,
  );
  for (const r of g.fps.slice(0, 12))
    console.log(`   ${String(r.count).padStart(6)}  ${r.rule.padEnd(40)} e.g. ${r.example}`);
}

function main(): void {
  const runs = Number(arg('--runs') ?? 3);
  const only = arg('--only');
  const withSecretlint = !process.argv.includes('--no-secretlint');
  const load = os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(' ');
  console.log(
    `Audit Ready bench — ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, load average ${load}`,
  );
  console.log(
    '(figures are only comparable on an idle machine: a load average above the core count inflates them)',
  );
  buildCli();
  const trees: [string, () => TreeInfo][] = [
    ['generated', () => ensureGeneratedTree(path.join(CACHE, 'generated'))],
    ['real', () => ensureRealTree(path.join(CACHE, 'real'))],
  ];
  for (const [name, make] of trees) {
    if (only && only !== name) continue;
    benchTree(
      name === 'generated' ? 'Generated mixed-language tree' : 'Real code (unpacked npm packages)',
      make(),
      runs,
      withSecretlint,
    );
  }
  console.log('\n== Single document (10,000 lines), scanText with the whole catalogue (generated: look-alikes on every other line; real: npm package sources)');
  for (const d of singleDocBench(200, path.join(CACHE, 'real'))) {
    console.log(
      `   ${d.lang}: ${d.kb} kB, ${d.findings} findings: p50 ${fmt(d.p50, 2)} ms, p95 ${fmt(d.p95, 2)} ms, max ${fmt(d.max, 2)} ms, ` +
        `CPU p95 ${fmt(d.cpuP95, 2)} ms ` +
        `[floor p95 ${FLOORS.p95Ms}: ${d.p95 <= FLOORS.p95Ms ? 'ok' : 'BELOW FLOOR'}]`,
    );
  }
  if (process.argv.includes('--no-rules')) return;
  for (const name of ['generated', 'real']) {
    if (!only || only === name) printRuleCosts(path.join(CACHE, name), name === 'generated');
  }
}

main();
