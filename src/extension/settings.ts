import type { Family, RuleSetting } from '../engine';
import { FAMILIES } from '../engine/types';

/**
 * The one table of settings: keys, JSON schema as contributed in package.json, and defaults.
 * Code reads settings only through `readSettings`, so a key cannot drift from package.json
 * (a unit test checks that package.json contributes exactly these).
 */
export const SETTINGS_SECTION = 'auditReady';

const SEVERITY_ENUM = ['off', 'error', 'warning', 'info'];

/** JSON schema of every setting, keyed by the part after `auditReady.`. */
export const SETTING_SCHEMAS = {
  enable: {
    type: 'boolean',
    default: true,
    markdownDescription: 'Scan files for secrets, plain HTTP, weak TLS and logged bodies.',
  },
  scanOnType: {
    type: 'boolean',
    default: true,
    markdownDescription:
      'Re-scan an open file as you type (debounced by `#auditReady.debounceMs#`).',
  },
  scanOnSave: {
    type: 'boolean',
    default: true,
    markdownDescription: 'Re-scan a file when it is saved.',
  },
  scanOnOpen: {
    type: 'boolean',
    default: true,
    markdownDescription: 'Scan a file when it is opened.',
  },
  debounceMs: {
    type: 'number',
    default: 150,
    minimum: 0,
    maximum: 5000,
    markdownDescription: 'Milliseconds to wait after the last keystroke before re-scanning.',
  },
  scanWorkspaceOnOpen: {
    type: 'boolean',
    default: true,
    markdownDescription:
      'Scan the whole workspace when it opens, if it has at most `#auditReady.autoScanMaxFiles#` files.',
  },
  watchFiles: {
    type: 'boolean',
    default: true,
    markdownDescription:
      'Re-scan files changed on disk (by git, a formatter, another tool) after a workspace scan.',
  },
  autoScanMaxFiles: {
    type: 'number',
    default: 20000,
    minimum: 0,
    markdownDescription: 'Largest workspace (files to scan) that is scanned automatically on open.',
  },
  families: {
    type: 'object',
    default: { secrets: true, 'insecure-http': true, 'weak-tls': true, 'body-logging': true },
    properties: Object.fromEntries(FAMILIES.map((f) => [f, { type: 'boolean' }])),
    additionalProperties: false,
    markdownDescription: 'Turn whole risk families on or off.',
  },
  severityOverrides: {
    type: 'object',
    default: {},
    additionalProperties: { type: 'string', enum: SEVERITY_ENUM },
    markdownDescription:
      'Re-grade or turn off rules for you: keys are rule ids (`weak-tls/node-reject-unauthorized`), `family/*` or a family; values off, error, warning or info. Applied on top of `.auditready.jsonc`.',
  },
  exclude: {
    type: 'array',
    default: [],
    items: { type: 'string' },
    markdownDescription:
      'Globs (relative to the workspace folder) of files never scanned, on top of `.auditready.jsonc` and `.gitignore`.',
  },
  maxFileSize: {
    type: 'number',
    default: 1048576,
    minimum: 1,
    markdownDescription:
      'Files larger than this many bytes are skipped (`maxFileSize` in `.auditready.jsonc` wins).',
  },
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;

/** Settings a workspace must not control in Restricted Mode (they could silence findings). */
export const RESTRICTED_SETTINGS: readonly SettingKey[] = [
  'enable',
  'families',
  'severityOverrides',
  'exclude',
  'maxFileSize',
];

/** Normalised settings: every value present and of the right type, whatever the user wrote. */
export interface Settings {
  enable: boolean;
  scanOnType: boolean;
  scanOnSave: boolean;
  scanOnOpen: boolean;
  debounceMs: number;
  scanWorkspaceOnOpen: boolean;
  watchFiles: boolean;
  autoScanMaxFiles: number;
  families: Record<Family, boolean>;
  severityOverrides: Record<string, RuleSetting>;
  exclude: string[];
  maxFileSize: number;
}

/** Reads one raw value; the adapter passes `WorkspaceConfiguration.get`. */
export type RawGetter = (key: SettingKey) => unknown;

function bool(v: unknown, d: boolean): boolean {
  return typeof v === 'boolean' ? v : d;
}

function num(v: unknown, d: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : d;
}

/** Turns raw setting values into safe, typed ones (bad values fall back to defaults). */
export function normaliseSettings(get: RawGetter): Settings {
  const d = SETTING_SCHEMAS;
  const rawFamilies = get('families');
  const families = Object.fromEntries(
    FAMILIES.map((f) => [f, bool((rawFamilies as Record<string, unknown> | undefined)?.[f], true)]),
  ) as Record<Family, boolean>;
  const rawOverrides = get('severityOverrides');
  const severityOverrides: Record<string, RuleSetting> = {};
  if (rawOverrides && typeof rawOverrides === 'object') {
    for (const [k, v] of Object.entries(rawOverrides)) {
      if (typeof v === 'string' && SEVERITY_ENUM.includes(v))
        severityOverrides[k] = v as RuleSetting;
    }
  }
  const rawExclude = get('exclude');
  return {
    enable: bool(get('enable'), d.enable.default),
    scanOnType: bool(get('scanOnType'), d.scanOnType.default),
    scanOnSave: bool(get('scanOnSave'), d.scanOnSave.default),
    scanOnOpen: bool(get('scanOnOpen'), d.scanOnOpen.default),
    debounceMs: num(get('debounceMs'), d.debounceMs.default, 0, 5000),
    scanWorkspaceOnOpen: bool(get('scanWorkspaceOnOpen'), d.scanWorkspaceOnOpen.default),
    watchFiles: bool(get('watchFiles'), d.watchFiles.default),
    autoScanMaxFiles: num(get('autoScanMaxFiles'), d.autoScanMaxFiles.default, 0),
    families,
    severityOverrides,
    exclude: Array.isArray(rawExclude)
      ? rawExclude.filter((x): x is string => typeof x === 'string')
      : [],
    maxFileSize: num(get('maxFileSize'), d.maxFileSize.default, 1),
  };
}

/** The full setting id, e.g. `auditReady.debounceMs`. */
export function settingId(key: SettingKey): string {
  return `${SETTINGS_SECTION}.${key}`;
}
