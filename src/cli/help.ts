import type { Command } from './command';
import { EXIT_HELP, VERSION } from './io';

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([a]) => a.length), 0) + 2;
  return rows.map(([a, b]) => `  ${a.padEnd(width)}${b}`).join('\n');
}

/** `audit-ready <command> --help`. */
export function commandHelp(cmd: Command): string {
  const options: [string, string][] = [...cmd.optionHelp, ['-h, --help', 'show this help']];
  return `Usage: ${cmd.usage}\n\n${cmd.description}\n\nOptions:\n${table(options)}\n\n${EXIT_HELP}\n`;
}

/** `audit-ready --help`. */
export function mainHelp(commands: readonly Command[]): string {
  return `audit-ready ${VERSION} — find hardcoded secrets, plain HTTP, weak TLS and credentials in logs.

Usage: audit-ready <command> [options]

Commands:
${table(commands.map((c) => [c.name, c.summary]))}

Options:
${table([
  ['-h, --help', 'show help (also: audit-ready <command> --help)'],
  ['-v, --version', 'print the version'],
])}

${EXIT_HELP}
`;
}
