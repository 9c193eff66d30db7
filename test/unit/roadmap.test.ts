import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  draftQuestionnaire,
  emptyState,
  evaluateRoadmap,
  parseChecklist,
  planToday,
  POLICY_TEMPLATES,
  policyState,
  readinessScore,
  ROADMAP,
  serializeChecklist,
  withAttestation,
  type Evidence,
  type ItemResult,
} from '../../src/engine/roadmap';
import { collectEvidence } from '../../src/node/evidence';

function evidence(over: Partial<Evidence> = {}): Evidence {
  return {
    findings: { secrets: 0, 'insecure-http': 0, 'weak-tls': 0, 'body-logging': 0 },
    trackedEnvFiles: [],
    seen: { 'request-logging': [], 'rate-limiting': [], 'secret-manager': [], 'per-environment-config': [] },
    environments: { files: [], sharedCredentials: [] },
    policies: {
      'security-policy': 'missing',
      'access-control-policy': 'missing',
      'incident-response-plan': 'missing',
      'data-classification-policy': 'missing',
      'credential-management-policy': 'missing',
    },
    policyPlaceholders: {},
    questionnaireDraft: false,
    ...over,
  };
}

const byId = (rs: ItemResult[], id: string): ItemResult => {
  const r = rs.find((x) => x.item.id === id);
  assert.ok(r, id);
  return r;
};

