/**
 * Block helpers for the server- and cloud-config rules of `insecure-http/`: these rules judge a
 * whole `server { … }` / `resource "…" { … }` block, not a single line.
 */

/**
 * End (exclusive) of the `{…}` block whose `{` is at `open`, ignoring braces in `#` and `//`
 * comments; at most 64 kB, so an unclosed brace cannot make a scan quadratic.
 */
export function blockEnd(text: string, open: number): number {
  let depth = 0;
  const limit = Math.min(text.length, open + 65536);
  for (let i = open; i < limit; i++) {
    const c = text[i];
    const commentStart =
      (c === '#' || (c === '/' && text[i + 1] === '/')) && (i === 0 || /\s/.test(text[i - 1]));
    if (commentStart) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? limit : nl;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return limit;
}

/** Blanks `#` and `//` comments, keeping offsets, so a commented-out directive does not count. */
export function stripComments(block: string): string {
  return block.replace(
    /(^|\s)(?:#|\/\/)[^\n]*/g,
    (c, lead: string) => lead + ' '.repeat(c.length - lead.length),
  );
}

/**
 * Most findings one setting or server rule reports per file: a real file has a handful; a
 * generated or adversarial one with thousands is one problem, not thousands.
 */
export const MAX_MATCHES = 50;
