/**
 * The `audit-ready` bin: the only place that touches `process` directly. Everything else is
 * `run(argv, io)`, which returns the exit status.
 */
import { run } from './run';

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`audit-ready: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
