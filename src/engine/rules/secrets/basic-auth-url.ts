import { envVarFix } from '../../fixes';
import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { judgeUrlCredential, urlCredentials, userinfoUrlRegex } from './urlCredentials';

const URL_RE = userinfoUrlRegex('https?|ftps?|sftp|ssh|smtps?|imaps?|pop3s?|git\\+https?|wss?|ldaps?|svn\\+https?|webdavs?|socks[45]h?|rtsps?|rtmps?');
/** The longest of those schemes (`git+https`, `svn+https`). */
const MAX_SCHEME = 9;
/** Tokens with their own, more precise rules (GitHub, GitLab, npm, …) and Sentry-style DSNs. */
const OWN_RULE = /^(?:gh[pousr]_|github_pat_|gl[a-z]{2,6}-|xox[a-z]-|npm_|sk_live_|rk_live_|dckr_[po]at_|hf_|ATBB|ATATT3)|^[0-9a-f]{32}$/;

/** Credentials in `scheme://user:password@host` URLs (HTTP, FTP, SMTP, Git, WebSocket, LDAP). */
export default defineRule({
  id: 'secrets/basic-auth-url',
  family: 'secrets',
  title: 'Password in a URL',
  description:
    'A URL of the form https://user:password@host carries its credentials everywhere the URL goes: logs, proxies, browser history, error reports, and the repository.',
  remediation: 'Keep the URL without userinfo and pass the credentials from the environment (or a credential helper).',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-798', 'CWE-522'],
  keywords: ['://'],
  languages: 'all',
  detect(ctx) {
    const out: RuleMatch[] = [];
    for (const c of urlCredentials(ctx, URL_RE, 50, MAX_SCHEME)) {
      if (OWN_RULE.test(c.password)) continue;
      const severity = judgeUrlCredential(c);
      if (!severity) continue;
      out.push({
        start: c.start,
        end: c.end,
        value: c.url,
        severity,
        message: `Password embedded in a ${c.scheme} URL: remove it from the URL, pass it from the environment, and change it.`,
        fixes: envVarFix(ctx, c.start, c.end, c.url, 'SERVICE_URL'),
      });
    }
    return out;
  },
  bad: [
    {
      path: 'src/registry.ts',
      text: "const registryUrl = 'https://deploy:Rg7xQ2pLz9mK@registry.acme.io/v2/';\n",
      fixed: 'const registryUrl = process.env.REGISTRY_URL;\n',
    },
    { path: 'scripts/mirror.sh', text: 'git clone https://ci-bot:Cb8!pQz2xL@git.acme.io/platform/api.git\n' },
    { path: 'config/mail.yml', text: 'smtp_url: smtps://alerts:Ml5kP9xQ2mTz@smtp.mailhost.io:465\n' },
  ],
  good: [
    { path: 'src/registry.ts', text: "const registryUrl = 'https://registry.acme.io/v2/';\n" },
    { path: 'docs/proxy.md', text: 'Set HTTPS_PROXY=http://user:pass@proxy.example.com:3128\n' },
    { path: 'src/git.ts', text: 'const url = `https://x-access-token:${token}@github.com/${repo}.git`;\n' },
    { path: 'src/ws.ts', text: "const socket = new WebSocket('wss://stream.acme.io/feed?token=' + token);\n" },
  ],
});
