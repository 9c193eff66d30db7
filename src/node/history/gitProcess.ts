import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

/** Why git could not answer, in words a user can act on. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly kind: 'not-installed' | 'not-a-repo' | 'failed' | 'cancelled',
  ) {
    super(message);
  }
}

/** Options that keep git from running anything configured by the repository or the user. */
const SAFE_ARGS = ['-c', 'core.quotepath=false', '-c', 'diff.external=', '-c', 'core.fsmonitor=false'];

/** Runs git and returns its stdout; rejects with a GitError. Output is capped at `maxBytes`. */
export function runGit(cwd: string, args: string[], maxBytes = 64 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    streamGit(cwd, args, (chunk) => {
      if (out.length < maxBytes) out += chunk;
    }, (e) => (err += e))
      .then(() => resolve(out))
      .catch((e: unknown) => reject(e instanceof GitError ? e : new GitError(`${String(e)} ${err}`.trim(), 'failed')));
  });
}

/**
 * Streams git's stdout as decoded text (UTF-8; invalid bytes become U+FFFD, so a non-UTF-8
 * patch never stops the scan). Resolves when git exits 0.
 */
export function streamGit(
  cwd: string,
  args: string[],
  onData: (text: string) => void,
  onStderr?: (text: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...SAFE_ARGS, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
    });
    const decoder = new StringDecoder('utf8');
    let stderr = '';
    const abort = (): void => {
      child.kill('SIGTERM');
    };
    signal?.addEventListener('abort', abort, { once: true });
    child.stdout.on('data', (b: Buffer) => onData(decoder.write(b)));
    child.stderr.on('data', (b: Buffer) => {
      const s = b.toString('utf8');
      if (stderr.length < 8192) stderr += s;
      onStderr?.(s);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', abort);
      reject(
        e.code === 'ENOENT'
          ? new GitError('git is not installed (or not on PATH): history cannot be read', 'not-installed')
          : new GitError(`git could not be started: ${e.message}`, 'failed'),
      );
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', abort);
      const rest = decoder.end();
      if (rest) onData(rest);
      if (signal?.aborted) reject(new GitError('cancelled', 'cancelled'));
      else if (code === 0) resolve();
      else if (/not a git repository/i.test(stderr)) {
        reject(new GitError(`${cwd} is not a git repository: there is no history to scan`, 'not-a-repo'));
      } else reject(new GitError(`git ${args[0]} failed: ${stderr.trim().split('\n')[0] ?? code}`, 'failed'));
    });
  });
}
