import { defaultConfig, isPathAllowed, ruleSetting, type AuditReadyConfig, type RuleSetting } from './config';
import { ScanContext } from './context';
import { FAMILY_INFO } from './families';
import { hashHex } from './hash';
import { isLockFile } from './heuristics';
import { KeywordMatcher, type KeywordHits } from './keywords';
import { languageOf } from './language';
import { mask, redact } from './mask';
import type { Rule } from './rule';
import { ALL_RULES } from './rules';
import { covers, findSuppressions, isLapsed } from './suppressions';
import type { Finding, LanguageId, RuleMatch } from './types';

/** Everything a scan may be told; all optional. */
export interface ScanOptions {
  config?: AuditReadyConfig;
  /** Fingerprints accepted by the baseline. */
  baseline?: ReadonlySet<string>;
  /** Language to use instead of the one the path implies (e.g. from the editor). */
  language?: LanguageId;
  /** Today as YYYY-MM-DD, for suppression expiry (injected so tests are deterministic). */
  today?: string;
  /** Keep suppressed findings in the result (marked `suppressed`) instead of dropping them. */
  includeSuppressed?: boolean;
  /**
   * The text's bytes when every character is ASCII (a file read from disk whose byte length is
   * its text length): the keyword pass reads them instead of encoding the text again.
   */
  asciiBytes?: Uint8Array;
  /** Restrict to these rules (default: all). Pass a prepared `RuleSet` when scanning often. */
  rules?: readonly Rule[] | RuleSet;
}

/**
 * A prepared rule set: rules plus one keyword automaton, so the keyword pre-filter is a
 * single pass over the text however many rules there are.
 */
export class RuleSet {
  readonly rules: readonly Rule[];
  private readonly matcher: KeywordMatcher;
  /** Indexes (into `rules`) of the rules without keywords: they always run. */
  private readonly alwaysOn: readonly number[];
  /** Keyword index (in the matcher) → indexes of the rules it wakes. */
  private readonly byKeyword: number[][];

  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    this.alwaysOn = rules.flatMap((r, i) => (r.keywords.length === 0 ? [i] : []));
    this.woken = new Uint8Array(rules.length);
    this.matcher = new KeywordMatcher(
      rules.flatMap((r) => [...r.keywords, ...(r.gates ?? [])]),
      rules.flatMap((r) => r.anchors ?? []),
    );
    const index = new Map(this.matcher.keywords.map((k, i) => [k, i]));
    this.byKeyword = this.matcher.keywords.map(() => []);
    rules.forEach((rule, r) => {
      for (const kw of new Set(rule.keywords.map((k) => k.toLowerCase()))) {
        const i = index.get(kw);
        if (i !== undefined) this.byKeyword[i].push(r);
      }
    });
  }

  /** Scratch of `prepare`: 1 for each rule the pass woke. */
  private readonly woken: Uint8Array;

  /** Per language: the rules that apply to it (memoised). */
  private readonly byLanguage = new Map<LanguageId, Set<Rule>>();

  /** Whether `rule` (one of this set's) applies to texts of `language`. */
  appliesTo(rule: Rule, language: LanguageId): boolean {
    let set = this.byLanguage.get(language);
    if (!set) {
      set = new Set(this.rules.filter((r) => r.languages === 'all' || r.languages.includes(language)));
      this.byLanguage.set(language, set);
    }
    return set.has(rule);
  }

  /** Rules whose keywords occur in `text` (plus keyword-less rules), in catalogue order. */
  candidates(text: string): Rule[] {
    return this.prepare(text).rules;
  }

  /**
   * The one keyword pass over `text`: the rules it wakes (plus keyword-less rules, in catalogue
   * order) and what it saw (gates and anchor positions, handed to the rules' context).
   */
  prepare(text: string, asciiBytes?: Uint8Array): { rules: Rule[]; hits: KeywordHits } {
    // Reused: typed arrays of more than 64 bytes are allocated outside V8's heap, slowly.
    const woken = this.woken.fill(0);
    for (const i of this.alwaysOn) woken[i] = 1;
    const hits = this.matcher.scan(text, asciiBytes);
    for (const k of hits.found) {
      for (const i of this.byKeyword[k]) woken[i] = 1;
    }
    const out: Rule[] = [];
    for (let i = 0; i < woken.length; i++) if (woken[i] === 1) out.push(this.rules[i]);
    return { rules: out, hits };
  }
}

let defaultRuleSet: RuleSet | undefined;
/** The config of scans given none (only read). */
const DEFAULT_CONFIG = defaultConfig();

/** Rule sets prepared for rule arrays passed as `rules` (the same array is prepared once). */
const preparedSets = new WeakMap<readonly Rule[], RuleSet>();

function ruleSetFor(options: ScanOptions): RuleSet {
  if (options.rules instanceof RuleSet) return options.rules;
  if (options.rules) {
    let set = preparedSets.get(options.rules);
    if (!set) {
      set = new RuleSet(options.rules);
      preparedSets.set(options.rules, set);
    }
    return set;
  }
  if (!defaultRuleSet) defaultRuleSet = new RuleSet(ALL_RULES);
  return defaultRuleSet;
}

/**
 * Each rule's setting under a config, worked out once per `rules` table (a parsed config is
 * never changed afterwards; scans reuse it).
 */
const settingsByConfig = new WeakMap<AuditReadyConfig['rules'], Map<Rule, RuleSetting | undefined>>();

