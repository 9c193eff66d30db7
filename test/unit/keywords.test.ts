import * as assert from 'node:assert/strict';
import { KeywordMatcher } from '../../src/engine/keywords';
import { RuleSet } from '../../src/engine/scan';
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
});
