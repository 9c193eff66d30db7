import type { KeywordHits } from './keywords';
import { CONFIG_LANGUAGES } from './language';
import { mergeOffsets } from './windows';
import { lex, regionIn, spanAt, type Spans } from './lexer';
import type { LanguageId, Region } from './types';

/**
 * What a rule's detector sees: the text, its path and language, and lazily computed
 * lexical regions and line boundaries. One context per scanned text, shared by all rules.
 */
export class ScanContext {
  private spans: Spans | undefined;
  /** Lower-cased text, computed on first use (many keyword checks want it). */
  private lowerText: string | undefined;

  constructor(
    readonly text: string,
    /** Workspace-relative path with forward slashes (or a file name). */
    readonly path: string,
    readonly language: LanguageId,
    /** What the rule set's keyword pass saw (absent when a detector runs on its own). */
    private readonly hits?: KeywordHits,
  ) {}

  /**
   * Whether the lower-case `literal` occurs in the text, case-insensitively. Answered by the
   * keyword pass when the literal is one of its keywords or a rule's `gates`; searched otherwise.
   */
  saw(literal: string): boolean {
    return this.hits?.saw(literal) ?? this.lower.includes(literal);
  }

  /** `anchors` of several literals, merged into one ascending list. */
  anchorsOf(literals: readonly string[]): ArrayLike<number> {
    return mergeOffsets(literals.map((l) => this.anchors(l)));
  }

  /**
   * Start offsets of every case-insensitive occurrence of the lower-case `literal`, ascending.
   * Recorded by the keyword pass when the literal is a rule's anchor; searched otherwise.
   */
  anchors(literal: string): ArrayLike<number> {
    const recorded = this.hits?.starts(literal);
    if (recorded) return recorded;
    const out: number[] = [];
    const lower = this.lower;
    // Lower-casing may change the length of texts outside ASCII; then offsets come from a regex.
    if (lower.length === this.text.length) {
      for (let i = lower.indexOf(literal); i >= 0; i = lower.indexOf(literal, i + 1)) out.push(i);
    } else {
      const re = new RegExp(literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
      for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) {
        out.push(m.index);
        re.lastIndex = m.index + 1;
      }
    }
    return out;
  }

  get lower(): string {
    if (this.lowerText === undefined) this.lowerText = this.text.toLowerCase();
    return this.lowerText;
  }

  /** True for config formats, where unquoted values are data, not code. */
  get isConfig(): boolean {
    return CONFIG_LANGUAGES.has(this.language);
  }

  regionAt(offset: number): Region {
    return regionIn(this.lexed(), offset);
  }

  isComment(offset: number): boolean {
    return this.regionAt(offset) === 'comment';
  }

  isString(offset: number): boolean {
    return this.regionAt(offset) === 'string';
  }

  /** The string literal or comment around `offset`, if any. */
  enclosing(offset: number): { start: number; end: number } | undefined {
    return spanAt(this.lexed(), offset);
  }

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  lineEnd(offset: number): number {
    const e = this.text.indexOf('\n', offset);
    return e < 0 ? this.text.length : e;
  }

  /** The whole line containing `offset`, without its line break. */
  lineText(offset: number): string {
    const end = this.lineEnd(offset);
    const start = this.lineStart(offset);
    return this.text.slice(start, end > start && this.text[end - 1] === '\r' ? end - 1 : end);
  }

  /**
   * A statement around `offset`: from the line start to the first `;` or newline that closes
   * all brackets opened after `offset`, capped at `max` characters (multi-line log calls).
   */
  statementAt(offset: number, max = 600): { start: number; end: number; text: string } {
    const start = this.lineStart(offset);
    let depth = 0;
    let end = this.text.length;
    const limit = Math.min(this.text.length, offset + max);
    for (let i = start; i < limit; i++) {
      const c = this.text[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      else if ((c === '\n' || c === ';') && depth <= 0 && i >= offset) {
        end = i;
        break;
      }
      if (i === limit - 1) end = limit;
    }
    return { start, end, text: this.text.slice(start, end) };
  }

  private lexed(): Spans {
    if (this.spans === undefined) this.spans = lex(this.text, this.language);
    return this.spans;
  }
}
