import * as assert from 'node:assert/strict';
import type { CliIo } from '../../src/cli/io';
import { startProgress } from '../../src/cli/progress';

function io(stderrIsTTY: boolean): CliIo & { err: () => string } {
  let err = '';
  return {
    stdout: { write: () => undefined },
    stderr: { write: (s: string) => (err += s) },
    cwd: '/',
    env: {},
    isTTY: false,
    stderrIsTTY,
    err: () => err,
  };
}

describe('cli: progress line', () => {
  it('shows a throttled progress line on a terminal for long scans, then clears it', () => {
    let t = 0;
    const tty = io(true);
    const progress = startProgress(tty, () => t);
    progress.update(1, 100);
    assert.equal(tty.err(), '', 'nothing for short scans');
    t = 500;
    progress.update(40, 100);
    t = 550;
    progress.update(41, 100);
    t = 700;
    progress.update(90, 100);
    progress.done();
    assert.equal(
      tty.err(),
      '\r\u001b[Kscanning 40/100 files (40%)\r\u001b[Kscanning 90/100 files (90%)\r\u001b[K',
    );
  });

  it('prints nothing when stderr is not a terminal', () => {
    let t = 0;
    const pipe = io(false);
    const progress = startProgress(pipe, () => t);
    t = 5000;
    progress.update(50, 100);
    progress.done();
    assert.equal(pipe.err(), '');
  });
});