function settingsFor(config: AuditReadyConfig, rules: readonly Rule[]): Map<Rule, RuleSetting | undefined> {
  let settings = settingsByConfig.get(config.rules);
  if (!settings) {
    settings = new Map();
    settingsByConfig.set(config.rules, settings);
  }
  if (settings.size < rules.length) {
    for (const rule of rules) if (!settings.has(rule)) settings.set(rule, ruleSetting(config, rule.id));
  }
  return settings;
}

/** YYYY-MM-DD of a date, in UTC. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Scans one text. `path` is workspace-relative with forward slashes; it decides the language
 * and goes into fingerprints. Returns findings sorted by offset.
 */
export function scanText(text: string, path: string, options: ScanOptions = {}): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  if (isLockFile(path)) return [];
  const language = options.language ?? languageOf(path);
  const ruleSet = ruleSetFor(options);
  const { rules, hits } = ruleSet.prepare(text, options.asciiBytes);
  const ctx = new ScanContext(text, path, language, hits);
  const findings: Finding[] = [];
  const settings = settingsFor(config, ruleSet.rules);
  for (const rule of rules) {
    if (rule.languages !== 'all' && !ruleSet.appliesTo(rule, language)) continue;
    const setting = settings.get(rule);
    if (setting === 'off') continue;
    // An index loop: `for…of` over rules' results (empty literals, arrays of matches) deoptimised
    // this loop when a new kind of array came by.
    const matches = rule.detect(ctx);
    for (let i = 0; i < matches.length; i++) findings.push(toFinding(rule, matches[i], ctx, setting));
  }
  const kept = dropShadowed(findings);
  return applySuppressions(kept, text, path, config, options);
}

function toFinding(rule: Rule, match: RuleMatch, ctx: ScanContext, setting?: string): Finding {
  const raw = match.value ?? ctx.text.slice(match.start, match.end);
  const isSecret = rule.family === 'secrets';
  const display = isSecret ? mask(raw) : displayValue(raw);
  const base = match.message ?? `${rule.title}: ${rule.remediation}`;
  const message = isSecret ? redact(base, raw) : base;
  return {
    ruleId: rule.id,
    family: rule.family,
    severity: setting && setting !== 'off' ? (setting as Finding['severity']) : (match.severity ?? rule.severity),
    message,
    start: match.start,
    end: match.end,
    display,
    fingerprint: hashHex(`${rule.id}\n${ctx.path}\n${raw}`),
    valueHash: hashHex(raw, 16),
    roadmapItem: FAMILY_INFO[rule.family].roadmapItem,
    fixes: match.fixes ?? [],
  };
}

/** Non-secret display: one line, any userinfo password in URLs hidden, the length capped. */
function displayValue(raw: string): string {
  const noCreds = raw
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/(\/\/[^/:@\s]*:)[^@/\s]+@/g, '$1****@');
  return noCreds.length > 120 ? `${noCreds.slice(0, 117)}...` : noCreds;
}

/**
 * Drops duplicate findings (same rule, same span) and lets a specific rule shadow a generic
 * one (`secrets/generic-*`) on an overlapping span of the same family.
 */
function dropShadowed(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}:${f.start}:${f.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (!f.ruleId.includes('/generic')) return true;
    return !findings.some(
      (g) => g.family === f.family && !g.ruleId.includes('/generic') && g.start < f.end && f.start < g.end,
    );
  });
}

function applySuppressions(
  findings: Finding[],
  text: string,
  path: string,
  config: AuditReadyConfig,
  options: ScanOptions,
): Finding[] {
  if (findings.length === 0) return findings;
  const today = options.today ?? isoDate(new Date());
  const byLine = findSuppressions(text);
  const lineOf = lineCounter(text);
  const pathAllowed = isPathAllowed(config, path);
  const out: Finding[] = [];
  for (const f of findings) {
    const sup = (byLine.get(lineOf(f.start)) ?? []).find((s) => covers(s, f.ruleId));
    if (sup && isLapsed(sup, today)) {
      f.message += ` (suppression lapsed on ${sup.until})`;
    } else if (sup) {
      f.suppressed = { kind: 'inline', reason: sup.reason };
    } else if (options.baseline?.has(f.fingerprint)) {
      f.suppressed = { kind: 'baseline' };
    } else if (
      pathAllowed ||
      config.allow.fingerprints.includes(f.fingerprint) ||
      config.allow.fingerprints.includes(f.valueHash) ||
      (f.family === 'insecure-http' && hostAllowed(f.display, config.allow.hosts))
    ) {
      f.suppressed = { kind: 'allowlist' };
    }
    if (!f.suppressed || options.includeSuppressed) out.push(f);
  }
  return out;
}

function hostAllowed(url: string, hosts: readonly string[]): boolean {
  if (hosts.length === 0) return false;
  const host = /^[a-z][a-z0-9+.-]{0,31}:\/\/(?:[^@/\s]*@)?([^/:?#\s]+)/i.exec(url)?.[1]?.toLowerCase();
  return host !== undefined && hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Line number (0-based) of increasing offsets, in one pass over the text. */
function lineCounter(text: string): (offset: number) => number {
  let line = 0;
  let pos = 0;
  return (offset: number) => {
    if (offset < pos) {
      line = 0;
      pos = 0;
    }
    for (let i = text.indexOf('\n', pos); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      pos = i + 1;
    }
    return line;
  };
}
