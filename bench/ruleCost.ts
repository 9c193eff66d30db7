import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, RuleSet, scanText, type Rule } from '../src/engine';

/** Texts of the first files of a tree up to `maxBytes`, for in-process engine timing. */
export function sampleTexts(root: string, maxBytes: number): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  let bytes = 0;
  const walk = (dir: string): void => {
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      if (bytes >= maxBytes || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const text = fs.readFileSync(full, 'utf8');
        out.push({ path: path.relative(root, full).split(path.sep).join('/'), text });
        bytes += text.length;
      }
    }
  };
  walk(root);
  return out;
}

function timeScan(texts: { path: string; text: string }[], rules?: readonly Rule[]): number {
  // Prepared once, as every real caller does (building the keyword automaton is not scan time).
  const set = rules ? new RuleSet(rules) : undefined;
  const t0 = process.hrtime.bigint();
  for (const t of texts) scanText(t.text, t.path, set ? { rules: set } : {});
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Where the engine's time goes, single-threaded: the whole catalogue, the fixed cost (context,
 * keyword pass) with no rules, and each rule's detector: the rule alone minus the same rule with
 * a detector that does nothing (so its own keyword pass, which the whole catalogue shares as one,
 * is not counted). Rules run only on texts containing one of their keywords, so a rule's cost
 * includes how often it is woken.
 */
export function ruleCosts(texts: { path: string; text: string }[]): {
  mb: number;
  fullMs: number;
  baseMs: number;
  rules: { id: string; ms: number; woken: number; keywords: string }[];
} {
  const mb = texts.reduce((n, t) => n + t.text.length, 0) / 1e6;
  timeScan(texts);
  const fullMs = Math.min(timeScan(texts), timeScan(texts));
  const baseMs = Math.min(timeScan(texts, []), timeScan(texts, []));
  const rules = ALL_RULES.map((rule) => {
    const set = new RuleSet([rule]);
    const woken = texts.filter((t) => set.candidates(t.text).length > 0).length / texts.length;
    // A detector that never runs costs nothing (the difference of two timings would be noise).
    const idle = [{ ...rule, detect: () => [] }];
    const ms =
      woken === 0
        ? 0
        : Math.max(0, Math.min(timeScan(texts, [rule]), timeScan(texts, [rule])) - Math.min(timeScan(texts, idle), timeScan(texts, idle)));
    return { id: rule.id, ms, woken, keywords: rule.keywords.slice(0, 5).join(' ') };
  }).sort((a, b) => b.ms - a.ms);
  return { mb, fullMs, baseMs, rules };
}

/** Lines the generator plants on purpose (see templates.ts PLANTS); everything else is benign. */
const PLANTED =
  /const (?:awsKeyId|githubToken|stripeKey|slackToken|partnerUrl) = "|rejectUnauthorized: false|console\.log\('incoming payload'/;

/**
 * Findings on the generated tree that are not on planted lines: every other line there is a
 * benign look-alike by construction (env lookups, hashes, UUIDs, https and loopback URLs,
 * metadata-only logging, TLS 1.2 settings), so these are false positives, per rule.
 */
export function generatedFalsePositives(texts: { path: string; text: string }[]): {
  planted: number;
  found: number;
  fps: { rule: string; count: number; example: string }[];
} {
  const fps = new Map<string, { count: number; example: string }>();
  let planted = 0;
  let found = 0;
  for (const t of texts) {
    planted += t.text.split('\n').filter((l) => PLANTED.test(l)).length;
    for (const f of scanText(t.text, t.path)) {
      const from = t.text.lastIndexOf('\n', f.start) + 1;
      const to = t.text.indexOf('\n', f.start);
      const line = t.text.slice(from, to < 0 ? undefined : to);
      if (PLANTED.test(line)) {
        found++;
        continue;
      }
      const e = fps.get(f.ruleId) ?? {
        count: 0,
        example: `${t.path}: ${f.display} in "${line.trim().slice(0, 90)}"`,
      };
      e.count++;
      fps.set(f.ruleId, e);
    }
  }
  return {
    planted,
    found,
    fps: [...fps].map(([rule, e]) => ({ rule, ...e })).sort((a, b) => b.count - a.count),
  };
}
