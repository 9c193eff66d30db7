import type { ScanContext } from '../../context';
import { envVarFix } from '../../fixes';
import { entropy, isDocumentedExample, isPlaceholder } from '../../heuristics';
import { defineRule, type Rule, type RuleExample } from '../../rule';
import type { Confidence, RuleMatch } from '../../types';

/** What a provider-format secret rule declares; `tokenRule` supplies the rest. */
export interface TokenRuleSpec {
  id: string;
  title: string;
  description: string;
  remediation?: string;
  /**
   * Global regex. Capture group 1 (or the whole match) is the secret value. Keep repeats
   * bounded (`{20,255}`), never `+`/`*` on a class that also precedes the match.
   */
  pattern: RegExp;
  keywords: string[];
  /** Minimum Shannon entropy (bits/char) of the value; below it the match is ignored. */
  minEntropy?: number;
  confidence?: Confidence;
  /** Environment variable name used by the fix when the value is not assigned to a name. */
  envName: string;
  /** Extra check on the value (e.g. a checksum or a context word nearby). */
  validate?: (value: string, ctx: ScanContext, index: number) => boolean;
  good: RuleExample[];
  bad: RuleExample[];
}

/** A provider-format secret rule: pattern + keywords + entropy floor + env-var fix. */
export function tokenRule(spec: TokenRuleSpec): Rule {
  return defineRule({
    id: spec.id,
    family: 'secrets',
    title: spec.title,
    description: spec.description,
    remediation:
      spec.remediation ??
      'Move it to an environment variable or a secret manager, and rotate it: it must be considered leaked.',
    severity: 'error',
    confidence: spec.confidence ?? 'high',
    cwe: ['CWE-798'],
    keywords: spec.keywords,
    languages: 'all',
    good: spec.good,
    bad: spec.bad,
    detect(ctx) {
      const out: RuleMatch[] = [];
      const re = new RegExp(spec.pattern.source, spec.pattern.flags.includes('g') ? spec.pattern.flags : `${spec.pattern.flags}g`);
      let m: RegExpExecArray | null;
      while ((m = re.exec(ctx.text)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const value = m[1] ?? m[0];
        const start = m.index + m[0].indexOf(value);
        const end = start + value.length;
        if (isPlaceholder(value) || isDocumentedExample(value)) continue;
        if (spec.minEntropy !== undefined && entropy(value) < spec.minEntropy) continue;
        if (spec.validate && !spec.validate(value, ctx, start)) continue;
        out.push({
          start,
          end,
          value,
          message: `${spec.title} hardcoded: move it to an environment variable and rotate it.`,
          fixes: envVarFix(ctx, start, end, value, spec.envName),
        });
      }
      return out;
    },
  });
}
