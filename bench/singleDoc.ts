import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanText } from '../src/engine';
import { percentile } from './measure';
import { Prng } from './prng';
import { fileText, PLANTS, type Lang } from './templates';

/**
 * The editor rescans a document on typing: one 10,000-line file of mixed realistic code, with
 * a few planted findings, scanned many times with the whole catalogue. Floor: p95 ≤ 15 ms.
 */
export function singleDocBench(
  iterations = 200,
  realRoot?: string,
): {
  lang: string;
  lines: number;
  kb: number;
  p50: number;
  p95: number;
  max: number;
  cpuP95: number;
  findings: number;
}[] {
  const docs: { lang: string; file: string; text: string }[] = (['ts', 'py'] as Lang[]).map((lang) => ({
    lang: `generated ${lang}`,
    file: `src/big.${lang}`,
    text: generatedDoc(lang),
  }));
  // Real code: the tree's TypeScript and JavaScript files in path order, joined to 10,000 lines.
  const real = realRoot ? realDoc(realRoot) : undefined;
  if (real) docs.push({ lang: 'real js/ts', file: 'src/big.ts', text: real });
  return docs.map(({ lang, file, text }) => {
    for (let i = 0; i < 20; i++) scanText(text, file);
    const times: number[] = [];
    const cpu: number[] = [];
    let findings = 0;
    for (let i = 0; i < iterations; i++) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      findings = scanText(text, file).length;
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const kb = Math.round(text.length / 1024);
    const [p50, p95, max] = [percentile(times, 50), percentile(times, 95), Math.max(...times)];
    return { lang, lines: 10_000, kb, p50, p95, max, cpuP95: percentile(cpu, 95), findings };
  });
}

/** Mixed realistic code with planted findings and look-alikes on every other line (worst case). */
function generatedDoc(lang: Lang): string {
  const r = new Prng(7);
  const parts: string[] = [];
  let lines = 0;
  while (lines < 10_000) {
    const chunk = fileText(r, lang, 4_000, r.next() < 0.3 ? r.pick(PLANTS).line : undefined);
    parts.push(chunk);
    lines += chunk.split('\n').length - 1;
  }
  return parts.join('').split('\n').slice(0, 10_000).join('\n');
}

function realDoc(root: string): string | undefined {
  const lines: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      if (lines.length >= 10_000 || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(?:ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) lines.push(...fs.readFileSync(full, 'utf8').split('\n'));
    }
  };
  walk(root);
  return lines.length >= 10_000 ? lines.slice(0, 10_000).join('\n') : undefined;
}
