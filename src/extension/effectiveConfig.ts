import { DEFAULT_MAX_FILE_SIZE, FAMILIES, type AuditReadyConfig } from '../engine';
import type { Settings } from './settings';

/**
 * The config a scan uses: the folder's `.auditready.jsonc` with the user's settings on top.
 * In Restricted Mode the workspace's file may re-grade rules but not hide anything: rules it
 * turns off, its include/exclude globs, its allowlists and the baseline are ignored there.
 * Pure, so it is unit-tested without VS Code.
 */
export function effectiveConfig(
  file: AuditReadyConfig,
  settings: Settings,
  trusted: boolean,
): AuditReadyConfig {
  const rules = { ...file.rules };
  if (!trusted) {
    for (const [id, value] of Object.entries(rules)) if (value === 'off') delete rules[id];
  }
  for (const family of FAMILIES) {
    if (settings.families[family]) continue;
    for (const id of Object.keys(rules))
      if (id === family || id.startsWith(`${family}/`)) delete rules[id];
    rules[family] = 'off';
  }
  for (const [id, value] of Object.entries(settings.severityOverrides)) {
    const family = id.split('/')[0];
    if (settings.families[family as keyof Settings['families']] === false) continue;
    rules[id] = value;
  }
  return {
    include: trusted ? [...file.include] : [],
    exclude: [...(trusted ? file.exclude : []), ...settings.exclude],
    rules,
    allow: trusted
      ? {
          hosts: [...file.allow.hosts],
          fingerprints: [...file.allow.fingerprints],
          paths: [...file.allow.paths],
        }
      : { hosts: [], fingerprints: [], paths: [] },
    history: { ...file.history, refs: [...file.history.refs] },
    maxFileSize:
      file.maxFileSize !== DEFAULT_MAX_FILE_SIZE ? file.maxFileSize : settings.maxFileSize,
  };
}

/** A folder-relative path with forward slashes, or undefined when `path` is outside `root`. */
export function relativeTo(root: string, path: string): string | undefined {
  const base = root.replace(/\/+$/, '');
  if (!path.startsWith(`${base}/`)) return undefined;
  return path.slice(base.length + 1);
}
