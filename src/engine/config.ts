import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { minimatch } from 'minimatch';
import type { Severity } from './types';

/** A rule setting: off, or a re-graded severity. */
export type RuleSetting = 'off' | Severity;

/** `.auditready.jsonc`, normalised: every field present, every value of the right type. */
export interface AuditReadyConfig {
  /** Globs (relative to the folder) a file must match to be scanned; empty = everything. */
  include: string[];
  /** Globs of files never scanned (on top of the built-in skips and `.gitignore`). */
  exclude: string[];
  /** Keys: a rule id (`weak-tls/node-reject-unauthorized`), `family/*`, or a family name. */
  rules: Record<string, RuleSetting>;
  allow: {
    /** Hosts whose `http://` URLs are accepted (e.g. an internal service mesh name). */
    hosts: string[];
    /** Secret value hashes or finding fingerprints that are accepted. */
    fingerprints: string[];
    /** Globs of paths whose findings are accepted (e.g. test fixtures). */
    paths: string[];
  };
  history: { maxCommits: number; since?: string; refs: string[] };
  /** Files larger than this (bytes) are skipped, with a stated reason. */
  maxFileSize: number;
}

/** A problem in the config file, with its position (0-based offset) for a diagnostic. */
export interface ConfigProblem {
  offset: number;
  length: number;
  message: string;
}

export const CONFIG_FILE = '.auditready.jsonc';
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export function defaultConfig(): AuditReadyConfig {
  return {
    include: [],
    exclude: [],
    rules: {},
    allow: { hosts: [], fingerprints: [], paths: [] },
    history: { maxCommits: 10000, refs: [] },
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
  };
}

const SETTINGS: readonly string[] = ['off', 'error', 'warning', 'info'];
const KNOWN_KEYS = ['$schema', 'include', 'exclude', 'rules', 'allow', 'history', 'maxFileSize'];

/**
 * Parses `.auditready.jsonc`. Never throws: every problem is reported with its position and
 * the rest of the file still applies (a broken config must not stop the scan).
 */
export function parseConfig(text: string): { config: AuditReadyConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    offset: e.offset,
    length: Math.max(1, e.length),
    message: `Syntax error in ${CONFIG_FILE}: ${printParseErrorCode(e.error)}`,
  }));
  const config = defaultConfig();
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ offset: 0, length: 1, message: `${CONFIG_FILE} must hold an object` });
    return { config, problems };
  }
  const obj = raw as Record<string, unknown>;
  const at = (key: string): { offset: number; length: number } => locate(text, key);
  const report = (key: string, message: string): void => {
    problems.push({ ...at(key), message });
  };
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.includes(key)) report(key, `Unknown setting "${key}" (ignored)`);
  }
  config.include = stringList(obj.include, 'include', report);
  config.exclude = stringList(obj.exclude, 'exclude', report);
  if (obj.rules !== undefined) {
    if (isRecord(obj.rules)) {
      for (const [id, value] of Object.entries(obj.rules)) {
        if (typeof value === 'string' && SETTINGS.includes(value)) config.rules[id] = value as RuleSetting;
        else report(id, `Rule "${id}": expected one of ${SETTINGS.join(', ')}`);
      }
    } else report('rules', '"rules" must be an object of rule id → off|error|warning|info');
  }
  if (obj.allow !== undefined) {
    if (isRecord(obj.allow)) {
      config.allow.hosts = stringList(obj.allow.hosts, 'hosts', report).map((h) => h.toLowerCase());
      config.allow.fingerprints = stringList(obj.allow.fingerprints, 'fingerprints', report);
      config.allow.paths = stringList(obj.allow.paths, 'paths', report);
    } else report('allow', '"allow" must be an object with hosts, fingerprints and paths');
  }
  if (obj.history !== undefined) {
    if (isRecord(obj.history)) {
      const h = obj.history;
      if (typeof h.maxCommits === 'number' && h.maxCommits > 0) config.history.maxCommits = h.maxCommits;
      else if (h.maxCommits !== undefined) report('maxCommits', '"maxCommits" must be a positive number');
      if (typeof h.since === 'string') config.history.since = h.since;
      else if (h.since !== undefined) report('since', '"since" must be a date string');
      config.history.refs = stringList(h.refs, 'refs', report);
    } else report('history', '"history" must be an object');
  }
  if (obj.maxFileSize !== undefined) {
    if (typeof obj.maxFileSize === 'number' && obj.maxFileSize > 0) config.maxFileSize = obj.maxFileSize;
    else report('maxFileSize', '"maxFileSize" must be a positive number of bytes');
  }
  return { config, problems };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, key: string, report: (k: string, m: string) => void): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  report(key, `"${key}" must be a list of strings`);
  return [];
}

/** Offset of `"key"` in the text (for a problem's position); 0 when not found. */
function locate(text: string, key: string): { offset: number; length: number } {
  const i = text.indexOf(`"${key}"`);
  return i < 0 ? { offset: 0, length: 1 } : { offset: i, length: key.length + 2 };
}

/** The setting for a rule: exact id, then `family/*`, then `family`. */
export function ruleSetting(config: AuditReadyConfig, ruleId: string): RuleSetting | undefined {
  const family = ruleId.split('/')[0];
  return config.rules[ruleId] ?? config.rules[`${family}/*`] ?? config.rules[family];
}

const GLOB = { dot: true, matchBase: false, nocase: false } as const;

function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => minimatch(path, g, GLOB) || minimatch(path, `${g.replace(/\/$/, '')}/**`, GLOB));
}

/** Whether a folder-relative path (forward slashes) is scanned under this config. */
export function isPathIncluded(config: AuditReadyConfig, relPath: string): boolean {
  if (config.include.length > 0 && !matchesAny(relPath, config.include)) return false;
  return !matchesAny(relPath, config.exclude);
}

/** Whether findings in this path are accepted by `allow.paths`. */
export function isPathAllowed(config: AuditReadyConfig, relPath: string): boolean {
  return config.allow.paths.length > 0 && matchesAny(relPath, config.allow.paths);
}
