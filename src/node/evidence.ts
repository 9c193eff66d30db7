import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { defaultConfig } from '../engine/config';
import { isPlaceholder } from '../engine/heuristics';
import {
  credentialHashes,
  detectEvidence,
  environmentOf,
  isEvidenceFile,
  sharedCredentials,
} from '../engine/roadmap/detect';
import { POLICY_FOLDER, POLICY_IDS, policyState } from '../engine/roadmap/policies';
import type { Evidence } from '../engine/roadmap/model';
import type { Family } from '../engine/types';
import { runGit, splitNul } from './git';
import { listFiles } from './walk';

/** Files larger than this are not read for evidence (manifests and configs are small). */
const MAX_EVIDENCE_BYTES = 512 * 1024;

export interface EvidenceInput {
  /** Unsuppressed working-tree findings per family, if a scan has run. */
  findings?: Record<Family, number>;
  history?: Evidence['history'];
  /** Folder-relative files (default: listed like a scan). */
  files?: string[];
  /** Untrusted workspace: run no git. */
  untrusted?: boolean;
}

async function readSmall(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_EVIDENCE_BYTES) return undefined;
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Gathers what the roadmap can see in a folder: manifests, configs, policies, .env state. */
export async function collectEvidence(root: string, input: EvidenceInput = {}): Promise<Evidence> {
  const files = input.files ?? (await listFiles(root, defaultConfig(), { useGit: !input.untrusted })).files;
  const evidence: Evidence = {
    findings: input.findings,
    history: input.history,
    trackedEnvFiles: [],
    seen: { 'request-logging': [], 'rate-limiting': [], 'secret-manager': [], 'per-environment-config': [] },
    environments: { files: [], sharedCredentials: [] },
    policies: Object.fromEntries(POLICY_IDS.map((p) => [p, 'missing'])) as Evidence['policies'],
    policyPlaceholders: {},
    questionnaireDraft: false,
  };
  for (const rel of files.filter(isEvidenceFile)) {
    const text = await readSmall(path.join(root, rel));
    if (text === undefined) continue;
    for (const { key, source } of detectEvidence(rel, text)) {
      if (!evidence.seen[key].includes(source)) evidence.seen[key].push(source);
    }
  }
  await collectEnvironments(root, files, evidence);
  for (const policy of POLICY_IDS) {
    const { state, placeholders } = policyState(await readSmall(path.join(root, POLICY_FOLDER, `${policy}.md`)));
    evidence.policies[policy] = state;
    if (placeholders > 0) evidence.policyPlaceholders[policy] = placeholders;
  }
  evidence.questionnaireDraft = (await readSmall(path.join(root, POLICY_FOLDER, 'questionnaire-answers.md'))) !== undefined;
  if (!input.untrusted) await collectGitState(root, evidence);
  return evidence;
}

/** Per-environment config files (ignored `.env.*` on disk included) compared by value hash. */
async function collectEnvironments(root: string, files: string[], evidence: Evidence): Promise<void> {
  const candidates = new Set(files.filter((f) => environmentOf(f) !== undefined));
  for (const name of await fs.readdir(root).catch(() => [] as string[])) {
    if (environmentOf(name)) candidates.add(name);
  }
  const parsed: { path: string; env: string; hashes: Map<string, string> }[] = [];
  for (const rel of [...candidates].sort()) {
    const text = await readSmall(path.join(root, rel));
    if (text === undefined) continue;
    parsed.push({ path: rel, env: environmentOf(rel) ?? '', hashes: credentialHashes(text) });
  }
  evidence.environments.files = parsed.map((p) => p.path);
  evidence.environments.sharedCredentials = sharedCredentials(parsed);
  if (parsed.length >= 2) evidence.seen['per-environment-config'] = parsed.map((p) => p.path);
}

/** `.env` ignored? Tracked `.env` files that hold values? (git only; never in untrusted mode) */
async function collectGitState(root: string, evidence: Evidence): Promise<void> {
  const isRepo = await runGit(['rev-parse', '--git-dir'], root);
  if (!isRepo) return;
  evidence.envIgnored = (await runGit(['check-ignore', '-q', '.env'], root)) !== undefined;
  const tracked = await runGit(['ls-files', '-z', '--cached'], root);
  const envFiles = tracked ? splitNul(tracked).filter(isDotenvWithValues) : [];
  for (const rel of envFiles) {
    const text = await readSmall(path.join(root, rel));
    if (text !== undefined && hasRealValues(text)) evidence.trackedEnvFiles.push(rel);
  }
}

function isDotenvWithValues(rel: string): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase();
  return (name === '.env' || name.startsWith('.env.')) && !/\.(example|sample|template|dist|defaults?)$/.test(name);
}

/** A secret-like `KEY=value` whose value is not empty, a placeholder or a reference. */
function hasRealValues(text: string): boolean {
  return text.split('\n').some((line) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*["']?([^"'#\s]*)/.exec(line);
    if (m === null || !/pass|secret|token|key|credential|dsn|auth/i.test(m[1])) return false;
    return m[2].length > 0 && !isPlaceholder(m[2]) && !m[2].startsWith('$');
  });
}
