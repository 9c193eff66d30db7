import * as assert from 'node:assert/strict';
import { evaluate, repoRoot, type AccuracyReport } from '../../bench/accuracyEval';

/**
 * The accuracy floors of issue 2 on the labelled corpus (test/fixtures/accuracy/): precision
 * and recall of at least 0.90 in every family. `npm run accuracy` prints the misses.
 */
const FLOOR = 0.9;

describe('accuracy on the labelled corpus', function () {
  this.timeout(60_000);
  let report: AccuracyReport;
  before(() => {
    report = evaluate(repoRoot(__dirname));
  });

  it('has labels that still match their lines, and enough of them', () => {
    assert.deepEqual(report.drift, []);
    assert.ok(report.positives >= 150, `only ${report.positives} positives`);
    assert.ok(report.decoys >= 150, `only ${report.decoys} decoys`);
  });

  for (const family of ['secrets', 'insecure-http', 'weak-tls', 'body-logging'] as const) {
    it(`${family}: precision and recall >= ${FLOOR}`, () => {
      const s = report.scores.find((x) => x.family === family);
      assert.ok(s, family);
      const misses = [...report.falsePositives, ...report.falseNegatives]
        .filter((m) => m.family === family)
        .map((m) => `${m.file}:${m.line} ${m.rule ?? '(missed)'} ${m.shown}`);
      const detail = `TP ${s.tp} FP ${s.fp} FN ${s.fn}; run \`npm run accuracy -- --family ${family}\`\n  ${misses.slice(0, 20).join('\n  ')}`;
      assert.ok(s.precision >= FLOOR, `precision ${s.precision.toFixed(3)} < ${FLOOR}: ${detail}`);
      assert.ok(s.recall >= FLOOR, `recall ${s.recall.toFixed(3)} < ${FLOOR}: ${detail}`);
    });
  }
});
