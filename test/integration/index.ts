/**
 * The extension-tests entry (`extensionTestsPath`) that both hosts call: code-server through the
 * smoke-test-driver payload and `@vscode/test-electron`. It runs the suite files the runner
 * chose (AUDIT_READY_TEST_FILES, a JSON array of paths) or, without that, every compiled
 * `suite/**\/*.test.js` beside it.
 *
 * The host forwards the extension host's console to the runner one call at a time and prints a
 * `%s` template raw, so this file reports through its own reporter that only ever logs finished
 * lines.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Lists the compiled suites under `dir`, sorted so runs are reproducible. */
function findSuites(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return findSuites(full);
      return e.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

interface Failure {
  title: string;
  err: Error;
}

/** A spec-like reporter whose every line is formatted before it reaches the console. */
class LineReporter {
  constructor(runner: Mocha.Runner) {
    const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } =
      Mocha.Runner.constants;
    const failures: Failure[] = [];
    let passed = 0;
    let pending = 0;
    let depth = 0;
    const indent = () => '  '.repeat(depth);
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      depth += 1;
      if (suite.title) console.log(`${indent()}${suite.title}`);
    });
    runner.on('suite end', () => (depth -= 1));
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
      passed += 1;
      console.log(`${indent()}  ✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
      pending += 1;
      console.log(`${indent()}  - ${test.title} (skipped)`);
    });
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Runnable, err: Error) => {
      failures.push({ title: test.fullTitle(), err });
      console.log(`${indent()}  ✘ ${failures.length}) ${test.title}`);
    });
    runner.once(EVENT_RUN_END, () => {
      failures.forEach((f, i) => {
        console.log(`\n  ${i + 1}) ${f.title}\n     ${f.err.stack ?? f.err.message}`);
      });
      const skipped = pending ? `, ${pending} skipped` : '';
      console.log(`\n${passed} passed, ${failures.length} failed${skipped}`);
    });
  }
}

/** Runs the suites; rejects when any test fails, which the host turns into exit code 1. */
export function run(): Promise<void> {
  const chosen = process.env.AUDIT_READY_TEST_FILES;
  const files: string[] = chosen ? JSON.parse(chosen) : findSuites(path.join(__dirname, 'suite'));
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.AUDIT_READY_TEST_TIMEOUT_MS ?? 30_000),
    reporter: LineReporter as unknown as typeof Mocha.reporters.Base,
    grep: process.env.AUDIT_READY_TEST_GREP || undefined,
  });
  for (const file of files) mocha.addFile(file);
  // The runner streams the host's console from this line on (scripts/test-host/session.js).
  console.log(`[audit-ready-tests] running ${files.length} suite file(s)`);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failed) => (failed > 0 ? reject(new Error(`${failed} test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}
