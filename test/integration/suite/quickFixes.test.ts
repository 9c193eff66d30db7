// @workspace integration-workspace
/**
 * Quick fixes in the real host: each family's fix edits the text as expected, secrets move to
 * .env, and the per-finding actions (suppress, ignore host, baseline, git-ignore) work.
 * Every test plants its own file, so the order of tests does not matter.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activeExtension,
  waitFor,
  waitForCodeActions,
  waitForDiagnostics,
  workspaceFile,
  writeWorkspaceFile,
} from '../util';

const LONG = { timeout: 30_000 };
// Fake, format-valid tokens (not real credentials).
const TOKEN_A = 'ghp_Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fGz';
const TOKEN_B = 'ghp_Wd5r1NcY8kP3vM6tQ9zB2xL4hJ7gF0sA1eRu';

const codeOf = (d: vscode.Diagnostic): string =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code);

async function readFile(rel: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(rel)));
  } catch {
    return undefined;
  }
}

/** Plants a file, opens it, and returns its diagnostic of `ruleId` with the actions offered there. */
async function actionsFor(rel: string, text: string, ruleId: string, want: RegExp) {
  const uri = await writeWorkspaceFile(rel, text);
  const editor = await vscode.window.showTextDocument(uri);
  const [d] = await waitForDiagnostics(uri, (ds) => ds.some((x) => codeOf(x) === ruleId), LONG);
  const actions = await waitForCodeActions(
    uri,
    d.range,
    (as) => as.some((a) => want.test(a.title)),
    LONG,
  );
  return { uri, editor, d, action: actions.find((a) => want.test(a.title)) as vscode.CodeAction };
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'edit applied');
  if (action.command)
    await vscode.commands.executeCommand(
      action.command.command,
      ...(action.command.arguments ?? []),
    );
}

async function textBecomes(editor: vscode.TextEditor, expected: string): Promise<void> {
  await waitFor(() => editor.document.getText() === expected, {
    ...LONG,
    message: `text to become ${JSON.stringify(expected)}`,
  });
}

