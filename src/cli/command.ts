import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** What a command receives after its options were parsed. */
export interface CommandContext {
  io: CliIo;
  values: OptionValues;
  positionals: string[];
}

/** One `audit-ready <name>` command; each lives in its own file under `commands/`. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** e.g. `audit-ready scan [PATH | FILE...] [options]`. */
  usage: string;
  /** A paragraph shown under the usage line. */
  description: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** `[flag, explanation]` rows of the help's option table. */
  optionHelp: [string, string][];
  run(ctx: CommandContext): Promise<number>;
}
