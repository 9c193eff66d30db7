import { scanText, type Finding, type ScanOptions, type TextEdit } from '../engine';

/**
 * Windowed rescans while typing in a large document. A full scan costs time proportional to
 * the file (lexing and every rule); a keystroke changes a few lines. So between full scans
 * (on open, save, config change) the adapter keeps the last findings, shifts them through each
 * edit, and re-scans only the edited lines plus `CONTEXT_LINES` lines of context either side.
 * Findings are replaced only on the edited lines; elsewhere the full scan's results stand.
 * A construct that spans more than the context (a comment opened far above) is settled by the
 * next full scan.
 */
export const CONTEXT_LINES = 40;

/** Documents smaller than this are always scanned whole: it is cheap and exact. */
export const INCREMENTAL_MIN_CHARS = 32 * 1024;

/** One edit as VS Code reports it: offsets in the text before this edit. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

function shiftEdits(edits: readonly TextEdit[], by: number): TextEdit[] {
  return edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by }));
}

/** A finding moved by `by` characters, its fixes' edits included. */
export function shiftFinding<F extends Finding>(f: F, by: number): F {
  if (by === 0) return f;
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fixes: f.fixes.map((x) => ({ ...x, edits: shiftEdits(x.edits, by) })),
  };
}

/** Tracks a document's findings and the region edited since they were computed. */
export class IncrementalState {
  /** Findings with offsets in the current text (shifted through every edit since the scan). */
  findings: Finding[];
  /** Edited region `[start, end)` in current-text offsets; undefined when nothing changed. */
  dirty: { start: number; end: number } | undefined;

  constructor(findings: Finding[]) {
    this.findings = findings;
  }

  /** Applies VS Code content changes (in order, each relative to the text before it). */
  applyChanges(changes: readonly TextChange[]): void {
    for (const c of changes) {
      const start = c.rangeOffset;
      const end = start + c.rangeLength;
      const delta = c.text.length - c.rangeLength;
      const insertedEnd = start + c.text.length;
      const map = (x: number): number => (x <= start ? x : x >= end ? x + delta : insertedEnd);
      this.findings = this.findings
        .filter((f) => f.end <= start || f.start >= end)
        .map((f) => (f.start >= end ? shiftFinding(f, delta) : f));
      this.dirty = this.dirty
        ? {
            start: Math.min(map(this.dirty.start), start),
            end: Math.max(map(this.dirty.end), insertedEnd),
          }
        : { start, end: insertedEnd };
    }
  }

  /**
   * Re-scans the dirty lines of `text` in a window of context and merges the result.
   * Returns the findings for the whole text (offsets in `text`).
   */
  rescan(text: string, path: string, options: ScanOptions): Finding[] {
    if (!this.dirty) return this.findings;
    const lineStart = (o: number): number => (o <= 0 ? 0 : text.lastIndexOf('\n', o - 1) + 1);
    const lineEnd = (o: number): number => {
      const e = text.indexOf('\n', o);
      return e < 0 ? text.length : e;
    };
    const from = lineStart(Math.min(this.dirty.start, text.length));
    const to = lineEnd(Math.min(this.dirty.end, text.length));
    let wStart = from;
    for (let i = 0; i < CONTEXT_LINES && wStart > 0; i++) wStart = lineStart(wStart - 1);
    let wEnd = to;
    for (let i = 0; i < CONTEXT_LINES && wEnd < text.length; i++) wEnd = lineEnd(wEnd + 1);
    const fresh = scanText(text.slice(wStart, wEnd), path, options)
      .map((f) => shiftFinding(f, wStart))
      .filter((f) => f.start >= from && f.start <= to);
    const kept = this.findings.filter((f) => f.start < from || f.start > to);
    this.findings = [...kept, ...fresh].sort((a, b) => a.start - b.start || a.end - b.end);
    this.dirty = undefined;
    return this.findings;
  }
}