describe('quick fixes', () => {
  before(async () => {
    await activeExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('secrets: moves the token to .env, reads it from the environment, git-ignores .env', async () => {
    const text = `const octokit = new Octokit({ auth: "${TOKEN_A}" });\n`;
    const { editor, action } = await actionsFor(
      'src/qf-github.js',
      text,
      'secrets/github-token',
      /Move the secret to \.env/,
    );
    assert.equal(action.isPreferred, true);
    await apply(action);
    await textBecomes(editor, 'const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });\n');
    assert.match((await readFile('.env')) ?? '', new RegExp(`^GITHUB_TOKEN=${TOKEN_A}$`, 'm'));
    assert.match((await readFile('.gitignore')) ?? '', /^\.env$/m);
  });

  it('secrets: picks a new name when .env already holds the name with another value', async () => {
    await writeWorkspaceFile('.env', `GITHUB_TOKEN=${TOKEN_A}\n`);
    const text = `const client = new Octokit({ auth: "${TOKEN_B}" });\n`;
    const { editor, action } = await actionsFor(
      'src/qf-github2.js',
      text,
      'secrets/github-token',
      /Move the secret/,
    );
    await apply(action);
    await textBecomes(
      editor,
      'const client = new Octokit({ auth: process.env.GITHUB_TOKEN_2 });\n',
    );
    const env = (await readFile('.env')) ?? '';
    assert.match(env, new RegExp(`^GITHUB_TOKEN=${TOKEN_A}$`, 'm'), 'existing key kept');
    assert.match(env, new RegExp(`^GITHUB_TOKEN_2=${TOKEN_B}$`, 'm'));
  });

  it('insecure-http: rewrites http:// to https://', async () => {
    const text = 'const BASE_URL = "http://api.acme-payments.com/v1";\n';
    const { editor, action } = await actionsFor(
      'src/qf-http.js',
      text,
      'insecure-http/http-url',
      /Use https/,
    );
    await apply(action);
    await textBecomes(editor, 'const BASE_URL = "https://api.acme-payments.com/v1";\n');
  });

  it('weak-tls: turns certificate verification back on', async () => {
    const text =
      'const https = require("node:https");\nconst agent = new https.Agent({ rejectUnauthorized: false });\n';
    const { editor, action } = await actionsFor(
      'src/qf-tls.js',
      text,
      'weak-tls/node-reject-unauthorized',
      /verification back on/,
    );
    await apply(action);
    await textBecomes(
      editor,
      text.replace('rejectUnauthorized: false', 'rejectUnauthorized: true'),
    );
  });

  it('body-logging: logs request metadata instead of the body', async () => {
    const text =
      'app.post("/orders", (req, res) => {\n  console.log("order received", req.body);\n  res.sendStatus(202);\n});\n';
    const { editor, action } = await actionsFor(
      'src/qf-log.js',
      text,
      'body-logging/js-request-logged',
      /metadata/,
    );
    await apply(action);
    await textBecomes(editor, text.replace('req.body', '{ method: req.method, path: req.path }'));
  });

  it('fix all: source.fixAll.auditReady applies every safe fix of the file in one edit', async () => {
    const text =
      'const A = "http://api.acme-payments.com/v1";\nconst agent = new https.Agent({ rejectUnauthorized: false });\n';
    const uri = await writeWorkspaceFile('src/qf-all.js', text);
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, (ds) => ds.length >= 2, LONG);
    const action = await waitFor(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(0, 0, 0, 0),
        'source.fixAll.auditReady',
      );
      return all.find((a) => a.kind?.value === 'source.fixAll.auditReady');
    }, LONG);
    await apply(action);
    await textBecomes(editor, text.replace('http://', 'https://').replace('false', 'true'));
    await waitForDiagnostics(uri, (ds) => ds.length === 0, LONG);
  });

  it('suppress with a reason: inserts a dated comment above the line and hides the finding', async () => {
    const text =
      'function client() {\n  return new https.Agent({ rejectUnauthorized: false });\n}\n';
    const { uri, editor, action } = await actionsFor(
      'src/qf-suppress.js',
      text,
      'weak-tls/node-reject-unauthorized',
      /Suppress/,
    );
    const args = [...(action.command?.arguments ?? []), 'self-signed test server'];
    await vscode.commands.executeCommand(action.command?.command ?? '', ...args);
    await waitFor(() => editor.document.getText().includes('audit-ready-ignore-next-line'), LONG);
    assert.match(
      editor.document.lineAt(1).text,
      /^ {2}\/\/ audit-ready-ignore-next-line weak-tls\/node-reject-unauthorized -- self-signed test server \(\d{4}-\d{2}-\d{2}\)$/,
    );
    await waitForDiagnostics(uri, (ds) => ds.length === 0, LONG);
  });

  it('ignore host: adds it to allow.hosts in .auditready.jsonc and the finding goes away', async () => {
    const text = 'const METRICS = "http://metrics.corp-internal.net/push";\n';
    const { uri, action } = await actionsFor(
      'src/qf-host.js',
      text,
      'insecure-http/http-url',
      /Ignore http:\/\/metrics/,
    );
    await apply(action);
    assert.match((await readFile('.auditready.jsonc')) ?? '', /"metrics\.corp-internal\.net"/);
    await waitForDiagnostics(uri, (ds) => ds.length === 0, LONG);
  });

  it('add to baseline: writes the fingerprint to .auditready/baseline.json and hides the finding', async () => {
    const text = 'const LEGACY = "http://legacy.acme-payments.com/soap";\n';
    const { uri, action } = await actionsFor(
      'src/qf-baseline.js',
      text,
      'insecure-http/http-url',
      /baseline/,
    );
    await apply(action);
    const baseline = JSON.parse((await readFile('.auditready/baseline.json')) ?? '{}');
    assert.deepEqual(
      baseline.findings.map((f: { path: string }) => f.path),
      ['src/qf-baseline.js'],
    );
    await waitForDiagnostics(uri, (ds) => ds.length === 0, LONG);
  });

  it('a committed env file: offers to git-ignore it instead of an env lookup', async () => {
    const text = `GITHUB_TOKEN=${TOKEN_B}\n`;
    const { action } = await actionsFor(
      'config/.env.production',
      text,
      'secrets/github-token',
      /\.gitignore and untrack/,
    );
    await apply(action);
    await waitFor(
      async () => /^config\/\.env\.production$/m.test((await readFile('.gitignore')) ?? ''),
      LONG,
    );
  });
});
