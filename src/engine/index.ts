/** Public surface of the engine: the node layer, CLI and extension import from here. */
export * from './types';
export * from './rule';
export * from './scan';
export * from './config';
export * from './baseline';
export * from './suppressions';
export * from './position';
export * from './mask';
export * from './families';
export { languageOf, languageFromEditor } from './language';
export { ALL_RULES, ruleById } from './rules';
export { scanAddedLines, historyGuidance, type HistoryFinding, type HistoryOrigin, type AddedLine } from './history';
