import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  BASELINE_FILE,
  CONFIG_FILE,
  defaultConfig,
  parseBaseline,
  parseConfig,
  type AuditReadyConfig,
  type ConfigProblem,
} from '../engine';

/** A loaded config: the normalised settings, the problems found, and where it came from. */
export interface LoadedConfig {
  config: AuditReadyConfig;
  problems: ConfigProblem[];
  /** Absolute path of the file read; undefined when there is none (defaults apply). */
  path?: string;
  /** The file's text, so problems (offsets) can be shown as line:column. */
  text?: string;
}

/** Reads `<root>/.auditready.jsonc`; a missing file means defaults, a broken one means problems. */
export function loadFolderConfig(root: string): Promise<LoadedConfig> {
  return loadConfigFile(path.join(root, CONFIG_FILE), true);
}

/**
 * Reads a config file. Never throws: an unreadable file is one problem and defaults apply,
 * a file with errors applies what is valid (the scan must go on).
 */
export async function loadConfigFile(file: string, optional = false): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (optional && code === 'ENOENT') return { config: defaultConfig(), problems: [] };
    return {
      config: defaultConfig(),
      problems: [{ offset: 0, length: 0, message: `Cannot read ${file}: ${code ?? String(err)}` }],
      path: file,
    };
  }
  const { config, problems } = parseConfig(text);
  return { config, problems, path: file, text };
}

/**
 * Reads a baseline (default `<root>/.auditready/baseline.json`). A missing file is an empty
 * baseline without error; a broken one is an empty baseline with an error message.
 */
export async function loadBaseline(
  root: string,
  file?: string,
): Promise<{ fingerprints: Set<string>; error?: string }> {
  const target = file ? path.resolve(root, file) : path.join(root, ...BASELINE_FILE.split('/'));
  let text: string;
  try {
    text = await fs.readFile(target, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!file && code === 'ENOENT') return { fingerprints: new Set() };
    return {
      fingerprints: new Set(),
      error: `Cannot read baseline ${target}: ${code ?? String(err)}`,
    };
  }
  const parsed = parseBaseline(text);
  return parsed.error ? { ...parsed, error: `${target}: ${parsed.error}` } : parsed;
}
