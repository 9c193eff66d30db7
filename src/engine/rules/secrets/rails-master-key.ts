import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';

/** Rails key files: `config/master.key` and per-environment `config/credentials/<env>.key`. */
const KEY_FILE = /(?:^|\/)config\/(?:master|credentials\/[\w-]{1,40})\.key$/;
const KEY = /^\s{0,4}([0-9a-f]{32})\s*$/;

/**
 * `secrets/rails-master-key`: the key that decrypts `config/credentials.yml.enc`. The encrypted
 * file is meant to be committed; the key never is (Rails adds it to .gitignore).
 */
export default defineRule({
  id: 'secrets/rails-master-key',
  family: 'secrets',
  title: 'Rails master key',
  description:
    'config/master.key decrypts config/credentials.yml.enc: with both in the repository, every credential the application holds (database, payment, mail, cloud keys) is readable by anyone with the code.',
  remediation: 'Remove the key file from the repository (git rm --cached, keep it in .gitignore), provide it as RAILS_MASTER_KEY from a secret store, and rotate the key and the credentials it protected.',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-798', 'CWE-321'],
  keywords: [],
  languages: ['text'],
  detect(ctx) {
    if (!KEY_FILE.test(ctx.path) || ctx.text.length > 200) return [];
    const m = KEY.exec(ctx.text);
    if (!m) return [];
    const start = m.index + m[0].indexOf(m[1]);
    const match: RuleMatch = {
      start,
      end: start + m[1].length,
      value: m[1],
      message: 'Rails master key committed: remove the file, provide RAILS_MASTER_KEY from a secret store, and rotate it and the credentials it decrypts.',
    };
    return [match];
  },
  bad: [{ path: 'config/master.key', text: '8c60e1f4b7a2d9e6f3c5b8a1d4e7f0a3\n' }],
  good: [
    { path: 'config/master.key.example', text: '8c60e1f4b7a2d9e6f3c5b8a1d4e7f0a3\n' },
    { path: 'config/credentials/production.key', text: '<ask ops for the production key>\n' },
  ],
});
