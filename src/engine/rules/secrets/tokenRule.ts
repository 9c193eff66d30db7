import type { ScanContext } from '../../context';
import { envVarFix } from '../../fixes';
import { entropy, isDocumentedExample, isPlaceholder } from '../../heuristics';
import { defineRule, type Rule, type RuleExample } from '../../rule';
import type { Confidence, LanguageId, RuleMatch, Severity } from '../../types';
import { execInWindows, unionWindows, windowsAround, windowsNearAny, type Near } from '../../windows';

/** What a provider-format secret rule declares; `tokenRule` supplies the rest. */
export interface TokenRuleSpec {
  id: string;
  title: string;
  description: string;
  remediation?: string;
  /**
   * Global regex. The first participating capture group (or the whole match) is the value. Keep repeats
   * bounded (`{20,255}`), never `+`/`*` on a class that also precedes the match.
   */
  pattern: RegExp;
  keywords: string[];
  /** Minimum Shannon entropy (bits/char) of the value; below it the match is ignored. */
  minEntropy?: number;
  confidence?: Confidence;
  severity?: Severity;
  languages?: LanguageId[] | 'all';
  /** Environment variable name used by the fix when the value is not assigned to a name. */
  envName: string;
  /** Extra check on the value (e.g. a checksum or a context word nearby). */
  validate?: (value: string, ctx: ScanContext, index: number) => boolean;
  /**
   * When `validate` only ever accepts values near some context words (an AWS key id, a provider
   * name), those words as global regexes with how far before and after them a value may sit:
   * the pattern is then run only in windows around their occurrences instead of over the whole text (a loose pattern such as 40 base64
   * characters is costly to try at every position).
   */
  near?: readonly Near[];
  /**
   * Like `near`, but the context words are literals the keyword pass records (no pass over the
   * text of its own): every match starts within `before` characters before one of `words` and
   * ends within `after` characters after it.
   */
  around?: readonly { words: readonly string[]; before: number; after: number }[];
  /**
   * Every match contains one of the rule's own `keywords`, starting at most `before` characters
   * before it and ending within `after` characters of its start (a provider prefix such as
   * `ghp_`): the pattern runs only there. Shorthand for `around` with the keywords.
   */
  keywordIn?: { before: number; after: number };
  /** Per-match severity (e.g. test-mode keys are a warning); default: the rule's. */
  severityOf?: (value: string, ctx: ScanContext, index: number) => Severity | undefined;
  /** Per-match message; default "<title> hardcoded: …". Never include the value. */
  messageOf?: (value: string, ctx: ScanContext, index: number) => string | undefined;
  good: RuleExample[];
  bad: RuleExample[];
}

/**
 * Cap on matches per rule and text: a real file holds a handful of secrets; a generated file
 * with thousands of token-shaped strings should not cost quadratic work in the fixes.
 */
export const MAX_MATCHES_PER_RULE = 50;

/**
 * Runs and words that random tokens practically never contain but documentation and tutorial
 * values do (`xoxb-1234567890-…`, `sk_live_abcdefghijklmnop`, `ghp_EXAMPLE…`, `…FAKE…`). Also used by
 * `aws-secret-access-key`, whose detector builds its own windows.
 */
export const HAND_MADE = /0123456789|1234567890|abcdefghij|ABCDEFGHIJ|qwertyui|xxxxxx|(?:fake|dummy|example|sample|placeholder|redacted|invalid|notreal|not-a-real|your)(?![a-z])/i;

/** A provider-format secret rule: pattern + keywords + entropy floor + env-var fix. */
export function tokenRule(spec: TokenRuleSpec): Rule {
  const around = [...(spec.around ?? []), ...(spec.keywordIn ? [{ words: spec.keywords, ...spec.keywordIn }] : [])];
  const flags = spec.pattern.flags.includes('g') ? spec.pattern.flags : `${spec.pattern.flags}g`;
  return defineRule({
    id: spec.id,
    family: 'secrets',
    title: spec.title,
    description: spec.description,
    remediation:
      spec.remediation ??
      'Move it to an environment variable or a secret manager, and rotate it: it must be considered leaked.',
    severity: spec.severity ?? 'error',
    confidence: spec.confidence ?? 'high',
    cwe: ['CWE-798'],
    keywords: spec.keywords,
    anchors: around.length > 0 ? [...new Set(around.flatMap((a) => a.words))] : undefined,
    languages: spec.languages ?? 'all',
    good: spec.good,
    bad: spec.bad,
    detect(ctx) {
      const out: RuleMatch[] = [];
      const re = new RegExp(spec.pattern.source, flags);
      const windows = around.length > 0
        ? unionWindows(around.map((a) => windowsAround(ctx.anchorsOf(a.words), a.before, a.after, ctx.text.length)))
        : spec.near
          ? windowsNearAny(ctx.text, spec.near)
          : undefined;
      execInWindows(re, ctx.text, windows, (m) => {
        if (out.length >= MAX_MATCHES_PER_RULE) return false;
        if (m[0].length === 0) return;
        // The first capture group that took part in the match (alternations have several).
        const value = m.slice(1).find((g) => g !== undefined) ?? m[0];
        const start = m.index + m[0].indexOf(value);
        const end = start + value.length;
        if (isPlaceholder(value) || isDocumentedExample(value) || HAND_MADE.test(value)) return;
        if (spec.minEntropy !== undefined && entropy(value) < spec.minEntropy) return;
        if (spec.validate && !spec.validate(value, ctx, start)) return;
        out.push({
          start,
          end,
          value,
          severity: spec.severityOf?.(value, ctx, start),
          message:
            spec.messageOf?.(value, ctx, start) ??
            `${spec.title} hardcoded: move it to an environment variable and rotate it.`,
          fixes: envVarFix(ctx, start, end, value, spec.envName),
        });
      });
      return out;
    },
  });
}

