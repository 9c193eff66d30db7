/** What a CLI run may touch: injected so `run()` is testable without a process. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress line); defaults to `isTTY`. */
  stderrIsTTY?: boolean;
}

/** Exit statuses, as documented in every `--help`. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

export const EXIT_HELP = `Exit status:
  0  no findings at or above --fail-on (or the command succeeded)
  1  findings at or above --fail-on
  2  usage error or fatal error (bad option, unreadable PATH, unwritable output)`;

/** A mistake in the command line: printed with a pointer to --help, exit status 2. */
export class UsageError extends Error {}

/** A failure that stops the command (exit status 2), printed without a stack. */
export class FatalError extends Error {}

/** The tool version, injected by esbuild at build time. */
export const VERSION: string =
  typeof __AUDIT_READY_VERSION__ === 'string' ? __AUDIT_READY_VERSION__ : '0.0.0-dev';

/** ANSI styling, a no-op when colours are off. */
export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const identity = (s: string): string => s;

/** Colours only on a terminal, never with NO_COLOR (https://no-color.org) or TERM=dumb. */
export function useColor(io: CliIo): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTTY && io.env.TERM !== 'dumb';
}

export function style(color: boolean): Style {
  if (!color)
    return {
      red: identity,
      yellow: identity,
      blue: identity,
      green: identity,
      dim: identity,
      bold: identity,
    };
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}
