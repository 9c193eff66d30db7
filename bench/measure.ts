import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** One timed run of a command: wall time, peak RSS (from /usr/bin/time) and exit status. */
export interface Run {
  ms: number;
  /** User + system CPU time: unlike wall time, barely inflated when the machine is loaded. */
  cpuMs: number;
  maxRssMb: number;
  status: number | null;
  stdoutFile: string;
}

const TIME = '/usr/bin/time';

/**
 * Runs `cmd` in `cwd` with stdout to a file, timed with hrtime and measured for peak RSS with
 * `/usr/bin/time -f '%M %U %S'` (peak resident set of the process, worker threads included,
 * and its CPU time).
 */
export function timed(cmd: string[], cwd: string, label: string): Run {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ar-bench-'));
  const stdoutFile = path.join(dir, `${label}.out`);
  const timeFile = path.join(dir, 'time.txt');
  const out = fs.openSync(stdoutFile, 'w');
  const err = fs.openSync(path.join(dir, `${label}.err`), 'w');
  const useTime = fs.existsSync(TIME);
  const argv = useTime ? [TIME, '-f', '%M %U %S', '-o', timeFile, ...cmd] : cmd;
  const t0 = process.hrtime.bigint();
  const res = spawnSync(argv[0], argv.slice(1), {
    cwd,
    stdio: ['ignore', out, err],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.closeSync(out);
  fs.closeSync(err);
  const [kb, user, sys] = useTime
    ? (fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() as string).split(' ').map(Number)
    : [NaN, NaN, NaN];
  return { ms, cpuMs: (user + sys) * 1000, maxRssMb: kb / 1024, status: res.status, stdoutFile };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Reads every file of a tree once (warms the page cache) and returns the read-only rate. */
export function readAll(root: string): { files: number; bytes: number; ms: number } {
  const t0 = process.hrtime.bigint();
  let files = 0;
  let bytes = 0;
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        bytes += fs.readFileSync(full).length;
        files++;
      }
    }
  };
  walk(root);
  return { files, bytes, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}
