import * as assert from 'node:assert/strict';
import { ALL_RULES, scanText, type Rule } from '../../src/engine';

/**
 * No rule may go super-linear: V8's regex engine backtracks, and real repositories hold long
 * runs of one character class (test vectors, base64 blobs, minified data). Every rule gets
 * 100 kB single-line inputs built from its keywords and the characters patterns typically
 * repeat, plus its bad examples with the value stretched to 100 kB.
 */
const SIZE = 100_000;
const LIMIT_MS = 50;
const RUN_CHARS = [
  'a',
  'A1',
  '0',
  '=',
  ' ',
  '/',
  ':',
  '-',
  '.',
  '_',
  '"',
  "'",
  '%',
  '\\',
  '+',
  'aB3+/',
  'a.',
  'a-',
  '@',
  'Z9_-',
  '://',
];

/** Keywords worth trying: the first two and the longest (they share the pattern). */
function keywordsOf(rule: Rule): string[] {
  if (rule.keywords.length === 0) return [''];
  const longest = [...rule.keywords].sort((a, b) => b.length - a.length)[0];
  return [...new Set([...rule.keywords.slice(0, 2), longest])];
}

function fill(prefix: string, unit: string): string {
  return prefix + unit.repeat(Math.ceil((SIZE - prefix.length) / unit.length));
}

/** The longest token of a bad example, taken to be its value. */
function stretchedExamples(rule: Rule): { label: string; text: string; path?: string }[] {
  return rule.bad.flatMap((ex, i) => {
    const tokens = ex.text.match(/[A-Za-z0-9+/=_.:-]{6,}/g) ?? [];
    const value = tokens.sort((a, b) => b.length - a.length)[0];
    if (!value) return [];
    const at = ex.text.indexOf(value);
    const head = ex.text.slice(0, at);
    const line = ex.text.slice(at).split('\n')[0];
    const repeated = { label: `bad[${i}] value repeated`, text: fill(head, value), path: ex.path };
    const extended = {
      label: `bad[${i}] value extended`,
      text: head + value + value.slice(-1).repeat(SIZE) + line.slice(value.length),
      path: ex.path,
    };
    const first = ex.text.split('\n')[0];
    const lineRepeated = {
      label: `bad[${i}] line repeated`,
      text: fill('', `${first} `),
      path: ex.path,
    };
    // A finding at the end of a very long line (minified code): per-match work must not
    // rescan the whole line with a backtracking pattern.
    const longPrefix = {
      label: `bad[${i}] after 100 kB on its line`,
      text: `${'ab_c.'.repeat(SIZE / 5)} ${first}`,
      path: ex.path,
    };
    return [repeated, extended, lineRepeated, longPrefix];
  });
}

function inputsFor(rule: Rule): { label: string; text: string; path?: string }[] {
  const inputs: { label: string; text: string; path?: string }[] = [];
  for (const kw of keywordsOf(rule)) {
    for (const c of RUN_CHARS) {
      inputs.push({ label: `"${kw}" + run of ${JSON.stringify(c)}`, text: fill(kw, c) });
      inputs.push({
        label: `"${kw} = \\"" + run of ${JSON.stringify(c)}`,
        text: fill(`${kw} = "`, c),
      });
    }
    if (kw) inputs.push({ label: `"${kw}" repeated`, text: fill('', kw) });
    if (kw) inputs.push({ label: `"${kw}=" repeated`, text: fill('', `${kw}=`) });
  }
  return [...inputs, ...stretchedExamples(rule)];
}

function pathFor(rule: Rule, p: string | undefined): string {
  if (p) return p;
  const lang = rule.languages === 'all' ? 'typescript' : rule.languages[0];
  const byLang: Record<string, string> = {
    javascript: 'a.js',
    typescript: 'a.ts',
    python: 'a.py',
    go: 'a.go',
    java: 'A.java',
    csharp: 'A.cs',
    ruby: 'a.rb',
    php: 'a.php',
    yaml: 'a.yaml',
    shell: 'a.sh',
    nginx: 'nginx.conf',
    dotenv: '.env',
    terraform: 'a.tf',
    dockerfile: 'Dockerfile',
    apache: 'httpd.conf',
    haproxy: 'haproxy.cfg',
    properties: 'application.properties',
    json: 'a.json',
    markdown: 'a.md',
  };
  return byLang[lang] ?? `a.${lang}`;
}

/**
 * Milliseconds of one scan restricted to `rule`: wall time (hrtime), or the process's CPU time
 * when that is lower — on a loaded machine the wall clock also counts other processes' turns.
 */
function timeScan(text: string, path: string, rule: Rule): number {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  scanText(text, path, { rules: [rule], today: '2026-01-01' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return Math.min(wall, (c.user + c.system) / 1000);
}

describe('ReDoS: every rule stays linear on 100 kB adversarial lines', function () {
  this.timeout(120_000);
  for (const rule of ALL_RULES) {
    it(`${rule.id} finishes each input in < ${LIMIT_MS} ms`, () => {
      const slow: string[] = [];
      // Warm the JIT on the rule's own examples so the first timed input measures the regexes.
      for (const ex of rule.bad)
        for (let i = 0; i < 3; i++) timeScan(ex.text.repeat(50), pathFor(rule, ex.path), rule);
      for (const input of inputsFor(rule)) {
        const p = pathFor(rule, input.path);
        // Min of three runs resists machine noise; only repeat when the first run is slow.
        let best = timeScan(input.text, p, rule);
        for (let i = 0; i < 2 && best >= LIMIT_MS; i++)
          best = Math.min(best, timeScan(input.text, p, rule));
        if (best >= LIMIT_MS) slow.push(`${input.label} (${p}): ${best.toFixed(0)} ms`);
      }
      assert.deepEqual(slow, [], `${rule.id} is super-linear on:\n  ${slow.join('\n  ')}`);
    });
  }
});
