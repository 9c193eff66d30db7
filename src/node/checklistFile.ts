import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { CHECKLIST_FILE, emptyState, parseChecklist, serializeChecklist, type ChecklistState } from '../engine/roadmap';
import { runGit } from './git';
import { writeFileAtomic } from './atomicWrite';

/** The checklist state of a folder; `error` when the file exists but cannot be used. */
export interface LoadedChecklist {
  state: ChecklistState;
  error?: string;
  /** False when the file is malformed: it must not be overwritten without asking. */
  writable: boolean;
}

export async function loadChecklist(root: string): Promise<LoadedChecklist> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, CHECKLIST_FILE), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: emptyState(), writable: true };
    return { state: emptyState(), error: `cannot read ${CHECKLIST_FILE}: ${(e as Error).message}`, writable: false };
  }
  const parsed = parseChecklist(text);
  if (!parsed.state) return { state: emptyState(), error: parsed.error, writable: false };
  return { state: parsed.state, writable: true };
}

/** Writes the checklist atomically (stable order). Callers check `writable` first. */
export async function saveChecklist(root: string, state: ChecklistState): Promise<void> {
  await writeFileAtomic(path.join(root, CHECKLIST_FILE), serializeChecklist(state));
}

/** "Name <email>" from git config, for attestations; falls back to the OS user name. */
export async function whoAmI(root: string, allowGit = true): Promise<string> {
  if (allowGit) {
    const name = (await runGit(['config', 'user.name'], root))?.toString('utf8').trim();
    const email = (await runGit(['config', 'user.email'], root))?.toString('utf8').trim();
    if (name) return email ? `${name} <${email}>` : name;
  }
  return process.env.USER || process.env.USERNAME || 'unknown';
}
