import * as path from 'node:path';
import { lineStarts, scanText, toPosition, type Finding, type ScanOptions } from '../engine';
import { readForScan } from './readForScan';
import type { FileOutcome, LocatedFinding, ScanJobSettings } from './types';

/** Prepared once per worker (or per in-thread scan): the settings plus the baseline as a set. */
export interface FileScanner {
  scan(relPath: string): Promise<FileOutcome>;
}

/** Attaches 0-based line/column to findings (the text is dropped afterwards). */
export function locate(findings: Finding[], text: string, relPath: string): LocatedFinding[] {
  if (findings.length === 0) return [];
  const starts = lineStarts(text);
  return findings.map((f) => {
    const s = toPosition(starts, f.start);
    const e = toPosition(starts, f.end);
    return {
      ...f,
      path: relPath,
      line: s.line,
      column: s.character,
      endLine: e.line,
      endColumn: e.character,
    };
  });
}

/** A scanner that reads, checks and scans files one at a time; never throws. */
export function createFileScanner(settings: ScanJobSettings): FileScanner {
  const baseline = new Set(settings.baseline);
  const options: ScanOptions = {
    config: settings.config,
    baseline,
    includeSuppressed: settings.includeSuppressed,
    today: settings.today,
  };
  return {
    async scan(relPath) {
      const abs = path.join(settings.root, ...relPath.split('/'));
      const read = readForScan(abs, relPath, settings.config.maxFileSize);
      if ('skip' in read) return { kind: 'skipped', skipped: { path: relPath, ...read.skip } };
      try {
        // The language the read already worked out from the path (scanText would again).
        options.language = read.language;
        options.asciiBytes = read.ascii;
        const findings = locate(scanText(read.text, relPath, options), read.text, relPath);
        return { kind: 'scanned', result: { path: relPath, findings }, bytes: read.bytes };
      } catch (err) {
        // A rule bug must cost one file, not the whole scan; the error is reported with it.
        const message = err instanceof Error ? err.message : String(err);
        return {
          kind: 'scanned',
          result: { path: relPath, findings: [], error: message },
          bytes: read.bytes,
        };
      }
    },
  };
}
