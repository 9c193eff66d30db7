import type { CommandInfo } from '../ids';

/** The "Audit Readiness" tree: phase → (group →) item → findings. */
export const CHECKLIST_VIEW_ID = 'auditReady.checklist';
/** The "30-Day Plan" view. */
export const PLAN_VIEW_ID = 'auditReady.plan';

/** The views of the sidebar after "Findings", in order, with the names package.json gives them. */
export const READINESS_VIEWS = [
  { id: CHECKLIST_VIEW_ID, name: 'Audit Readiness' },
  { id: PLAN_VIEW_ID, name: '30-Day Plan' },
] as const;

/** `contextValue` of a history secret in the checklist, before and after "Mark as Rotated". */
export const HISTORY_CONTEXT = {
  open: 'historyFinding',
  rotated: 'historyFinding rotated',
} as const;

/** Commands of the checklist, the plan, the documents and the history scan (issues #5, #6). */
export const ReadinessCmd = {
  refreshChecklist: 'auditReady.refreshChecklist',
  attestItem: 'auditReady.attestItem',
  markNotApplicable: 'auditReady.markNotApplicable',
  clearAttestation: 'auditReady.clearAttestation',
  showEvidence: 'auditReady.showEvidence',
  openItemDocs: 'auditReady.openItemDocs',
  startPlan: 'auditReady.startPlan',
  generatePolicies: 'auditReady.generatePolicyTemplates',
  draftQuestionnaire: 'auditReady.draftQuestionnaire',
  exportEvidence: 'auditReady.exportEvidencePackage',
  scanHistory: 'auditReady.scanHistory',
  showCommit: 'auditReady.showCommit',
  markRotated: 'auditReady.markRotated',
  historyGuidance: 'auditReady.howToRemoveFromHistory',
} as const;

type ReadinessCommandId = (typeof ReadinessCmd)[keyof typeof ReadinessCmd];

export const READINESS_COMMANDS: Record<ReadinessCommandId, CommandInfo> = {
  [ReadinessCmd.refreshChecklist]: {
    title: 'Refresh Checklist',
    palette: true,
    icon: '$(refresh)',
  },
  [ReadinessCmd.attestItem]: { title: 'Attest Item…', palette: true, icon: '$(verified)' },
  [ReadinessCmd.markNotApplicable]: { title: 'Mark Item Not Applicable…', palette: true },
  [ReadinessCmd.clearAttestation]: { title: 'Clear Attestation', palette: false },
  [ReadinessCmd.showEvidence]: { title: 'Show Evidence', palette: false, icon: '$(go-to-file)' },
  [ReadinessCmd.openItemDocs]: { title: 'Open Docs', palette: false, icon: '$(book)' },
  [ReadinessCmd.startPlan]: { title: 'Start the 30-Day Plan', palette: true },
  [ReadinessCmd.generatePolicies]: { title: 'Generate Policy Templates', palette: true },
  [ReadinessCmd.draftQuestionnaire]: { title: 'Draft Questionnaire Answers', palette: true },
  [ReadinessCmd.exportEvidence]: {
    title: 'Export Evidence Package',
    palette: true,
    icon: '$(package)',
  },
  [ReadinessCmd.scanHistory]: { title: 'Scan Git History', palette: true, icon: '$(history)' },
  [ReadinessCmd.showCommit]: { title: 'Show Commit', palette: false, icon: '$(git-commit)' },
  [ReadinessCmd.markRotated]: { title: 'Mark as Rotated…', palette: false, icon: '$(key)' },
  [ReadinessCmd.historyGuidance]: {
    title: 'How to Remove from History',
    palette: false,
    icon: '$(question)',
  },
};
