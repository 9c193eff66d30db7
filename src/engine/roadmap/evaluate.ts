import { ROADMAP } from './items';
import type { Evidence, ItemResult, RoadmapItem } from './model';
import type { ChecklistState } from './state';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Decides every roadmap item from the evidence and the people's attestations. */
export function evaluateRoadmap(evidence: Evidence, state: ChecklistState): ItemResult[] {
  return ROADMAP.map((item) => evaluateItem(item, evidence, state));
}

function evaluateItem(item: RoadmapItem, ev: Evidence, state: ChecklistState): ItemResult {
  const attestation = state.items[item.id];
  const decided = decide(item, ev);
  const attestable = decided.attestable;
  if (attestation?.status === 'not-applicable') {
    return { item, status: 'not-applicable', evidence: `Not applicable: ${attestation.note || 'no reason given'} (${attestation.by}, ${attestation.at})`, attestable, attestation };
  }
  if (decided.status === 'passing' || decided.status === 'failing' && !attestable) {
    return { item, status: decided.status, evidence: decided.evidence, attestable, attestation };
  }
  if (attestation?.status === 'attested' && attestable) {
    return { item, status: 'attested', evidence: `Attested by ${attestation.by} on ${attestation.at}${attestation.note ? `: ${attestation.note}` : ''}`, attestable, attestation };
  }
  return { item, status: decided.status, evidence: decided.evidence, attestable, attestation };
}

type Decision = { status: ItemResult['status']; evidence: string; attestable: boolean };

function decide(item: RoadmapItem, ev: Evidence): Decision {
  const check = item.check;
  switch (check.kind) {
    case 'findings': {
      if (!ev.findings) return { status: 'todo', evidence: 'Not scanned yet: run "Scan Workspace".', attestable: false };
      const n = ev.findings[check.family];
      const envFiles = check.family === 'secrets' ? ev.trackedEnvFiles : [];
      if (n > 0 || envFiles.length > 0) {
        const parts = [n > 0 ? `${plural(n, 'finding')} in the working tree` : '', envFiles.length ? `tracked .env with values: ${envFiles.join(', ')}` : ''];
        return { status: 'failing', evidence: parts.filter(Boolean).join('; '), attestable: false };
      }
      return { status: 'passing', evidence: 'No findings in the working tree.', attestable: false };
    }
    case 'history': {
      if (!ev.history) return { status: 'todo', evidence: 'History not scanned yet: run "Scan Git History".', attestable: false };
      const partial = ev.history.partial ? ' (shallow clone: partial history)' : '';
      if (ev.history.unrotated > 0) {
        return { status: 'failing', evidence: `${plural(ev.history.unrotated, 'secret')} in history not yet marked rotated${partial}`, attestable: false };
      }
      if (ev.history.secrets > 0) {
        // Rotation is a person's word, not something the tool sees: attested, not passing.
        return { status: 'attested', evidence: `${plural(ev.history.secrets, 'secret')} in history, all marked rotated${partial}.`, attestable: false };
      }
      return { status: 'passing', evidence: `No secrets in history${partial}.`, attestable: false };
    }
    case 'evidence': {
      if (check.evidence === 'per-environment-config') return decideEnvironments(ev);
      const seen = ev.seen[check.evidence];
      if (seen.length > 0) return { status: 'passing', evidence: `Seen: ${seen.slice(0, 3).join(', ')}`, attestable: true };
      return { status: 'failing', evidence: 'No evidence found in the repository; attest it if it is handled elsewhere.', attestable: true };
    }
    case 'policy': {
      const state = ev.policies[check.policy];
      if (state === 'filled') return { status: 'passing', evidence: `docs/security/${check.policy}.md is filled in.`, attestable: false };
      if (state === 'template') {
        const n = ev.policyPlaceholders[check.policy] ?? 0;
        return { status: 'failing', evidence: `docs/security/${check.policy}.md still has ${plural(n, 'placeholder')} to fill in.`, attestable: false };
      }
      return { status: 'todo', evidence: 'Missing: run "Generate Policy Templates" and fill it in.', attestable: false };
    }
    case 'questionnaire':
      return ev.questionnaireDraft
        ? { status: 'passing', evidence: 'docs/security/questionnaire-answers.md drafted.', attestable: true }
        : { status: 'todo', evidence: 'Run "Draft Questionnaire Answers".', attestable: true };
    case 'attest':
      return { status: 'todo', evidence: 'Needs a person to attest it.', attestable: true };
  }
}

function decideEnvironments(ev: Evidence): Decision {
  const { files, sharedCredentials } = ev.environments;
  if (sharedCredentials.length > 0) {
    return { status: 'failing', evidence: `Same credential value in ${sharedCredentials.slice(0, 3).join('; ')}`, attestable: false };
  }
  if (files.length >= 2) return { status: 'passing', evidence: `Per-environment config: ${files.slice(0, 4).join(', ')}; no shared credential values.`, attestable: true };
  return { status: 'failing', evidence: 'No per-environment config files found; attest it if environments are configured elsewhere.', attestable: true };
}

/** Share of applicable items passing or attested, 0–100. */
export function readinessScore(results: readonly ItemResult[]): number {
  const applicable = results.filter((r) => r.status !== 'not-applicable');
  if (applicable.length === 0) return 100;
  const done = applicable.filter((r) => r.status === 'passing' || r.status === 'attested').length;
  return Math.round((done / applicable.length) * 100);
}
