import { parseArgs } from 'node:util';
import { COMMANDS } from './commands';
import { commandHelp, mainHelp } from './help';
import { EXIT, FatalError, UsageError, VERSION, type CliIo } from './io';

/**
 * The whole CLI as a function: parses `argv` (without `node` and the script), runs the
 * command and returns its exit status. Never calls `process.exit`; the bin shim does.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const target = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    // No command at all is a usage error: help goes to stderr, like any other usage error.
    (first === undefined ? io.stderr : io.stdout).write(
      target ? commandHelp(target) : mainHelp(COMMANDS),
    );
    return first === undefined ? EXIT.error : EXIT.clean;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.clean;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.stderr.write(
      `audit-ready: unknown command "${first}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\n`,
    );
    return EXIT.error;
  }
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.stdout.write(commandHelp(command));
      return EXIT.clean;
    }
    return await command.run({ io, values: parsed.values, positionals: parsed.positionals });
  } catch (err) {
    return reportError(err, command.name, io);
  }
}

function reportError(err: unknown, name: string, io: CliIo): number {
  const code = (err as { code?: string }).code;
  if (
    err instanceof UsageError ||
    (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
  ) {
    io.stderr.write(
      `audit-ready ${name}: ${(err as Error).message}\nSee: audit-ready ${name} --help\n`,
    );
  } else if (err instanceof FatalError) {
    io.stderr.write(`audit-ready ${name}: ${err.message}\n`);
  } else {
    io.stderr.write(
      `audit-ready ${name}: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  return EXIT.error;
}
