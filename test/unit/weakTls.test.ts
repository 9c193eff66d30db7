import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, applyEdits, scanText, type Finding } from '../../src/engine';

/**
 * The weak-tls family on realistic multi-line files: exact findings (line + rule) per fixture,
 * silence on decoys, and "fix all in file" results compared as text with golden files.
 */
const ROOT = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'weak-tls');
const TODAY = '2026-01-01';

function fixtureFiles(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixed' ? [] : fixtureFiles(full);
    return e.name === 'expected.json' ? [] : [path.relative(ROOT, full).split(path.sep).join('/')];
  });
}

function weakTlsFindings(rel: string): { text: string; findings: Finding[] } {
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  return { text, findings: scanText(text, rel, { today: TODAY }).filter((f) => f.family === 'weak-tls') };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Applies every fix marked safe for "fix all" (one per finding), as the editor would. */
function fixAll(text: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => f.fixes.find((x) => x.fixAll)?.edits ?? []);
  return applyEdits(text, edits);
}

describe('weak-tls fixtures', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'expected.json'), 'utf8')) as Record<string, string[]>;

  it('has an expectation for every fixture file', () => {
    assert.deepEqual(fixtureFiles().sort(), Object.keys(expected).sort());
  });

  for (const [rel, lines] of Object.entries(expected)) {
    it(`${rel}: ${lines.length === 0 ? 'no findings (decoy)' : `${lines.length} findings`}`, () => {
      const { text, findings } = weakTlsFindings(rel);
      const got = findings.map((f) => `${lineOf(text, f.start)} ${f.ruleId}`);
      assert.deepEqual(got, lines);
      for (const f of findings) {
        assert.ok(f.message.length > 20, `message of ${f.ruleId}`);
        assert.ok(!/^\s/.test(f.display), `display of ${f.ruleId} starts with white space`);
      }
    });
  }

  const fixedDir = path.join(ROOT, 'fixed');
  for (const source of fixtureFiles(fixedDir).map((p) => p.replace(/^fixed\//, ''))) {
    it(`fix all in ${source} gives fixed/${source}`, () => {
      const { text, findings } = weakTlsFindings(source);
      const want = fs.readFileSync(path.join(fixedDir, source), 'utf8');
      const after = fixAll(text, findings);
      assert.equal(after, want);
      // The fixed text must not raise the findings that were fixed again.
      const again = scanText(after, source, { today: TODAY }).filter((f) => f.family === 'weak-tls');
      const fixedRules = new Set(findings.filter((f) => f.fixes.some((x) => x.fixAll)).map((f) => `${lineOf(text, f.start)} ${f.ruleId}`));
      for (const f of again) assert.ok(!fixedRules.has(`${lineOf(after, f.start)} ${f.ruleId}`), `${f.ruleId} still flagged`);
    });
  }
});

describe('weak-tls severities and metadata', () => {
  const family = ALL_RULES.filter((r) => r.family === 'weak-tls');

  it('has rules for every language and config named in the design', () => {
    const covered = new Set(family.flatMap((r) => (r.languages === 'all' ? [] : r.languages)));
    for (const lang of ['javascript', 'typescript', 'python', 'go', 'java', 'csharp', 'ruby', 'php', 'nginx', 'apache', 'haproxy', 'terraform', 'yaml', 'properties', 'dotenv', 'shell', 'dockerfile'] as const) {
      assert.ok(covered.has(lang), lang);
    }
  });

  it('reports disabled verification as error and old protocols or ciphers as warning', () => {
    for (const r of family) {
      const verification = /verify|verification|unverified|trust|hostname|identity|reject-unauthorized|insecure|validation/.test(r.id);
      assert.equal(r.severity, verification ? 'error' : 'warning', r.id);
    }
  });

  it('never flags Markdown prose or fenced examples', () => {
    const md = '# TLS\n\nDo not use `rejectUnauthorized: false`.\n\n```bash\ncurl -k https://acme.io\nexport NODE_TLS_REJECT_UNAUTHORIZED=0\n```\n';
    assert.deepEqual(scanText(md, 'docs/tls.md', { today: TODAY }).filter((f) => f.family === 'weak-tls'), []);
  });

  it('stops at a bounded number of findings per rule on generated input', () => {
    const text = "const a = { rejectUnauthorized: false };\n".repeat(5000);
    const found = scanText(text, 'gen.js', { today: TODAY }).filter((f) => f.ruleId === 'weak-tls/node-reject-unauthorized');
    assert.ok(found.length > 0 && found.length <= 100, String(found.length));
  });
});
