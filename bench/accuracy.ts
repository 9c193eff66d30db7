/**
 * `npm run accuracy [-- --family <family>]`: scans the labelled corpus under
 * test/fixtures/accuracy/ and prints per-family TP/FP/FN, precision and recall, then every
 * false positive and false negative (file:line, rule, masked value) so rule authors can fix
 * classes of errors. Exit status 0 always (figures, not a gate: the unit test asserts floors).
 */
import { FAMILIES, type Family } from '../src/engine';
import { evaluate, type Miss } from './accuracyEval';

const FLOOR = 0.9;

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`.padStart(7);
}

function printMisses(title: string, misses: Miss[]): void {
  console.log(`\n${title} (${misses.length})`);
  const sorted = [...misses].sort(
    (a, b) => a.family.localeCompare(b.family) || a.file.localeCompare(b.file) || a.line - b.line,
  );
  for (const m of sorted) {
    const rule = m.rule ? ` ${m.rule}` : '';
    console.log(
      `  [${m.family}] ${m.file}:${m.line}${rule}  ${m.shown}${m.note ? `  (${m.note})` : ''}`,
    );
  }
}

function main(argv: string[]): void {
  const i = argv.indexOf('--family');
  const family = i >= 0 ? (argv[i + 1] as Family) : undefined;
  if (family && !FAMILIES.includes(family)) {
    console.error(`unknown family "${family}"; one of ${FAMILIES.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const t0 = process.hrtime.bigint();
  const r = evaluate(undefined, family);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    `Accuracy corpus: ${r.files} files, ${r.positives} labelled positives, ${r.decoys} labelled decoys (${ms.toFixed(0)} ms)\n`,
  );
  console.log('family           TP    FP    FN  precision  recall');
  for (const s of r.scores) {
    const ok = s.precision >= FLOOR && s.recall >= FLOOR ? 'ok' : `below floor ${FLOOR}`;
    console.log(
      `${s.family.padEnd(15)} ${String(s.tp).padStart(4)}  ${String(s.fp).padStart(4)}  ${String(s.fn).padStart(4)}    ${pct(s.precision)}  ${pct(s.recall)}  ${ok}`,
    );
  }
  if (r.drift.length > 0) {
    console.log(
      `\nLABEL DRIFT: ${r.drift.length} labels no longer match their line; fix labels.json:`,
    );
    r.drift.forEach((d) => console.log(`  ${d}`));
  }
  printMisses('False positives', r.falsePositives);
  printMisses('False negatives', r.falseNegatives);
}

main(process.argv.slice(2));
