import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';

const TOKEN = 'ghp_' + 'FakeReadinessToken0000aaaaBBBBccccDDDD';

async function cli(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env, isTTY: false };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Ada Founder', '-c', 'user.email=ada@example.com', ...args], { cwd, stdio: 'ignore' });
}

describe('CLI: history, checklist, report', () => {
  let root: string;
  let cache: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-cli-ready-'));
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-cli-cache-'));
    git(root, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(root, 'client.js'), `const token = "${TOKEN}";\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'add client');
    fs.writeFileSync(path.join(root, 'client.js'), 'const token = process.env.GITHUB_TOKEN;\n');
    fs.writeFileSync(path.join(root, 'package.json'), '{"dependencies":{"morgan":"^1.10.0"}}\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'read token from env');
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('history reports the removed secret with its commit, masked, exit 1; SARIF carries commit properties', async () => {
    const env = { XDG_CACHE_HOME: cache };
    const text = await cli(['history', root], root, env);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /client\.js:1 .*secrets\/github-token .*ghp_\*\*\*\*/);
    assert.match(text.stdout, /introduced in [0-9a-f]{12} by Ada Founder .*"add client"/);
    assert.match(text.stdout, /only in history/);
    assert.match(text.stdout, /git filter-repo/);
    const sarif = await cli(['history', root, '--format', 'sarif'], root, env);
    const result = JSON.parse(sarif.stdout).runs[0].results[0];
    assert.equal(result.ruleId, 'secrets/github-token');
    assert.equal(result.properties.inHead, false);
    assert.equal(result.properties.author, 'Ada Founder');
    assert.match(result.properties.commit, /^[0-9a-f]{40}$/);
    for (const out of [text.stdout, sarif.stdout]) assert.ok(!out.includes(TOKEN));
  });

  it('scan --history adds history-only secrets to the SARIF with commit, author, date and inHead', async () => {
    const r = await cli(['scan', root, '--history', '--format', 'sarif'], root, { XDG_CACHE_HOME: cache });
    assert.equal(r.code, 1, 'an unrotated committed secret fails the run');
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; properties: Record<string, unknown> }[];
    const hist = results.filter((x) => x.properties.commit !== undefined);
    assert.equal(hist.length, 1);
    assert.equal(hist[0].properties.inHead, false);
    assert.match(String(hist[0].properties.date), /^\d{4}-\d{2}-\d{2}T/);
    assert.ok(!r.stdout.includes(TOKEN));
  });

  it('history in a folder that is not a git repository says so and exits 2', async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-plain-'));
    const r = await cli(['history', plain], plain, { XDG_CACHE_HOME: cache });
    fs.rmSync(plain, { recursive: true, force: true });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a git repository/);
  });

  it('checklist decides items from evidence and attestations; --history fails the history item', async () => {
    fs.mkdirSync(path.join(root, '.auditready'));
    fs.writeFileSync(
      path.join(root, '.auditready', 'checklist.json'),
      JSON.stringify({ version: 1, items: { 'foundation.mfa-production': { status: 'attested', by: 'Ada Founder', at: '2026-12-01', note: 'enforced in Google Workspace' } }, rotated: {} }),
    );
    const r = await cli(['checklist', root, '--format', 'json', '--history'], root, { XDG_CACHE_HOME: cache });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { score: number; items: { id: string; status: string; evidence: string }[] };
    const item = (id: string) => json.items.find((i) => i.id === id)!;
    assert.equal(item('foundation.no-hardcoded-credentials').status, 'passing');
    assert.equal(item('foundation.no-credentials-in-history').status, 'failing');
    assert.equal(item('foundation.mfa-production').status, 'attested');
    assert.equal(item('visibility.request-logging').status, 'passing');
    assert.match(item('visibility.request-logging').evidence, /morgan/);
    assert.ok(json.score > 0 && json.score < 100);
  });

  it('report writes a dated evidence folder and never overwrites an earlier one', async () => {
    const out = path.join(root, 'evidence');
    const first = await cli(['report', root, '--output', out], root, { XDG_CACHE_HOME: cache });
    const second = await cli(['report', root, '--output', out], root, { XDG_CACHE_HOME: cache });
    assert.equal(first.code, 0, first.stderr);
    const folders = fs.readdirSync(out).sort();
    assert.equal(folders.length, 2);
    assert.match(folders[0], /^audit-ready-evidence-\d{4}-\d{2}-\d{2}$/);
    assert.notEqual(first.stdout, second.stdout);
    const files = fs.readdirSync(path.join(out, folders[0])).sort();
    assert.deepEqual(files, ['checklist.json', 'findings.sarif', 'questionnaire-answers.md', 'report.md']);
    const md = fs.readFileSync(path.join(out, folders[0], 'report.md'), 'utf8');
    assert.match(md, /Readiness score/);
    assert.match(md, /Phase 1 — Foundation/);
  });
});
