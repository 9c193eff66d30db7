import {
  countReport,
  scrub,
  sortFindings,
  type ReportFinding,
  type ReportInput,
} from '../../engine/report';
import { style, type Style } from '../io';
import type { Reporter } from './index';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function severityLabel(f: ReportFinding, s: Style): string {
  const label = f.severity.padEnd(7);
  if (f.suppressed) return s.dim(label);
  return f.severity === 'error'
    ? s.red(label)
    : f.severity === 'warning'
      ? s.yellow(label)
      : s.blue(label);
}

function findingLines(f: ReportFinding, s: Style): string[] {
  const where = `${f.line + 1}:${f.column + 1}`.padEnd(8);
  // The masked value helps find the line; URLs and settings are usually quoted by the message already.
  const value = f.display && !f.message.includes(f.display) ? ` ${s.dim(`[${f.display}]`)}` : '';
  const lines = [
    `  ${where} ${severityLabel(f, s)} ${s.dim(f.ruleId)}  ${scrub(f.message, f)}${value}`,
  ];
  if (f.suppressed) {
    lines.push(
      `  ${' '.repeat(8)} ${s.dim(`suppressed (${f.suppressed.kind}${f.suppressed.reason ? `: ${f.suppressed.reason}` : ''})`)}`,
    );
  }
  const fix = f.fixes.find((x) => x.preferred) ?? f.fixes[0];
  if (fix && !f.suppressed)
    lines.push(`  ${' '.repeat(8)} ${s.dim(`fix: ${scrub(fix.title, f)}`)}`);
  if (f.properties?.commit)
    lines.push(`  ${' '.repeat(8)} ${s.dim(`commit ${String(f.properties.commit).slice(0, 12)}`)}`);
  return lines;
}

function summary(input: ReportInput, s: Style): string {
  const c = countReport(input);
  const families = Object.entries(c.byFamily)
    .filter(([, n]) => n > 0)
    .map(([fam, n]) => `${fam} ${n}`)
    .join(', ');
  const severities = (['error', 'warning', 'info'] as const)
    .filter((k) => c.bySeverity[k] > 0)
    .map((k) => plural(c.bySeverity[k], k))
    .join(', ');
  const head =
    c.total === 0
      ? s.green('✔ No findings')
      : s.bold(
          `${c.bySeverity.error > 0 ? s.red('✖') : s.yellow('!')} ${plural(c.total, 'finding')}: ${severities} (${families})`,
        );
  const parts = [`${head} in ${plural(input.filesScanned, 'file')} (${size(input.bytesScanned)})`];
  const skipped = Object.entries(c.skippedByReason)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, n]) => `${reason} ${n}`);
  if (skipped.length > 0) parts.push(`${input.skipped.length} skipped (${skipped.join(', ')})`);
  if (c.suppressed > 0) parts.push(`${c.suppressed} suppressed`);
  parts.push(`${(input.durationMs / 1000).toFixed(1)} s`);
  return parts.join(' · ') + (input.cancelled ? ` ${s.yellow('(cancelled)')}` : '');
}

/** `--format text`: findings grouped by file, then one summary line. */
export const textReporter: Reporter = {
  format: 'text',
  render(input, options) {
    const s = style(options.color);
    const out: string[] = [];
    let current: string | undefined;
    for (const f of sortFindings(input.findings)) {
      if (f.path !== current) {
        if (current !== undefined) out.push('');
        out.push(s.bold(f.path));
        current = f.path;
      }
      out.push(...findingLines(f, s));
    }
    if (out.length > 0) out.push('');
    if (options.showSkipped && input.skipped.length > 0) {
      out.push(s.bold('Skipped'));
      for (const k of input.skipped)
        out.push(`  ${k.path}  ${s.dim(`${k.reason}${k.detail ? ` (${k.detail})` : ''}`)}`);
      out.push('');
    }
    out.push(summary(input, s));
    return `${out.join('\n')}\n`;
  },
};
