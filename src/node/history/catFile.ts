import { spawn } from 'node:child_process';

/**
 * Reads many blobs (`HEAD:path`) through one `git cat-file --batch` process instead of one
 * `git show` per path: a rescan after one new commit must stay well under a second.
 * Missing objects come back as undefined; any failure yields an empty map.
 */
export function readBlobs(root: string, specs: string[]): Promise<Map<string, string>> {
  return new Promise((resolve) => {
    const result = new Map<string, string>();
    if (specs.length === 0) return resolve(result);
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.on('error', () => resolve(result));
    child.on('close', () => {
      parseBatch(Buffer.concat(chunks), specs, result);
      resolve(result);
    });
    child.stdin.end(specs.map((s) => s.replace(/\n/g, '')).join('\n') + '\n');
  });
}

/** `<sha> <type> <size>\n<content>\n` per found object, `<spec> missing\n` otherwise. */
function parseBatch(out: Buffer, specs: string[], into: Map<string, string>): void {
  let pos = 0;
  for (const spec of specs) {
    const nl = out.indexOf(10, pos);
    if (nl < 0) return;
    const header = out.subarray(pos, nl).toString('utf8');
    pos = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue;
    const size = Number(m[2]);
    if (m[1] === 'blob') into.set(spec, out.subarray(pos, pos + size).toString('utf8'));
    pos += size + 1;
  }
}
