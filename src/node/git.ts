import { spawn } from 'node:child_process';

/**
 * Runs `git` with arguments (never through a shell) and returns its stdout, or undefined when
 * git is missing, the folder is not a repository, or the command fails. Callers fall back.
 */
export function runGit(args: string[], cwd: string): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', args, {
        cwd,
        stdio: ['ignore', 'pipe', 'ignore'],
        // No lock files taken, no pager, no prompts: a scan must never disturb the repository.
        env: {
          ...process.env,
          GIT_OPTIONAL_LOCKS: '0',
          GIT_TERMINAL_PROMPT: '0',
          GIT_PAGER: 'cat',
        },
      });
    } catch {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks) : undefined));
  });
}

/** Splits `-z` output into paths. */
export function splitNul(out: Buffer): string[] {
  return out
    .toString('utf8')
    .split('\0')
    .filter((p) => p.length > 0);
}

/** Files git sees in `cwd` (tracked plus untracked-not-ignored), relative to `cwd`; undefined outside git. */
export async function gitListFiles(cwd: string): Promise<string[] | undefined> {
  const out = await runGit(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], cwd);
  return out ? [...new Set(splitNul(out))] : undefined;
}

/** Ignored untracked entries (folders collapsed, with a trailing slash), relative to `cwd`. */
export async function gitIgnoredEntries(cwd: string): Promise<string[]> {
  const out = await runGit(
    [
      'ls-files',
      '-z',
      '--others',
      '--ignored',
      '--exclude-standard',
      '--directory',
      '--no-empty-directory',
    ],
    cwd,
  );
  return out ? splitNul(out) : [];
}

/** The repository's top folder, or undefined outside git. */
export async function gitTopLevel(cwd: string): Promise<string | undefined> {
  const out = await runGit(['rev-parse', '--show-toplevel'], cwd);
  return out ? out.toString('utf8').trim() : undefined;
}

/** Staged files (added, copied, modified, renamed), relative to the repository's top folder. */
export async function gitStagedFiles(cwd: string): Promise<string[] | undefined> {
  const out = await runGit(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'], cwd);
  return out ? splitNul(out) : undefined;
}
