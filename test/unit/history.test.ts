import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanHistory } from '../../src/node/history/historyScan';
import { GitError } from '../../src/node/history/gitProcess';

// Obviously fake, format-valid tokens (the rule needs 36+ mixed characters).
const TOKEN_A = 'ghp_FakeTokenForHistoryTests0000aaaaBBBBcc';
const TOKEN_B = 'ghp_AnotherFakeHistoryToken1111ddddEEEEff';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ada Tester',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada Tester',
      GIT_COMMITTER_EMAIL: 'ada@example.com',
    },
  });
}

function commit(cwd: string, files: Record<string, string | Buffer | null>, message: string, date: string): void {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(cwd, name);
    if (content === null) fs.rmSync(full);
    else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
  }
  git(cwd, 'add', '-A');
  execFileSync('git', ['commit', '-q', '-m', message, '--date', date], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_NAME: 'Ada Tester', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada Tester', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_COMMITTER_DATE: date },
  });
}

describe('git history scan', () => {
  let tmp: string;
  let repo: string;
  let cacheDir: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-history-'));
    repo = path.join(tmp, 'repo');
    cacheDir = path.join(tmp, 'cache');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'main');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds a secret that was committed and later removed, with its origin, masked', async () => {
    commit(repo, { 'src/app.js': 'const x = 1;\n' }, 'init', '2024-01-01T10:00:00Z');
    commit(repo, { 'src/app.js': `const x = 1;\nconst token = "${TOKEN_A}";\n` }, 'add github client', '2024-01-02T10:00:00Z');
    commit(repo, { 'src/app.js': 'const x = 1;\nconst token = process.env.GITHUB_TOKEN;\n' }, 'use env', '2024-01-03T10:00:00Z');
    const result = await scanHistory(repo, { cacheDir });
    assert.equal(result.commitsScanned, 3);
    assert.equal(result.findings.length, 1);
    const f = result.findings[0];
    assert.equal(f.ruleId, 'secrets/github-token');
    assert.equal(f.introduced.subject, 'add github client');
    assert.equal(f.introduced.author, 'Ada Tester');
    assert.equal(f.introduced.path, 'src/app.js');
    assert.equal(f.introduced.line, 1);
    assert.equal(f.inHead, false);
    assert.deepEqual(f.refs, ['main']);
    assert.ok(!JSON.stringify(result).includes(TOKEN_A), 'value must be masked everywhere');
  });

  it('reports each distinct secret once, from the commit that introduced it, and knows it is still at HEAD', async () => {
    commit(repo, { 'a.py': `TOKEN = "${TOKEN_B}"\n` }, 'first', '2024-02-01T10:00:00Z');
    commit(repo, { 'b.py': `OTHER = "${TOKEN_B}"\n` }, 'copy it', '2024-02-02T10:00:00Z');
    const result = await scanHistory(repo, { cacheDir });
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0].introduced.subject, 'first');
    assert.equal(result.findings[0].occurrences, 2);
    assert.equal(result.findings[0].inHead, true);
  });

  it('scans only new commits on the next run (cache in the user cache folder)', async () => {
    commit(repo, { 'a.js': 'let a = 1;\n' }, 'one', '2024-03-01T10:00:00Z');
    const first = await scanHistory(repo, { cacheDir });
    assert.equal(first.commitsRead, 1);
    commit(repo, { 'b.js': `const t = "${TOKEN_A}";\n` }, 'two', '2024-03-02T10:00:00Z');
    const second = await scanHistory(repo, { cacheDir });
    assert.equal(second.commitsRead, 1);
    assert.equal(second.commitsScanned, 2);
    assert.equal(second.findings.length, 1);
    const third = await scanHistory(repo, { cacheDir });
    assert.equal(third.commitsRead, 0);
    assert.equal(third.findings.length, 1);
    assert.ok(!fs.readdirSync(repo).includes('.cache'), 'nothing written into the repository');
  });

  it('survives binary and non-UTF-8 content, renames and merges (each change scanned once)', async () => {
    commit(repo, { 'img.bin': Buffer.from([0, 1, 2, 255, 0, 10]), 'latin1.txt': Buffer.from('caf\xe9 = 1\n', 'latin1') }, 'binary', '2024-04-01T10:00:00Z');
    git(repo, 'checkout', '-q', '-b', 'feature');
    commit(repo, { 'f.js': `const k = "${TOKEN_A}";\n` }, 'feature secret', '2024-04-02T10:00:00Z');
    git(repo, 'checkout', '-q', 'main');
    commit(repo, { 'm.js': 'let m = 1;\n' }, 'main work', '2024-04-03T10:00:00Z');
    git(repo, 'merge', '-q', '--no-edit', 'feature');
    git(repo, 'mv', 'f.js', 'g.js');
    commit(repo, {}, 'rename', '2024-04-04T10:00:00Z');
    const result = await scanHistory(repo, { cacheDir });
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0].occurrences, 1);
    assert.deepEqual([...(result.findings[0].refs ?? [])].sort(), ['feature', 'main']);
  });

  it('says clearly when there is no history: empty repository, not a repository', async () => {
    const empty = await scanHistory(repo, { cacheDir });
    assert.equal(empty.findings.length, 0);
    assert.match(empty.notes.join('\n'), /no commits yet/);
    const plain = path.join(tmp, 'plain');
    fs.mkdirSync(plain);
    await assert.rejects(scanHistory(plain, { cacheDir }), (e: unknown) => e instanceof GitError && e.kind === 'not-a-repo' && /not a git repository/.test(e.message));
  });

  it('notes a shallow clone as partial history', async () => {
    commit(repo, { 'a.js': 'let a = 1;\n' }, 'one', '2024-05-01T10:00:00Z');
    commit(repo, { 'a.js': 'let a = 2;\n' }, 'two', '2024-05-02T10:00:00Z');
    const clone = path.join(tmp, 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const result = await scanHistory(clone, { cacheDir });
    assert.equal(result.shallow, true);
    assert.match(result.notes.join('\n'), /shallow clone/);
  });

  it('skips the rest of an oversized commit and says so', async () => {
    const big = `${'x'.repeat(100)}\n`.repeat(2000) + `const t = "${TOKEN_A}";\n`;
    commit(repo, { 'big.js': big }, 'huge vendored blob', '2024-06-01T10:00:00Z');
    const result = await scanHistory(repo, { cacheDir: false, maxCommitBytes: 50_000 });
    assert.equal(result.findings.length, 0);
    assert.match(result.notes.join('\n'), /huge vendored blob/);
  });
});
