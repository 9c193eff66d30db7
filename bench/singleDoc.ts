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
): {
  lang: Lang;
  lines: number;
  kb: number;
  p50: number;
  p95: number;
  max: number;
  cpuP95: number;
  findings: number;
}[] {
  return (['ts', 'py'] as Lang[]).map((lang) => {
    const r = new Prng(7);
    const parts: string[] = [];
    let lines = 0;
    while (lines < 10_000) {
      const chunk = fileText(r, lang, 4_000, r.next() < 0.3 ? r.pick(PLANTS).line : undefined);
      parts.push(chunk);
      lines += chunk.split('\n').length - 1;
    }
    const text = parts.join('').split('\n').slice(0, 10_000).join('\n');
    const file = `src/big.${lang}`;
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
