import type { Confidence, Family, LanguageId, RuleMatch, Severity } from './types';
import type { ScanContext } from './context';

/**
 * A self-test of a rule: `bad` examples must raise at least one finding of the rule,
 * `good` ones none. `path` decides the language (default: by the rule's first language).
 */
export interface RuleExample {
  text: string;
  path?: string;
  /** For bad examples: the text after applying the match's first (preferred) fix. */
  fixed?: string;
  /** For bad examples: exactly this many findings of the rule. */
  count?: number;
}

/** Metadata every rule carries; also the source of SARIF `tool.driver.rules`. */
export interface RuleMeta {
  /** Stable kebab-case id, `<family>/<rule>`. Also the docs path `docs/rules/<id>.md`. */
  id: string;
  family: Family;
  /** Short title, e.g. "GitHub personal access token". */
  title: string;
  /** One paragraph: why it matters (shown in hovers and SARIF fullDescription). */
  description: string;
  /** One line: how to fix it. */
  remediation: string;
  severity: Severity;
  confidence: Confidence;
  /** CWE ids like "CWE-798". */
  cwe: string[];
  /**
   * Lower-case substrings one of which must occur in the text for the detector to run.
   * Empty: the rule always runs (keep that rare — it costs throughput).
   */
  keywords: string[];
  /** Languages the rule applies to; `'all'` for every text file. */
  languages: LanguageId[] | 'all';
}

export interface Rule extends RuleMeta {
  detect(ctx: ScanContext): RuleMatch[];
  /**
   * Lower-case literals whose every occurrence the detector reads through `ctx.anchors()`:
   * the rule set's one keyword pass records them, so the rule need not search the text again.
   * They do not wake the rule (that is `keywords`).
   */
  anchors?: readonly string[];
  /**
   * Lower-case literals the detector asks about through `ctx.saw()` (cheap pre-checks before a
   * costly pattern), answered by the same keyword pass. They do not wake the rule either.
   */
  gates?: readonly string[];
  good: RuleExample[];
  bad: RuleExample[];
}

/** Identity helper that gives rule literals their type. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
