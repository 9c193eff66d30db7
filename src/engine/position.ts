/**
 * The one place where the engine's 0-based offsets become lines and columns
 * (0-based here; the SARIF writer adds one). The editor uses `TextDocument.positionAt`.
 */
export interface Position {
  line: number;
  character: number;
}

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i >= 0) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

export function toPosition(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Applies non-overlapping edits to `text` (used by tests, the CLI and fix previews). */
export function applyEdits(
  text: string,
  edits: readonly { start: number; end: number; newText: string }[],
): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
