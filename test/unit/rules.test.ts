import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, applyEdits, FAMILIES, languageOf, scanText, type Rule } from '../../src/engine';

const ROOT = path.join(__dirname, '..', '..', '..');
const DEFAULT_PATH: Record<string, string> = {
  javascript: 'example.js',
  typescript: 'example.ts',
  python: 'example.py',
  go: 'example.go',
  java: 'Example.java',
  csharp: 'Example.cs',
  ruby: 'example.rb',
  php: 'example.php',
  yaml: 'config.yaml',
  shell: 'script.sh',
  nginx: 'nginx.conf',
  dotenv: '.env',
  terraform: 'main.tf',
  dockerfile: 'Dockerfile',
};

function examplePath(rule: Rule, p: string | undefined): string {
  if (p) return p;
  const lang = rule.languages === 'all' ? 'typescript' : rule.languages[0];
  return DEFAULT_PATH[lang] ?? `example.${lang}`;
}

const TODAY = '2026-01-01';

describe('rule catalogue', () => {
  it('has unique kebab-case ids prefixed by their family', () => {
    const ids = new Set<string>();
    for (const rule of ALL_RULES) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, rule.id);
      assert.ok(FAMILIES.includes(rule.family), rule.id);
      assert.equal(rule.id.split('/')[0], rule.family, rule.id);
      assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
      ids.add(rule.id);
    }
  });

  for (const rule of ALL_RULES) {
    describe(rule.id, () => {
      it('has metadata, examples and a docs page', () => {
        assert.ok(rule.title.length > 3 && rule.description.length > 40, 'title and description');
        assert.ok(rule.remediation.length > 10, 'remediation');
        assert.ok(rule.cwe.every((c) => /^CWE-\d+$/.test(c)) && rule.cwe.length > 0, 'cwe');
        assert.ok(rule.bad.length > 0 && rule.good.length > 0, 'good and bad examples');
        assert.ok(rule.keywords.every((k) => k === k.toLowerCase()), 'keywords are lower-case');
        const doc = path.join(ROOT, 'docs', 'rules', `${rule.id}.md`);
        assert.ok(fs.existsSync(doc), `missing ${path.relative(ROOT, doc)}`);
      });

      rule.bad.forEach((ex, i) => {
        it(`flags bad example ${i + 1}`, () => {
          const p = examplePath(rule, ex.path);
          const found = scanText(ex.text, p, { today: TODAY }).filter((f) => f.ruleId === rule.id);
          assert.ok(found.length > 0, `no finding in ${p} (${languageOf(p)}):\n${ex.text}`);
          if (ex.count !== undefined) assert.equal(found.length, ex.count, 'finding count');
          for (const f of found) assert.ok(f.message.length > 0 && f.end > f.start);
          if (ex.fixed !== undefined) {
            const fix = found[0].fixes.find((x) => x.preferred) ?? found[0].fixes[0];
            assert.ok(fix, 'expected a fix');
            assert.equal(applyEdits(ex.text, fix.edits), ex.fixed);
          }
        });
      });

      rule.good.forEach((ex, i) => {
        it(`stays quiet on good example ${i + 1}`, () => {
          const p = examplePath(rule, ex.path);
          const found = scanText(ex.text, p, { today: TODAY }).filter((f) => f.ruleId === rule.id);
          assert.deepEqual(
            found.map((f) => `${f.start}-${f.end} ${f.display}`),
            [],
            `unexpected finding in ${p}:\n${ex.text}`,
          );
        });
      });
    });
  }
});
