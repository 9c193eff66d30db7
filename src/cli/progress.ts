import type { CliIo } from './io';

/** Scans shorter than this show no progress line at all (no flicker on small folders). */
const SHOW_AFTER_MS = 400;
const EVERY_MS = 100;

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

/** A one-line `scanning 120/4000 files` on stderr, only when stderr is a terminal. */
export function startProgress(io: CliIo, now: () => number = Date.now): Progress {
  const tty = io.stderrIsTTY ?? io.isTTY;
  if (!tty) return { update: () => undefined, done: () => undefined };
  const started = now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (t - started < SHOW_AFTER_MS || t - last < EVERY_MS) return;
      last = t;
      shown = true;
      io.stderr.write(
        `\r\u001b[Kscanning ${done}/${total} files (${Math.floor((done / Math.max(1, total)) * 100)}%)`,
      );
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  };
}
