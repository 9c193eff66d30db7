import type { ItemResult } from './model';

/** A common questionnaire question and the roadmap items whose evidence can answer it. */
interface Question {
  topic: string;
  question: string;
  items: string[];
  /** What we may claim when all its items are passing or attested. */
  claim: string;
}

const QUESTIONS: readonly Question[] = [
  { topic: 'Credential management', question: 'How are API keys, passwords and other credentials stored and managed?', items: ['foundation.no-hardcoded-credentials', 'foundation.no-credentials-in-history', 'controls.secrets-encrypted-at-rest', 'controls.rotation-90-days', 'controls.unique-credentials-per-environment', 'controls.revocation-procedure'], claim: 'Credentials are kept out of source code and history, stored encrypted in a managed secret store, unique per environment, rotated at least every 90 days, and can be revoked by a documented procedure.' },
  { topic: 'SOC 2 status', question: 'Do you have a SOC 2 report or equivalent certification?', items: ['documentation.security-policy', 'documentation.access-control-policy', 'documentation.incident-response-plan'], claim: 'We do not yet hold a SOC 2 report. We have written security, access control and incident response policies and track the controls an audit covers.' },
  { topic: 'Incident monitoring', question: 'How do you detect and respond to security incidents?', items: ['visibility.request-logging', 'visibility.credential-audit-trail', 'documentation.incident-response-plan'], claim: 'Every API request is logged with timestamp, source IP, principal, endpoint, method, status and duration; credential use is audited; a written incident response plan names roles and steps.' },
  { topic: 'Encryption', question: 'Is data encrypted in transit and at rest?', items: ['foundation.https-everywhere', 'controls.tls-1-2-only', 'controls.encryption-at-rest'], claim: 'All endpoints use HTTPS with TLS 1.2 or later and certificate verification; sensitive data is encrypted at rest.' },
  { topic: 'Access control', question: 'How is access to production systems and data controlled?', items: ['foundation.mfa-production', 'foundation.production-access-reviewed', 'controls.least-privilege', 'controls.credential-rbac', 'controls.quarterly-key-review', 'documentation.access-control-policy'], claim: 'Production access requires MFA, follows least privilege with role-based access to credentials, and is reviewed regularly under a written access control policy.' },
  { topic: 'Logging', question: 'What do you log, and how do you keep sensitive data out of logs?', items: ['visibility.request-logging', 'visibility.no-bodies-in-logs'], claim: 'We log request metadata for every API call and keep request bodies, credentials and tokens out of logs (checked automatically).' },
];

const done = (r: ItemResult | undefined): boolean => r?.status === 'passing' || r?.status === 'attested';

/**
 * Draft answers that claim only what the evidence shows: a full claim when every supporting
 * item is passing or attested, otherwise what is in place plus the gaps, marked as such.
 */
export function draftQuestionnaire(results: readonly ItemResult[], today: string): string {
  const byId = new Map(results.map((r) => [r.item.id, r]));
  const out = [
    '# Security questionnaire — draft answers',
    '',
    `Drafted by Audit Ready on ${today} from the evidence in this repository and the team's attestations.`,
    'Review every answer before sending. **GAP** marks what cannot be claimed yet.',
    '',
  ];
  for (const q of QUESTIONS) {
    const rows = q.items.map((id) => byId.get(id)).filter((r): r is ItemResult => r !== undefined);
    const applicable = rows.filter((r) => r.status !== 'not-applicable');
    out.push(`## ${q.topic}`, '', `**Q:** ${q.question}`, '');
    if (applicable.length > 0 && applicable.every(done)) {
      out.push(`**A:** ${q.claim}`, '');
    } else {
      const inPlace = applicable.filter(done).map((r) => r.item.title);
      out.push(`**A (partial):** ${inPlace.length ? `In place: ${inPlace.join('; ')}.` : 'Nothing we can claim yet.'}`, '');
      for (const r of applicable.filter((x) => !done(x))) out.push(`- **GAP:** ${r.item.title} — ${r.evidence}`);
      out.push('');
    }
    out.push('Evidence:', ...rows.map((r) => `- ${r.item.title}: ${r.status} — ${r.evidence}`), '');
  }
  return out.join('\n');
}
