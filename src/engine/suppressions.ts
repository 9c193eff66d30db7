import { lineCommentFor } from './lexer';
import type { LanguageId, TextEdit } from './types';

/**
 * Inline suppressions:
 *   `audit-ready-ignore <rule-id>[, <rule-id>] [until YYYY-MM-DD] -- <reason>` on the line,
 *   `audit-ready-ignore-next-line …` on the line before.
 * A rule id may be a family (`secrets`, `secrets/*`) or `*`. After `until` the suppression
 * lapses and the finding is shown again, saying so.
 */
export interface Suppression {
  /** 0-based line the suppression applies to. */
  line: number;
  rules: string[];
  reason: string;
  until?: string;
}

const PATTERN =
  /audit-ready-ignore(-next-line)?[ \t]+([\w*][\w*/.-]*(?:[ \t]*,[ \t]*[\w*][\w*/.-]*)*)([^\n]*)/g;

/** All suppressions in `text`, keyed by the line they apply to. */
export function findSuppressions(text: string): Map<number, Suppression[]> {
  const byLine = new Map<number, Suppression[]>();
  if (!text.includes('audit-ready-ignore')) return byLine;
  let line = 0;
  let scanned = 0;
  let m: RegExpExecArray | null;
  PATTERN.lastIndex = 0;
  while ((m = PATTERN.exec(text)) !== null) {
    for (let i = text.indexOf('\n', scanned); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) {
      line++;
      scanned = i + 1;
    }
    const rest = m[3].replace(/\s*(?:\*\/|-->|#>)\s*$/, '');
    const until = /\buntil[ \t]+(\d{4}-\d{2}-\d{2})/.exec(rest)?.[1];
    const reasonMatch = /--[ \t]*(.*)$/.exec(rest);
    const reason = (reasonMatch?.[1] ?? '').replace(/\buntil[ \t]+\d{4}-\d{2}-\d{2}\b/, '').trim();
    const rules = m[2].split(',').map((r) => r.trim());
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const before = text.slice(lineStart, m.index);
    // A comment alone on its line also covers the next line, as users expect.
    const aloneOnLine = /^\s*(?:\/\/|#|--|;|\/\*|<!--|<#|\*)?\s*$/.test(before);
    const targets = m[1] ? [line + 1] : aloneOnLine ? [line, line + 1] : [line];
    for (const target of targets) {
      const list = byLine.get(target) ?? [];
      list.push({ line: target, rules, reason, until });
      byLine.set(target, list);
    }
  }
  return byLine;
}

/** Whether `s` covers `ruleId`. */
export function covers(s: Suppression, ruleId: string): boolean {
  const family = ruleId.split('/')[0];
  return s.rules.some((r) => r === '*' || r === ruleId || r === family || r === `${family}/*`);
}

/** True when the suppression's `until` date is before `today` (YYYY-MM-DD). */
export function isLapsed(s: Suppression, today: string): boolean {
  return s.until !== undefined && s.until < today;
}

/**
 * The edit that suppresses `ruleId` on the line containing `offset`: a comment line above it,
 * in the file's comment syntax, with the reason and the date. Undefined where the format has
 * no comments (JSON): use the allowlist or the baseline there.
 */
export function suppressionEdit(
  text: string,
  language: LanguageId,
  offset: number,
  ruleId: string,
  reason: string,
  today: string,
): TextEdit | undefined {
  if (language === 'json' || language === 'text') return undefined;
  const { open, close } = lineCommentFor(language);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const safeReason = reason.replace(/[\r\n]+/g, ' ').replace(/\*\/|-->/g, '').trim() || 'no reason given';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = `audit-ready-ignore-next-line ${ruleId} -- ${safeReason} (${today})`;
  const comment = close ? `${open} ${body} ${close}` : `${open} ${body}`;
  return { start: lineStart, end: lineStart, newText: `${indent}${comment}${eol}` };
}
