/**
 * Merged [start, end) windows around every match of `anchor` in `text`: `before` characters
 * before the match and `after` characters after its end. Rules whose loose pattern can only
 * match near a context word run the pattern inside these windows instead of over the whole
 * text (a bounded-but-loose regex is costly to try at every position of a 500 kB document).
 */
export function windowsNear(text: string, anchor: RegExp, before: number, after: number): [number, number][] {
  return windowsNearAny(text, [{ anchor, before, after }]);
}

/** A context word (global regex) and how far before and after it a match may reach. */
export interface Near {
  anchor: RegExp;
  before: number;
  after: number;
}

/** `windowsNear` for several context words at once: the merged windows of all of them. */
export function windowsNearAny(text: string, near: readonly Near[]): [number, number][] {
  const raw: [number, number][] = [];
  for (const { anchor, before, after } of near) {
    const re = new RegExp(anchor.source, anchor.flags.includes('g') ? anchor.flags : `${anchor.flags}g`);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      raw.push([Math.max(0, m.index - before), Math.min(text.length, m.index + m[0].length + after)]);
    }
  }
  if (near.length > 1) raw.sort((a, b) => a[0] - b[0]);
  const windows: [number, number][] = [];
  for (const [start, end] of raw) {
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

/**
 * Runs the global regex `re` over `text`, reporting only matches that start inside one of the
 * windows (all matches when `windows` is undefined), in order. `visit` returns false to stop.
 */
export function execInWindows(
  re: RegExp,
  text: string,
  windows: readonly (readonly [number, number])[] | undefined,
  visit: (m: RegExpExecArray) => boolean | void,
): void {
  const all: readonly (readonly [number, number])[] = windows ?? [[0, text.length]];
  let w = 0;
  if (all.length === 0) return;
  re.lastIndex = all[0][0];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    if (m.index >= all[w][1]) {
      while (w < all.length && all[w][1] <= m.index) w++;
      if (w === all.length) return;
      if (m.index < all[w][0]) {
        re.lastIndex = all[w][0];
        continue;
      }
    }
    if (visit(m) === false) return;
  }
}
