import type { AuditReadyConfig } from './config';
import { ALL_RULES } from './rules';
import { RuleSet, scanText } from './scan';
import type { Finding } from './types';

/** A line added by a commit, with its 0-based line number in that commit's version of the file. */
export interface AddedLine {
  line: number;
  text: string;
}

/** Where and when a secret entered the history. */
export interface HistoryOrigin {
  commit: string;
  author: string;
  date: string;
  subject: string;
  path: string;
  /** 0-based line in that commit's version of the file. */
  line: number;
}

/** One distinct secret found in history (deduplicated by rule + value hash). */
export interface HistoryFinding {
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  /** Masked value. */
  display: string;
  valueHash: string;
  /** Line-independent id: rule + value hash. */
  fingerprint: string;
  /** The commit that introduced it (the oldest commit adding it). */
  introduced: HistoryOrigin;
  /** Number of commits that added this value (re-added after removal, copies…). */
  occurrences: number;
  /** Still in the tree at HEAD (then it is a working-tree finding too). */
  inHead?: boolean;
  /** Branches and tags whose history contains the introducing commit. */
  refs?: string[];
}

const SECRET_RULES = ALL_RULES.filter((r) => r.family === 'secrets');
let secretRuleSet: RuleSet | undefined;

/** The `secrets/` rules only: history scans look for credentials, not style of old code. */
export function historyRules(): RuleSet {
  if (!secretRuleSet) secretRuleSet = new RuleSet(SECRET_RULES);
  return secretRuleSet;
}

/**
 * Scans the lines one commit added to one file, with the same `secrets/` rules and
 * false-positive controls as the working tree. Lines are joined in order, so a private key
 * added as one block is still seen as one block.
 */
export function scanAddedLines(
  lines: readonly AddedLine[],
  path: string,
  config?: AuditReadyConfig,
): { finding: Finding; line: number }[] {
  if (lines.length === 0) return [];
  const text = lines.map((l) => l.text).join('\n');
  const findings = scanText(text, path, { config, rules: historyRules() });
  if (findings.length === 0) return [];
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.text.length + 1;
  }
  return findings.map((finding) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= finding.start) lo = mid;
      else hi = mid - 1;
    }
    return { finding, line: lines[lo].line };
  });
}

/** Guidance attached to every history finding: rotate first, then optionally rewrite. */
export function historyGuidance(path: string): string[] {
  return [
    'Rotate the credential first: it is in the repository history, so it must be considered compromised.',
    'Then, if the team decides to, remove it from history (this rewrites every commit after it):',
    `  git filter-repo --invert-paths --path '${path.replace(/'/g, "'\\''")}'   # or: --replace-text <file listing the value>`,
    '  git push --force --all && git push --force --tags',
    'Warning: force-pushing rewritten history breaks every collaborator\'s clone and open pull request; coordinate first. Audit Ready never rewrites history itself.',
  ];
}
