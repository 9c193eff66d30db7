import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { ruleById } from '../../src/engine';
import { FINGERPRINT_KEY } from '../../src/engine/report';
import { relativeUri } from '../../src/engine/report/sarif';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';

/**
 * Golden files: a tiny fixture tree (one rule enabled by its .auditready.jsonc) → the exact
 * text, JSON and SARIF reports. Regenerate after an intended change with
 * `UPDATE_GOLDEN=1 npx mocha out/test/unit/sarifGolden.test.js` and review the diff.
 */
const REPO = path.resolve(__dirname, '../../..');
const FIXTURE = 'test/fixtures/workspace-golden';
const GOLDEN = path.join(REPO, 'test/fixtures/golden');

async function scan(format: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => undefined },
    cwd: REPO,
    env: {},
    isTTY: false,
  };
  const code = await run(
    [
      'scan',
      FIXTURE,
      '--format',
      format,
      '--include-suppressed',
      '--show-skipped',
      '--workers',
      '0',
    ],
    io,
  );
  return { code, stdout };
}

/** Replaces what legitimately varies between runs and machines: version, time, absolute root. */
function normalise(format: string, out: string): string {
  if (format === 'text') return out.replace(/ · \d+\.\d s\n$/, ' · X s\n');
  const doc = JSON.parse(out);
  if (format === 'json') {
    doc.tool.version = '0.0.0-test';
    doc.summary.durationMs = 0;
  } else {
    const run = (doc as Sarif.Log).runs[0];
    run.tool.driver.version = '0.0.0-test';
    run.tool.driver.semanticVersion = '0.0.0-test';
    run.originalUriBaseIds = { '%SRCROOT%': { uri: 'file:///SRCROOT/' } };
    // Descriptions are owned by the rules: check they come from the metadata, then pin them.
    for (const rule of run.tool.driver.rules ?? []) {
      const meta = ruleById(rule.id);
      assert.equal(rule.fullDescription?.text, meta?.description);
      assert.equal(rule.help?.text, meta?.remediation);
      rule.fullDescription = { text: '<rule description>' };
      rule.help = { text: '<rule remediation>', markdown: '<rule remediation>' };
    }
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

describe('cli: golden reports (text, JSON, SARIF)', () => {
  for (const [format, file] of [
    ['text', 'scan.txt'],
    ['json', 'scan.json'],
    ['sarif', 'scan.sarif'],
  ]) {
    it(`matches ${file}`, async () => {
      const { code, stdout } = await scan(format);
      assert.equal(code, 1);
      const actual = normalise(format, stdout);
      const golden = path.join(GOLDEN, file);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, actual);
      assert.equal(actual, fs.readFileSync(golden, 'utf8'));
    });
  }

  it('SARIF: 2.1.0, rules with docs links and CWE tags, 1-based regions relative to PATH', async () => {
    const log = JSON.parse((await scan('sarif')).stdout) as Sarif.Log;
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.match(run.tool.driver.version ?? '', /^\d+\.\d+\.\d+/);
    const rule = run.tool.driver.rules?.find((r) => r.id === 'secrets/github-token');
    assert.ok(rule?.helpUri?.endsWith('/docs/rules/secrets/github-token.md'));
    assert.equal(rule?.defaultConfiguration?.level, 'error');
    assert.ok(rule?.properties?.tags?.includes('external/cwe/cwe-798'));
    assert.ok(rule?.properties?.tags?.includes('secrets'));
    const [open, suppressed] = run.results ?? [];
    const loc = open.locations?.[0].physicalLocation;
    assert.equal(loc?.artifactLocation?.uri, 'src/client.ts');
    assert.equal(loc?.artifactLocation?.uriBaseId, '%SRCROOT%');
    assert.deepEqual(loc?.region, { startLine: 4, startColumn: 38, endLine: 4, endColumn: 78 });
    assert.match(open.partialFingerprints?.[FINGERPRINT_KEY] ?? '', /^[0-9a-f]{16,}$/);
    assert.equal(open.suppressions, undefined);
    assert.deepEqual(suppressed.suppressions, [
      { kind: 'inSource', status: 'accepted', justification: 'golden test fixture' },
    ]);
  });
});

describe('sarif: artifact URIs', () => {
  it('escapes characters that would end or change a relative URI', () => {
    assert.equal(relativeUri('src/a b/#1?.ts'), 'src/a%20b/%231%3F.ts');
    assert.equal(relativeUri('docs/café.md'), 'docs/caf%C3%A9.md');
  });
});
