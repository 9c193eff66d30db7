import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../../src/node/atomicWrite';
import { loadBaseline } from '../../src/node/config';
import { appendEnvEntry, ensureGitignored } from '../../src/node/dotenv';

describe('node: atomic writes, .env and .gitignore helpers, baseline loading', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-files-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes atomically, creating folders, keeping the mode, leaving no temp file', async () => {
    const file = path.join(dir, 'a', 'b', 'out.txt');
    await writeFileAtomic(file, 'one');
    fs.chmodSync(file, 0o600);
    await writeFileAtomic(file, 'two');
    assert.equal(fs.readFileSync(file, 'utf8'), 'two');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['out.txt']);
  });

  it('appends to .env without ever overwriting a key', async () => {
    const env = path.join(dir, '.env');
    assert.deepEqual(await appendEnvEntry(env, 'API_KEY', 'first'), {
      name: 'API_KEY',
      created: true,
    });
    assert.deepEqual(await appendEnvEntry(env, 'API_KEY', 'first'), {
      name: 'API_KEY',
      created: false,
    });
    assert.deepEqual(await appendEnvEntry(env, 'API_KEY', 'second value'), {
      name: 'API_KEY_2',
      created: false,
    });
    fs.appendFileSync(env, 'NO_NEWLINE=x');
    await appendEnvEntry(env, 'OTHER', 'y');
    assert.equal(
      fs.readFileSync(env, 'utf8'),
      'API_KEY=first\nAPI_KEY_2="second value"\nNO_NEWLINE=x\nOTHER=y\n',
    );
  });

  it('adds .env to .gitignore only when it is not ignored yet', async () => {
    assert.equal(await ensureGitignored(dir, '.env'), true);
    assert.equal(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), '.env\n');
    assert.equal(await ensureGitignored(dir, '.env'), false);
    fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n.env*');
    assert.equal(await ensureGitignored(dir, '.env'), false);
    fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules');
    assert.equal(await ensureGitignored(dir, '.env'), true);
    assert.equal(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), 'node_modules\n.env\n');
  });

  it('loads a baseline: missing default is empty, broken or missing explicit file is an error', async () => {
    assert.deepEqual(await loadBaseline(dir), { fingerprints: new Set() });
    assert.match((await loadBaseline(dir, 'nope.json')).error ?? '', /ENOENT/);
    fs.mkdirSync(path.join(dir, '.auditready'));
    fs.writeFileSync(path.join(dir, '.auditready/baseline.json'), '{ broken');
    const broken = await loadBaseline(dir);
    assert.equal(broken.fingerprints.size, 0);
    assert.match(broken.error ?? '', /not valid JSON/);
    fs.writeFileSync(
      path.join(dir, '.auditready/baseline.json'),
      JSON.stringify({
        version: 1,
        created: '2026-01-01',
        findings: [{ fingerprint: 'abc', ruleId: 'x/y', path: 'a' }],
      }),
    );
    assert.deepEqual([...(await loadBaseline(dir)).fingerprints], ['abc']);
  });
});
