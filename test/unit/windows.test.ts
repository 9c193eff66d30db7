import * as assert from 'node:assert/strict';
import { execAt, execInWindows, mergeOffsets, unionWindows, windowsNearAny } from '../../src/engine/windows';

/** Loose patterns run only near their context words; offsets must stay those of the whole text. */
describe('windows around context words', () => {
  const text = `${'x'.repeat(1000)} aws_key = "K1" ${'y'.repeat(2000)} token: "K2" ${'z'.repeat(1000)} aws: "K3"`;

  it('merges overlapping windows and clamps them to the text', () => {
    const w = windowsNearAny(text, [
      { anchor: /aws/g, before: 10, after: 30 },
      { anchor: /token/g, before: 5, after: 20 },
    ]);
    assert.equal(w.length, 3);
    assert.ok(w.every(([s, e]) => s >= 0 && e <= text.length && s < e));
    assert.ok(w[0][1] < w[1][0] && w[1][1] < w[2][0]);
    assert.deepEqual(windowsNearAny('aws', [{ anchor: /aws/g, before: 10, after: 10 }]), [[0, 3]]);
  });

  it('reports matches inside windows only, with whole-text offsets, indices and look-arounds', () => {
    const re = /(?<![\w])"(K\d)"(?!\w)/dg;
    const w = windowsNearAny(text, [{ anchor: /aws/g, before: 0, after: 20 }]);
    const seen: [string, number, number][] = [];
    execInWindows(re, text, w, (m) => {
      seen.push([m[1], m.index, m.indices![1][0]]);
    });
    const at = (v: string): number => text.indexOf(`"${v}"`);
    assert.deepEqual(seen, [
      ['K1', at('K1'), at('K1') + 1],
      ['K3', at('K3'), at('K3') + 1],
    ]);
    const all: string[] = [];
    execInWindows(re, text, undefined, (m) => {
      all.push(m[1]);
    });
    assert.deepEqual(all, ['K1', 'K2', 'K3']);
  });

  it('stops when the visitor says so', () => {
    let n = 0;
    execInWindows(/K\d/g, text, undefined, () => ++n < 2);
    assert.equal(n, 2);
  });

  it('tries a sticky pattern at given offsets as a global search would, skipping inside a match', () => {
    const t = 'eyJa.eyJb x eyJc eyJd';
    const global: string[] = [];
    for (const m of t.matchAll(/eyJ\w(?:\.eyJ\w)?/g)) global.push(`${m.index}:${m[0]}`);
    const stuck: string[] = [];
    // Every occurrence of `eyJ` as a start: the one inside the first match is skipped.
    execAt(/eyJ\w(?:\.eyJ\w)?/y, t, [0, 5, 12, 17], (m) => void stuck.push(`${m.index}:${m[0]}`));
    assert.deepEqual(stuck, global);
    assert.deepEqual(stuck, ['0:eyJa.eyJb', '12:eyJc', '17:eyJd']);
    const first: string[] = [];
    execAt(/eyJ\w/y, t, [0, 12, 17], (m) => (first.push(m[0]), false));
    assert.deepEqual(first, ['eyJa'], 'stops when the visitor says so');
  });

  it('merges several anchor lists into one ascending list', () => {
    assert.deepEqual(Array.from(mergeOffsets([[3, 40], [1, 5, 41], []])), [1, 3, 5, 40, 41]);
    assert.deepEqual(unionWindows([[[0, 5], [20, 30]], [[4, 10]]]), [[0, 10], [20, 30]]);
  });
});
