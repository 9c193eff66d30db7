import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfig } from '../../src/engine';
import { COMMANDS } from '../../src/cli/commands';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';

const TOKEN = 'ghp_' + 'Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fGz';
const OTHER_TOKEN = 'ghp_' + 'Qw8eR4tY2uI6oP0aS3dF7gH1jK5lZ9xC4vBn';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(
  argv: string[],
  cwd: string,
  env: Record<string, string> = {},
  isTTY = false,
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env,
    isTTY,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('cli: audit-ready', () => {
  const roots: string[] = [];
  const make = (files: Record<string, string>): string => {
    const root = tree(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('has --help on every command, naming its usage and the exit statuses', async () => {
    const main = await cli(['--help'], os.tmpdir());
    assert.equal(main.code, 0);
    for (const cmd of COMMANDS) {
      assert.match(main.stdout, new RegExp(`\\n  ${cmd.name} `));
      const help = await cli([cmd.name, '--help'], os.tmpdir());
      assert.equal(help.code, 0, cmd.name);
      assert.match(help.stdout, new RegExp(`^Usage: audit-ready ${cmd.name}`));
      assert.match(help.stdout, /Exit status:\n {2}0 .*\n {2}1 .*--fail-on\n {2}2 /);
    }
  });

  it('prints the injected version', async () => {
    const out = await cli(['--version'], os.tmpdir());
    assert.equal(out.code, 0);
    assert.match(out.stdout, /^\d+\.\d+\.\d+\S*\n$/);
  });

  it('exits 2 on usage errors, with a pointer to --help', async () => {
    const root = make({ 'a.ts': 'x\n' });
    for (const argv of [
      [],
      ['frobnicate'],
      ['scan', '--format', 'xml'],
      ['scan', '--bogus'],
      ['scan', '--fail-on', 'fatal'],
      ['scan', 'missing-dir'],
    ]) {
      const out = await cli(argv, root);
      assert.equal(out.code, 2, argv.join(' '));
      assert.notEqual(out.stderr, '', argv.join(' '));
    }
    assert.match(
      (await cli(['scan', '--format', 'xml'], root)).stderr,
      /See: audit-ready scan --help/,
    );
  });

  it('exits 0 on a clean folder, 1 on findings at or above --fail-on', async () => {
    const clean = make({ 'a.ts': 'const token = process.env.GITHUB_TOKEN;\n' });
    assert.equal((await cli(['scan'], clean)).code, 0);
    const dirty = make({ 'a.ts': `const token = "${TOKEN}";\n` });
    const found = await cli(['scan', dirty], os.tmpdir());
    assert.equal(found.code, 1);
    assert.match(found.stdout, /a\.ts\n {2}1:16 +error +secrets\/github-token/);
    assert.equal((await cli(['scan', dirty, '--fail-on', 'none'], os.tmpdir())).code, 0);
    fs.writeFileSync(
      path.join(dirty, '.auditready.jsonc'),
      '{ "rules": { "secrets/github-token": "warning" } }',
    );
    assert.equal(
      (await cli(['scan', dirty], os.tmpdir())).code,
      0,
      'a warning is below the default --fail-on error',
    );
    assert.equal((await cli(['scan', dirty, '--fail-on', 'warning'], os.tmpdir())).code, 1);
  });

  it('never prints a secret in full, in any format', async () => {
    const root = make({
      'src/a.ts': `const token = "${TOKEN}";\n`,
      'src/b.py': `T = "${OTHER_TOKEN}"  # audit-ready-ignore secrets/github-token -- test\n`,
    });
    for (const format of ['text', 'json', 'sarif']) {
      const out = await cli(
        ['scan', '--format', format, '--include-suppressed', '--show-skipped'],
        root,
      );
      assert.equal(out.code, 1, format);
      const all = out.stdout + out.stderr;
      assert.ok(all.includes('ghp_'), `${format} shows the masked prefix`);
      for (const secret of [TOKEN, OTHER_TOKEN]) {
        assert.ok(!all.includes(secret), `${format} leaks a token`);
        assert.ok(!all.includes(secret.slice(4, 20)), `${format} leaks part of a token`);
      }
    }
  });

  it('writes reports to --output and says so on stderr', async () => {
    const root = make({ 'a.ts': `const token = "${TOKEN}";\n` });
    const out = await cli(['scan', '--format', 'sarif', '--output', 'out/report.sarif'], root);
    assert.equal(out.code, 1);
    assert.equal(out.stdout, '');
    assert.match(out.stderr, /wrote sarif report to out\/report\.sarif \(1 finding\)/);
    const log = JSON.parse(fs.readFileSync(path.join(root, 'out/report.sarif'), 'utf8'));
    assert.equal(log.runs[0].results[0].ruleId, 'secrets/github-token');
  });

  it('baseline: accepts current findings, then only new ones fail the scan', async () => {
    const root = make({ 'a.ts': `const token = "${TOKEN}";\n` });
    const written = await cli(['baseline'], root);
    assert.equal(written.code, 0);
    assert.match(written.stdout, /Wrote \.auditready\/baseline\.json: 1 finding accepted/);
    const baseline = fs.readFileSync(path.join(root, '.auditready/baseline.json'), 'utf8');
    assert.ok(!baseline.includes(TOKEN));
    assert.equal((await cli(['scan'], root)).code, 0);
    fs.writeFileSync(path.join(root, 'a.ts'), `\n\n// moved down\nconst token = "${TOKEN}";\n`);
    assert.equal(
      (await cli(['scan'], root)).code,
      0,
      'line changes do not revive a baselined finding',
    );
    fs.writeFileSync(path.join(root, 'b.ts'), `const other = "${OTHER_TOKEN}";\n`);
    const next = await cli(['scan', '--format', 'json'], root);
    assert.equal(next.code, 1);
    assert.deepEqual(
      JSON.parse(next.stdout).findings.map((f: { path: string }) => f.path),
      ['b.ts'],
    );
    assert.equal(
      (await cli(['scan', '--no-baseline'], root)).stdout.match(/secrets\/github-token/g)?.length,
      2,
    );
    assert.equal((await cli(['scan', '--baseline', 'nope.json'], root)).code, 2);
  });

  it('shows config problems as file:line:column warnings and still scans', async () => {
    const root = make({
      'a.ts': `const token = "${TOKEN}";\n`,
      '.auditready.jsonc': '{\n  "rules": { "secrets": "of" },\n  "bogus": true\n}\n',
    });
    const out = await cli(['scan'], root);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /\.auditready\.jsonc:2:14: warning: Rule "secrets"/);
    assert.match(out.stderr, /\.auditready\.jsonc:3:3: warning: Unknown setting "bogus"/);
    assert.match(out.stdout, /secrets\/github-token/);
  });

  it('init writes a commented config that parses cleanly, and keeps an existing one', async () => {
    const root = make({});
    const first = await cli(['init'], root);
    assert.equal(first.code, 0);
    const text = fs.readFileSync(path.join(root, '.auditready.jsonc'), 'utf8');
    assert.match(text, /^\/\/ /);
    assert.deepEqual(parseConfig(text).problems, []);
    fs.writeFileSync(path.join(root, '.auditready.jsonc'), '{ "mine": true }');
    const again = await cli(['init'], root);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists \(use --force/);
    assert.equal(fs.readFileSync(path.join(root, '.auditready.jsonc'), 'utf8'), '{ "mine": true }');
    assert.equal((await cli(['init', '--force'], root)).code, 0);
    assert.equal(fs.readFileSync(path.join(root, '.auditready.jsonc'), 'utf8'), text);
  });

  it('rules lists the catalogue by family', async () => {
    const out = await cli(['rules'], os.tmpdir());
    assert.equal(out.code, 0);
    assert.match(out.stdout, /^Hardcoded secrets \(secrets\/, \d+ rules?\)\n/);
    assert.match(out.stdout, /\n {2}secrets\/github-token +error +GitHub token\n/);
    assert.match(out.stdout, /\nPlain HTTP \(insecure-http\/, \d+ rules?\)\n/);
    const json = JSON.parse((await cli(['rules', '--format', 'json'], os.tmpdir())).stdout);
    assert.ok(
      json.some(
        (r: { id: string; helpUri: string }) =>
          r.id === 'secrets/github-token' &&
          r.helpUri.endsWith('docs/rules/secrets/github-token.md'),
      ),
    );
  });

  it('scans only the files given, and only the staged files with --staged', async () => {
    const root = make({
      'a.ts': `const a = "${TOKEN}";\n`,
      'b.ts': `const b = "${OTHER_TOKEN}";\n`,
      'c.ts': 'ok\n',
    });
    const listed = await cli(['scan', 'b.ts', 'c.ts', '--format', 'json'], root);
    assert.deepEqual(
      JSON.parse(listed.stdout).findings.map((f: { path: string }) => f.path),
      ['b.ts'],
    );
    assert.equal(JSON.parse(listed.stdout).summary.filesScanned, 2);
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', 'a.ts', 'c.ts'], { cwd: root });
    const staged = await cli(['scan', '--staged', '--format', 'json'], path.join(root));
    assert.equal(staged.code, 1);
    assert.deepEqual(
      JSON.parse(staged.stdout).findings.map((f: { path: string }) => f.path),
      ['a.ts'],
    );
    assert.equal((await cli(['scan', '--staged'], os.tmpdir())).code, 2, '--staged outside git');
  });

  it('colours text output only on a terminal without NO_COLOR', async () => {
    const root = make({ 'a.ts': `const token = "${TOKEN}";\n` });
    const ESC = '\u001b[';
    assert.ok((await cli(['scan'], root, {}, true)).stdout.includes(ESC));
    assert.ok(!(await cli(['scan'], root, { NO_COLOR: '1' }, true)).stdout.includes(ESC));
    assert.ok(!(await cli(['scan'], root, {}, false)).stdout.includes(ESC));
  });
});
