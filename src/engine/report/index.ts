/** Pure report builders (SARIF 2.1.0, JSON) shared by the CLI and the extension's export. */
export * from './types';
export { buildJsonReport, JSON_SCHEMA_VERSION, type JsonFinding, type JsonReport } from './json';
export { buildSarif, sarifLevel, FINGERPRINT_KEY } from './sarif';
