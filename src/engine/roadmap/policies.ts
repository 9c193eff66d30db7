import type { PolicyId } from './model';

/** Placeholders look like `[[FILL IN: company name]]`; the checker counts what is left. */
const PLACEHOLDER = /\[\[FILL IN:[^\]\n]{0,200}\]\]/g;

export const POLICY_IDS: readonly PolicyId[] = [
  'security-policy',
  'access-control-policy',
  'incident-response-plan',
  'data-classification-policy',
  'credential-management-policy',
];

export const POLICY_FOLDER = 'docs/security';

/** Whether a policy document is still the template (placeholders left) or filled in. */
export function policyState(text: string | undefined): { state: 'missing' | 'template' | 'filled'; placeholders: number } {
  if (text === undefined) return { state: 'missing', placeholders: 0 };
  const placeholders = (text.match(PLACEHOLDER) ?? []).length;
  return { state: placeholders > 0 ? 'template' : 'filled', placeholders };
}

const F = (what: string): string => `[[FILL IN: ${what}]]`;

const HEADER = (title: string): string =>
  `# ${title}\n\n` +
  `**Company:** ${F('company name')} · **Owner:** ${F('name and role')} · **Approved:** ${F('date')} · **Next review:** ${F('date, at most 12 months later')}\n\n` +
  `> One page, in plain words. Replace every [[FILL IN: …]] — Audit Ready counts this policy as done when none are left.\n\n`;

/** One-page policy templates (our own text), each with placeholders the checker recognises. */
export const POLICY_TEMPLATES: Record<PolicyId, { title: string; body: string }> = {
  'security-policy': {
    title: 'Information Security Policy',
    body:
      HEADER('Information Security Policy') +
      `## Purpose and scope\nThis policy sets how ${F('company name')} protects customer data and the systems that process it. It applies to every employee, contractor and system in production.\n\n` +
      `## Responsibilities\n- Security owner: ${F('name')} — keeps this policy current and runs the reviews below.\n- Engineers follow the secure development rules below; managers make sure new joiners read this policy in their first week.\n\n` +
      `## Rules\n1. No credentials in source code; secrets live in ${F('secret manager')}.\n2. All traffic uses TLS 1.2 or later; certificate verification is never disabled in production.\n3. MFA is required on ${F('list: cloud console, source control, CI, admin tools')}.\n4. Logs never contain request bodies, passwords, tokens or API keys.\n5. Security findings from Audit Ready block merges at severity error.\n\n` +
      `## Review\nThis policy and the related policies are reviewed every ${F('period, e.g. 12 months')} and after any security incident.\n`,
  },
  'access-control-policy': {
    title: 'Access Control Policy',
    body:
      HEADER('Access Control Policy') +
      `## Principles\nAccess follows least privilege: each person and service gets only what its job needs, for as long as it needs it.\n\n` +
      `## Granting and removing access\n- Requests go to ${F('approver role')} and are recorded in ${F('system, e.g. ticket tracker')}.\n- Leavers lose all access within ${F('time, e.g. 24 hours')} of their last day.\n\n` +
      `## Authentication\n- MFA on every production-facing account; shared accounts are not allowed except ${F('exceptions, or "none"')}.\n- Each integration has its own API key; keys are never shared between partners or services.\n\n` +
      `## Reviews\nAccess to production and to credentials is reviewed every ${F('period, e.g. quarter')} by ${F('role')}; the review's date and result are recorded.\n`,
  },
  'incident-response-plan': {
    title: 'Incident Response Plan',
    body:
      HEADER('Incident Response Plan') +
      `## What counts as an incident\nAny suspected unauthorised access to data or systems, leaked credential, or outage caused by an attack.\n\n` +
      `## Roles\n- Incident lead: ${F('name / on-call rotation')}\n- Communications: ${F('name')}\n\n` +
      `## Steps\n1. **Detect and report** — anyone reports to ${F('channel or phone')} at once.\n2. **Contain** — revoke and rotate affected credentials, isolate affected systems.\n3. **Investigate** — use request logs and audit trails to find scope and cause.\n4. **Notify** — customers affected are told within ${F('time, e.g. 72 hours')}; regulators as the law requires.\n5. **Recover and learn** — restore service, write a post-mortem within ${F('time, e.g. 5 working days')}.\n\n` +
      `## Practice\nThe plan is rehearsed every ${F('period')}.\n`,
  },
  'data-classification-policy': {
    title: 'Data Classification Policy',
    body:
      HEADER('Data Classification Policy') +
      `## Classes\n| class | examples | handling |\n|---|---|---|\n| Public | marketing site | none |\n| Internal | roadmaps, internal docs | company accounts only |\n| Confidential | customer data, ${F('other examples')} | encrypted at rest and in transit, access by role |\n| Restricted | credentials, payment data, ${F('other examples')} | secret manager or dedicated store, named access only, never logged |\n\n` +
      `## Retention and deletion\nCustomer data is kept for ${F('period')} after the contract ends, then deleted from production and backups within ${F('period')}.\n\n` +
      `## Owner\n${F('name')} keeps the data inventory current.\n`,
  },
  'credential-management-policy': {
    title: 'Credential Management Policy',
    body:
      HEADER('Credential Management Policy') +
      `## Storage\nCredentials are stored only in ${F('secret manager, e.g. AWS Secrets Manager / Vault / Doppler')}, encrypted at rest (AES-256). Never in code, chat, tickets or documents.\n\n` +
      `## Scope\nEach environment (development, staging, production) and each integration has its own credentials. Access to production credentials is role-based.\n\n` +
      `## Rotation\nCredentials are rotated at least every 90 days, and at once when someone with access leaves or a leak is suspected. Rotation is recorded in ${F('where')}.\n\n` +
      `## Revocation\nTo revoke a credential: ${F('steps, e.g. disable in the provider console, rotate dependents, confirm in logs')}. Target time: ${F('time, e.g. 1 hour')}.\n\n` +
      `## Audit\nCreation, change, deletion, access and failed authentication are logged in ${F('system')} and reviewed every ${F('period')}.\n`,
  },
};
