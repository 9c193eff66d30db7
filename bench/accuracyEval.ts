import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  FAMILIES,
  lineStarts,
  mask,
  scanText,
  toPosition,
  type Family,
  type Finding,
} from '../src/engine';

/** One labelled line of the corpus (see test/fixtures/accuracy/labels.json). */
export interface Label {
  file: string;
  /** 1-based. */
  line: number;
  expect: Family | 'decoy' | 'neutral';
  contains: string;
  note?: string;
}

/** A finding that matched no positive label, or a positive label no finding matched. */
export interface Miss {
  file: string;
  line: number;
  family: Family;
  rule?: string;
  /** Masked value (findings) or the masked line text (missed positives). */
  shown: string;
  note?: string;
}

export interface FamilyScore {
  family: Family;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface AccuracyReport {
  files: number;
  positives: number;
  decoys: number;
  scores: FamilyScore[];
  falsePositives: Miss[];
  falseNegatives: Miss[];
  /** Labels whose `contains` text is no longer on their line (the corpus drifted). */
  drift: string[];
}

/** The repository root: the nearest folder above `from` holding package.json. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const CORPUS = path.join('test', 'fixtures', 'accuracy');
const LABELS = 'labels.json';

function listFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return listFiles(dir, r);
    return r === LABELS ? [] : [r];
  });
}

/** Value-like tokens of a line masked, so a missed secret is never printed in full. */
function maskLine(text: string): string {
  const t = text
    .trim()
    .replace(/[^\s'"`,;(){}\[\]]{8,}/g, (s) => (/\d/.test(s) && /[A-Za-z]/.test(s) ? mask(s) : s));
  return t.length > 110 ? `${t.slice(0, 107)}...` : t;
}

interface Located {
  finding: Finding;
  line: number;
  endLine: number;
}

function locate(text: string, findings: Finding[]): Located[] {
  const starts = lineStarts(text);
  return findings.map((f) => ({
    finding: f,
    line: toPosition(starts, f.start).line + 1,
    endLine: toPosition(starts, Math.max(f.start, f.end - 1)).line + 1,
  }));
}

/** Scans every corpus file with the whole catalogue and scores findings against the labels. */
export function evaluate(root: string = repoRoot(), only?: Family): AccuracyReport {
  const dir = path.join(root, CORPUS);
  const labels = (
    JSON.parse(fs.readFileSync(path.join(dir, LABELS), 'utf8')) as { labels: Label[] }
  ).labels;
  const families = only ? [only] : [...FAMILIES];
  const report: AccuracyReport = {
    files: 0,
    positives: labels.filter((l) => l.expect !== 'decoy' && l.expect !== 'neutral').length,
    decoys: labels.filter((l) => l.expect === 'decoy').length,
    scores: [],
    falsePositives: [],
    falseNegatives: [],
    drift: [],
  };
  const matched = new Set<Label>();
  const fpKeys = new Set<string>();
  for (const file of listFiles(dir)) {
    report.files++;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const lines = text.split('\n');
    const mine = labels.filter((l) => l.file === file);
    for (const l of mine) {
      if (!(lines[l.line - 1] ?? '').includes(l.contains))
        report.drift.push(`${file}:${l.line}: "${l.contains}"`);
    }
    for (const loc of locate(text, scanText(text, file, { today: '2026-01-01' }))) {
      const f = loc.finding;
      if (!families.includes(f.family)) continue;
      const hits = mine.filter(
        (l) => l.expect === f.family && l.line >= loc.line && l.line <= loc.endLine,
      );
      hits.forEach((l) => matched.add(l));
      if (hits.length > 0) continue;
      if (mine.some((l) => l.expect === 'neutral' && l.line === loc.line)) continue;
      const key = `${file}:${loc.line}:${f.family}`;
      if (fpKeys.has(key)) continue;
      fpKeys.add(key);
      const label = mine.find((l) => l.line === loc.line);
      report.falsePositives.push({
        file,
        line: loc.line,
        family: f.family,
        rule: f.ruleId,
        shown: f.display,
        note: label ? `${label.expect}: ${label.note ?? ''}` : 'unlabelled line',
      });
    }
  }
  for (const l of labels) {
    if (
      l.expect === 'decoy' ||
      l.expect === 'neutral' ||
      !families.includes(l.expect) ||
      matched.has(l)
    )
      continue;
    const text = fs.readFileSync(path.join(dir, l.file), 'utf8').split('\n')[l.line - 1] ?? '';
    report.falseNegatives.push({
      file: l.file,
      line: l.line,
      family: l.expect,
      shown: maskLine(text),
      note: l.note,
    });
  }
  report.scores = families.map((family) => {
    const tp = labels.filter((l) => l.expect === family && matched.has(l)).length;
    const fp = report.falsePositives.filter((m) => m.family === family).length;
    const fn = report.falseNegatives.filter((m) => m.family === family).length;
    return {
      family,
      tp,
      fp,
      fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    };
  });
  return report;
}
