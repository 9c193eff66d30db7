/** The audit-readiness roadmap: items, evaluation from evidence, state, plan, documents. */
export * from './model';
export { ROADMAP } from './items';
export { evaluateRoadmap, readinessScore } from './evaluate';
export * from './state';
export { planToday, type PlanToday } from './plan';
export { POLICY_IDS, POLICY_FOLDER, POLICY_TEMPLATES, policyState } from './policies';
export { draftQuestionnaire } from './questionnaire';
export { checklistText, checklistMarkdown, evidenceReportMarkdown } from './report';
