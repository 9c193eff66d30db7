import type { Family } from '../types';

/** The roadmap's phases, in order. */
export type Phase = 'foundation' | 'visibility' | 'controls' | 'documentation' | 'questionnaire';

export const PHASES: readonly { id: Phase; title: string }[] = [
  { id: 'foundation', title: 'Phase 1 — Foundation' },
  { id: 'visibility', title: 'Phase 2 — Visibility' },
  { id: 'controls', title: 'Phase 3 — Controls' },
  { id: 'documentation', title: 'Phase 4 — Documentation' },
  { id: 'questionnaire', title: 'Questionnaire readiness' },
];

/** passing: evidence seen · failing: findings or missing evidence · attested: a person checked it. */
export type ItemStatus = 'passing' | 'failing' | 'attested' | 'not-applicable' | 'todo';

/** The five policy documents, generated under `docs/security/`. */
export type PolicyId =
  | 'security-policy'
  | 'access-control-policy'
  | 'incident-response-plan'
  | 'data-classification-policy'
  | 'credential-management-policy';

/** Evidence the tool can see for itself. */
export type EvidenceKey = 'request-logging' | 'rate-limiting' | 'secret-manager' | 'per-environment-config';

/** How an item is decided. Anything not checkable from the repository is attested. */
export type Check =
  | { kind: 'findings'; family: Family }
  | { kind: 'history' }
  | { kind: 'evidence'; evidence: EvidenceKey }
  | { kind: 'policy'; policy: PolicyId }
  | { kind: 'questionnaire' }
  | { kind: 'attest' };

/** One item of the audit-ready roadmap. */
export interface RoadmapItem {
  /** Stable id, `<phase>.<kebab-name>`. */
  id: string;
  phase: Phase;
  /** Sub-group inside a phase (Controls: credential management, access control, data protection). */
  group?: string;
  title: string;
  /** One paragraph: why an auditor asks for it. */
  why: string;
  /** How it is checked, in a sentence. */
  how: string;
  check: Check;
  /** 30-day plan window, days 1–30 inclusive. */
  days: [number, number];
}

/** What the tool saw, gathered by the node layer (files, findings, history). Pure data. */
export interface Evidence {
  /** Unsuppressed working-tree findings per family; undefined before the first scan. */
  findings?: Record<Family, number>;
  /** History scan: undefined when not run (or not possible: untrusted, no git). */
  history?: { secrets: number; unrotated: number; partial: boolean };
  /** `.env` is git-ignored (undefined: no git / unknown). */
  envIgnored?: boolean;
  /** Tracked `.env` files holding values (paths only). */
  trackedEnvFiles: string[];
  /** What was seen for each evidence key: human-readable sources, e.g. "morgan in package.json". */
  seen: Record<EvidenceKey, string[]>;
  /** Per-environment config files found, and pairs that share a credential value (paths only). */
  environments: { files: string[]; sharedCredentials: string[] };
  policies: Record<PolicyId, 'missing' | 'template' | 'filled'>;
  /** Policy placeholders still to fill, per policy (counts). */
  policyPlaceholders: Partial<Record<PolicyId, number>>;
  questionnaireDraft: boolean;
}

/** An item's decided status with the evidence that decided it. */
export interface ItemResult {
  item: RoadmapItem;
  status: ItemStatus;
  /** One line for the tree's description and reports. */
  evidence: string;
  /** Whether a person may attest it (items decided by findings cannot be attested away). */
  attestable: boolean;
  attestation?: Attestation;
}

/** A person's statement, stored in `.auditready/checklist.json`. */
export interface Attestation {
  status: 'attested' | 'not-applicable';
  by: string;
  at: string;
  note: string;
  link?: string;
}
