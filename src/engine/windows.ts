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
  return unionWindows([raw]);
}

/**
 * Merged [start, end) windows around offsets (ascending, e.g. a rule's anchors from the keyword
 * pass): from `before` characters before each offset to `after` characters after it.
 */
export function windowsAround(offsets: ArrayLike<number>, before: number, after: number, length: number): [number, number][] {
  const windows: [number, number][] = [];
  for (let i = 0; i < offsets.length; i++) {
    const start = Math.max(0, offsets[i] - before);
    const end = Math.min(length, offsets[i] + after);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

/** The union of several window lists, as one merged ascending list. */
export function unionWindows(lists: readonly (readonly [number, number])[][]): [number, number][] {
  const all = lists.flat().sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of all) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Offsets of several anchors (each ascending), merged into one ascending array. */
export function mergeOffsets(lists: readonly ArrayLike<number>[]): ArrayLike<number> {
  let total = 0;
  let nonEmpty: ArrayLike<number> | undefined;
  let several = false;
  for (let k = 0; k < lists.length; k++) {
    const l = lists[k];
    if (l.length === 0) continue;
    several ||= nonEmpty !== undefined;
    nonEmpty = l;
    total += l.length;
  }
  // Most texts hold only one of the words asked for: its offsets are the answer as they are.
  if (!several) return nonEmpty ?? NONE;
  // Each (ascending) list merged into the sorted front of the result, from the back: linear in
  // the offsets per list, no sort.
  const all = new Int32Array(total);
  let len = 0;
  for (let k = 0; k < lists.length; k++) {
    const l = lists[k];
    let i = len - 1;
    let j = l.length - 1;
    for (let at = len + l.length - 1; j >= 0; at--) all[at] = i >= 0 && all[i] > l[j] ? all[i--] : l[j--];
    len += l.length;
  }
  return all;
}

const NONE: ArrayLike<number> = new Int32Array(0);

/**
 * Tries the sticky (`y`) regex `re` at each offset of `starts` (ascending), skipping offsets
 * inside the last match: the matches a global search would find, when every match can only start
 * at one of `starts` (e.g. a rule's anchors). `visit` returns false to stop.
 */
export function execAt(
  re: RegExp,
  text: string,
  starts: ArrayLike<number>,
  visit: (m: RegExpExecArray) => boolean | void,
): void {
  let covered = 0;
  for (let i = 0; i < starts.length; i++) {
    if (starts[i] < covered) continue;
    re.lastIndex = starts[i];
    const m = re.exec(text);
    if (m === null) continue;
    covered = m.index + m[0].length;
    if (visit(m) === false) return;
  }
}

/** Characters of real text kept around a window so look-behinds and look-aheads see it. */
const MARGIN = 256;

/**
 * Runs the global regex `re` over `text`, reporting only matches that start inside one of the
 * windows (all matches when `windows` is undefined), in order. Each window is searched on its
 * own slice (plus a margin of real text for look-arounds), so the regex never runs over the
 * text between windows; match offsets (`index`, `indices`) are those of the whole text.
 * Windows must be wide enough to hold their whole matches. `visit` returns false to stop.
 */
export function execInWindows(
  re: RegExp,
  text: string,
  windows: readonly (readonly [number, number])[] | undefined,
  visit: (m: RegExpExecArray) => boolean | void,
): void {
  if (windows === undefined) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      if (visit(m) === false) return;
    }
    return;
  }
  for (const [start, end] of windows) {
    const from = Math.max(0, start - MARGIN);
    const sub = text.slice(from, Math.min(text.length, end + MARGIN));
    re.lastIndex = start - from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sub)) !== null && m.index < end - from) {
      if (m[0].length === 0) re.lastIndex++;
      if (visit(shift(m, from, text)) === false) return;
    }
  }
}

/** A match on a slice as a match on the whole text. */
function shift(m: RegExpExecArray, by: number, text: string): RegExpExecArray {
  if (by === 0) return m;
  m.index += by;
  m.input = text;
  const indices = m.indices;
  if (indices) {
    const moved = (p: [number, number] | undefined): [number, number] | undefined => (p ? [p[0] + by, p[1] + by] : p);
    for (let i = 0; i < indices.length; i++) indices[i] = moved(indices[i])!;
    if (indices.groups) for (const k of Object.keys(indices.groups)) indices.groups[k] = moved(indices.groups[k])!;
  }
  return m;
}
