import * as assert from 'node:assert/strict';
import { KeywordMatcher } from '../../src/engine/keywords';
import { RuleSet } from '../../src/engine/scan';
import { ScanContext } from '../../src/engine/context';
import { ALL_RULES } from '../../src/engine/rules';

/** The keyword pre-filter decides which rules run at all: a missed keyword is a missed finding. */
describe('keyword pre-filter', () => {
  const found = (m: KeywordMatcher, text: string): string[] => m.found(text).map((i) => m.keywords[i]).sort();

  it('finds every keyword that occurs, case-insensitively, including overlapping and nested ones', () => {
    const m = new KeywordMatcher(['secret', 'client_secret', 'cret', 'AKIA', 'he', 'she', 'hers']);
    assert.deepEqual(found(m, 'const CLIENT_SECRET = x'), ['client_secret', 'cret', 'secret']);
    assert.deepEqual(found(m, 'ushers'), ['he', 'hers', 'she']);
    assert.deepEqual(found(m, 'key akiaXYZ'), ['akia']);
    assert.deepEqual(found(m, 'nothing here of note'), ['he']);
    assert.deepEqual(found(m, ''), []);
  });

  it('treats characters no keyword uses as breaks, also outside ASCII', () => {
    const m = new KeywordMatcher(['api_key', 'pass']);
    assert.deepEqual(found(m, 'api-key päss api\u00a0key'), []);
    assert.deepEqual(found(m, 'ü api_key ü PASS'), ['api_key', 'pass']);
  });

  it('agrees with a plain substring search for every keyword of the catalogue', () => {
    const set = new RuleSet(ALL_RULES);
    const keywords = [...new Set(ALL_RULES.flatMap((r) => r.keywords.map((k) => k.toLowerCase())))];
    const m = new KeywordMatcher(keywords);
    for (const kw of keywords) {
      const text = `x = 1\n  ${kw.toUpperCase()} \n`;
      assert.ok(found(m, text).includes(kw), `keyword ${JSON.stringify(kw)} is seen`);
      const woken = set.candidates(text).map((r) => r.id);
      for (const rule of ALL_RULES.filter((r) => r.keywords.some((k) => k.toLowerCase() === kw))) {
        assert.ok(woken.includes(rule.id), `${kw} wakes ${rule.id}`);
      }
    }
  });

  it('reports every occurrence of an anchor, case-insensitively, and answers gates', () => {
    const m = new KeywordMatcher(['secret'], ['key', 'pass']);
    const hits = m.scan('apiKey = KEY; passKEY.passpass');
    assert.deepEqual(Array.from(hits.starts('key') ?? []), [3, 9, 18]);
    assert.deepEqual(Array.from(hits.starts('pass') ?? []), [14, 22, 26]);
    assert.equal(hits.starts('secret'), undefined, 'a plain keyword is not an anchor');
    assert.equal(hits.saw('secret'), false);
    assert.equal(hits.saw('key'), true);
    assert.equal(hits.saw('token'), undefined, 'not looked for');
    // After a later scan the gates still answer; the offsets (in a reused buffer) are no longer
    // given, so a scan context searches the text instead (never reads another text's offsets).
    m.scan('key key key key');
    assert.equal(hits.starts('key'), undefined);
    assert.equal(hits.saw('key'), true);
    const first = m.scan('pass only');
    m.scan('secret and key');
    assert.equal(first.saw('secret'), false, 'asked only after the next scan');
    assert.equal(first.saw('pass'), true);
    assert.equal(first.saw('key'), false);
    const text = 'apiKey = KEY; passKEY';
    const stale = m.scan(text);
    m.scan('key '.repeat(5000));
    const ctx = new ScanContext(text, 'a.ts', 'typescript', stale);
    assert.deepEqual(Array.from(ctx.anchors('key')), [3, 9, 18]);
  });

  it('gives a rule the same anchors and gates whether the pass recorded them or the context searches', () => {
    const text = 'const monkeyKey = process.env.X;\nPASSWORD: "x"; key\n';
    const set = new RuleSet([{ ...ALL_RULES[0], keywords: ['const'], anchors: ['key', 'pass'], gates: ['process.env', 'nowhere'] }]);
    const recorded = new ScanContext(text, 'a.ts', 'typescript', set.prepare(text).hits);
    const searched = new ScanContext(text, 'a.ts', 'typescript');
    for (const ctx of [recorded, searched]) {
      assert.deepEqual(Array.from(ctx.anchors('key')), [9, 12, 48]);
      assert.deepEqual(Array.from(ctx.anchors('pass')), [33]);
      assert.equal(ctx.saw('process.env'), true);
      assert.equal(ctx.saw('nowhere'), false);
    }
  });

  it('sees every keyword and anchor in long texts, across the middle and outside ASCII alike', () => {
    const m = new KeywordMatcher(['client_secret', 'akia'], ['token', 'key']);
    const naive = (text: string, word: string): number[] => {
      const out: number[] = [];
      const lower = text.toLowerCase();
      for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) out.push(i);
      return out;
    };
    const filler = 'let x = 1; '.repeat(400);
    for (const extra of ['', 'caf\u00e9 \u2014 ']) {
      // The long keyword straddles the middle of the text, where the second walk starts.
      const head = `${extra}apiKey TOKEN ${filler}`;
      const middle = Math.floor((head.length + 'client_secret'.length + filler.length + 20) / 2);
      const text = `${head}${'x'.repeat(Math.max(0, middle - head.length - 6))}CLIENT_SECRET ${filler} key token AKIA`;
      const hits = m.scan(text);
      assert.deepEqual(hits.found.map((k) => m.keywords[k]).sort(), ['akia', 'client_secret', 'key', 'token']);
      assert.deepEqual(Array.from(hits.starts('token') ?? []), naive(text, 'token'));
      assert.deepEqual(Array.from(hits.starts('key') ?? []), naive(text, 'key'));
      // Given the bytes of a file read from disk, the same answers (bytes that are not the
      // text's, as for non-ASCII text, are ignored).
      const bytes = Buffer.from(text, 'utf8');
      const fromBytes = m.scan(text, bytes);
      assert.deepEqual(fromBytes.found.map((k) => m.keywords[k]).sort(), ['akia', 'client_secret', 'key', 'token']);
      assert.deepEqual(Array.from(fromBytes.starts('key') ?? []), naive(text, 'key'));
    }
  });
});
