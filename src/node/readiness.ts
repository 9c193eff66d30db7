import { evaluateRoadmap, planToday, type Evidence, type ItemResult, type PlanToday } from '../engine/roadmap';
import type { Family } from '../engine/types';
import { loadChecklist, type LoadedChecklist } from './checklistFile';
import { collectEvidence } from './evidence';

export interface Readiness {
  results: ItemResult[];
  evidence: Evidence;
  checklist: LoadedChecklist;
  plan?: PlanToday;
}

/**
 * The roadmap's state for a folder: evidence gathered from files, findings counts and the
 * history summary given by the caller, and the people's attestations from checklist.json.
 */
export async function computeReadiness(
  root: string,
  input: { findings?: Record<Family, number>; history?: Evidence['history']; untrusted?: boolean; today: string },
): Promise<Readiness> {
  const [evidence, checklist] = await Promise.all([
    collectEvidence(root, { findings: input.findings, history: input.history, untrusted: input.untrusted }),
    loadChecklist(root),
  ]);
  const results = evaluateRoadmap(evidence, checklist.state);
  const plan = checklist.state.planStart ? planToday(results, checklist.state.planStart, input.today) : undefined;
  return { results, evidence, checklist, plan };
}

/** Unsuppressed findings per family. */
export function countByFamily(findings: readonly { family: Family; suppressed?: unknown }[]): Record<Family, number> {
  const counts: Record<Family, number> = { secrets: 0, 'insecure-http': 0, 'weak-tls': 0, 'body-logging': 0 };
  for (const f of findings) if (!f.suppressed) counts[f.family]++;
  return counts;
}