describe('roadmap model', () => {
  it('has the four phases plus questionnaire, unique ids, and every plan window inside 30 days', () => {
    const ids = new Set(ROADMAP.map((i) => i.id));
    assert.equal(ids.size, ROADMAP.length);
    for (const phase of ['foundation', 'visibility', 'controls', 'documentation', 'questionnaire']) {
      assert.ok(ROADMAP.some((i) => i.phase === phase), phase);
    }
    for (const i of ROADMAP) assert.ok(i.days[0] >= 1 && i.days[1] <= 30 && i.days[0] <= i.days[1], i.id);
  });

  it('decides the git-history item from the history scan: to do, failing, attested once every secret is marked rotated', () => {
    const id = ROADMAP.find((i) => i.check.kind === 'history')!.id;
    assert.equal(byId(evaluateRoadmap(evidence(), emptyState()), id).status, 'todo');
    const failing = byId(evaluateRoadmap(evidence({ history: { secrets: 2, unrotated: 1, partial: true } }), emptyState()), id);
    assert.equal(failing.status, 'failing');
    assert.match(failing.evidence, /1 secret in history not yet marked rotated \(shallow clone/);
    const rotated = byId(evaluateRoadmap(evidence({ history: { secrets: 2, unrotated: 0, partial: false } }), emptyState()), id);
    assert.equal(rotated.status, 'attested');
    assert.match(rotated.evidence, /2 secrets in history, all marked rotated/);
    assert.equal(byId(evaluateRoadmap(evidence({ history: { secrets: 0, unrotated: 0, partial: false } }), emptyState()), id).status, 'passing');
  });

  it('fails the credentials item on findings and cannot be attested away', () => {
    const state = withAttestation(emptyState(), 'foundation.no-hardcoded-credentials', { status: 'attested', by: 'Ada', at: '2026-12-01', note: 'trust me' });
    const rs = evaluateRoadmap(evidence({ findings: { secrets: 2, 'insecure-http': 0, 'weak-tls': 0, 'body-logging': 0 } }), state);
    const r = byId(rs, 'foundation.no-hardcoded-credentials');
    assert.equal(r.status, 'failing');
    assert.match(r.evidence, /2 findings/);
    assert.equal(byId(rs, 'foundation.https-everywhere').status, 'passing');
  });

  it('is "to do" before any scan, attested with who and when, n/a with a reason', () => {
    let state = withAttestation(emptyState(), 'foundation.mfa-production', { status: 'attested', by: 'Ada Founder <ada@example.com>', at: '2026-12-02', note: 'Google Workspace + AWS enforced' });
    state = withAttestation(state, 'controls.ip-allowlisting', { status: 'not-applicable', by: 'Ada', at: '2026-12-02', note: 'public API by design' });
    const rs = evaluateRoadmap(evidence({ findings: undefined }), state);
    assert.equal(byId(rs, 'foundation.https-everywhere').status, 'todo');
    const mfa = byId(rs, 'foundation.mfa-production');
    assert.equal(mfa.status, 'attested');
    assert.match(mfa.evidence, /Ada Founder .* 2026-12-02/);
    assert.equal(byId(rs, 'controls.ip-allowlisting').status, 'not-applicable');
  });

  it('uses evidence for rate limiting, secret manager and per-environment credentials', () => {
    const rs = evaluateRoadmap(
      evidence({
        seen: { 'request-logging': ['morgan (package.json)'], 'rate-limiting': [], 'secret-manager': ['hvac (requirements.txt)'], 'per-environment-config': [] },
        environments: { files: ['.env.staging', '.env.production'], sharedCredentials: ['DB_PASSWORD in .env.staging and DB_PASSWORD in .env.production'] },
      }),
      emptyState(),
    );
    assert.equal(byId(rs, 'visibility.request-logging').status, 'passing');
    assert.equal(byId(rs, 'controls.secrets-encrypted-at-rest').status, 'passing');
    assert.equal(byId(rs, 'controls.rate-limiting').status, 'failing');
    const env = byId(rs, 'controls.unique-credentials-per-environment');
    assert.equal(env.status, 'failing');
    assert.match(env.evidence, /DB_PASSWORD/);
  });

  it('scores the share of applicable items passing or attested', () => {
    const rs = evaluateRoadmap(evidence(), emptyState());
    const done = rs.filter((r) => r.status === 'passing' || r.status === 'attested').length;
    assert.equal(readinessScore(rs), Math.round((done / rs.length) * 100));
    assert.ok(readinessScore(rs) > 0 && readinessScore(rs) < 100);
  });

  it('round-trips checklist.json with stable key order, and refuses a malformed file', () => {
    let state = withAttestation(emptyState(), 'foundation.password-manager', { status: 'attested', by: 'B', at: '2026-12-03', note: '1Password' });
    state = withAttestation(state, 'foundation.mfa-production', { status: 'attested', by: 'A', at: '2026-12-03', note: '' });
    state.planStart = '2026-12-01';
    const text = serializeChecklist(state);
    assert.ok(text.indexOf('foundation.mfa-production') < text.indexOf('foundation.password-manager'));
    assert.equal(serializeChecklist(parseChecklist(text).state!), text);
    assert.match(parseChecklist('{ not json').error ?? '', /not valid JSON.*not changed/);
  });

  it('recognises an unfilled policy template and a filled one', () => {
    const tpl = POLICY_TEMPLATES['security-policy'].body;
    assert.equal(policyState(tpl).state, 'template');
    assert.ok(policyState(tpl).placeholders > 3);
    assert.equal(policyState(tpl.replace(/\[\[FILL IN:[^\]]*\]\]/g, 'Acme')).state, 'filled');
    assert.equal(policyState(undefined).state, 'missing');
  });

  it('drafts questionnaire answers that claim only what the evidence shows', () => {
    const rs = evaluateRoadmap(evidence({ findings: { secrets: 1, 'insecure-http': 0, 'weak-tls': 0, 'body-logging': 0 } }), emptyState());
    const md = draftQuestionnaire(rs, '2026-12-03');
    assert.match(md, /## Credential management[\s\S]*A \(partial\)[\s\S]*GAP:\*\* No hardcoded credentials/);
    assert.doesNotMatch(md, /Credentials are kept out of source code/);
    assert.match(md, /We do not yet hold a SOC 2 report|GAP/);
  });

  it('puts today in the 30-day plan and lists what is open in its window', () => {
    const rs = evaluateRoadmap(evidence({ findings: undefined }), emptyState());
    const plan = planToday(rs, '2026-12-01', '2026-12-03');
    assert.equal(plan.day, 3);
    assert.ok(plan.focus.some((r) => r.item.id === 'foundation.mfa-production'));
    assert.ok(plan.focus.every((r) => r.item.days[0] <= 3 && r.item.days[1] >= 3));
  });
});

describe('evidence collection', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-evidence-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds middleware, secret manager, shared env credentials, policies and a tracked .env', async () => {
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ dependencies: { express: '^4', morgan: '^1', 'express-rate-limit': '^7' } }));
    fs.writeFileSync(path.join(root, 'requirements.txt'), 'flask==3.0\nhvac>=2\n');
    fs.writeFileSync(path.join(root, '.env.staging'), 'DB_PASSWORD=Qz8vLk2mWp4sTr9x\nAPI_KEY=changeme\n');
    fs.writeFileSync(path.join(root, '.env.production'), 'DB_PASSWORD=Qz8vLk2mWp4sTr9x\n');
    fs.writeFileSync(path.join(root, '.env'), 'STRIPE_SECRET_KEY=Zx81LmQ0aa9Fk2Lp\n');
    fs.mkdirSync(path.join(root, 'docs', 'security'), { recursive: true });
    fs.writeFileSync(path.join(root, 'docs', 'security', 'security-policy.md'), POLICY_TEMPLATES['security-policy'].body);
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', '-A'], { cwd: root });
    const ev = await collectEvidence(root);
    assert.ok(ev.seen['request-logging'].some((s) => s.startsWith('morgan')));
    assert.ok(ev.seen['rate-limiting'].some((s) => s.startsWith('express-rate-limit')));
    assert.ok(ev.seen['secret-manager'].some((s) => s.startsWith('hvac')));
    assert.deepEqual(ev.environments.files, ['.env.production', '.env.staging']);
    assert.equal(ev.environments.sharedCredentials.length, 1);
    assert.ok(!JSON.stringify(ev).includes('Qz8vLk2mWp4sTr9x'), 'values never leave the collector');
    assert.equal(ev.policies['security-policy'], 'template');
    assert.equal(ev.policies['incident-response-plan'], 'missing');
    assert.equal(ev.envIgnored, false);
    assert.ok(ev.trackedEnvFiles.includes('.env'));
  });
});
