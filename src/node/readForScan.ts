import { isAscii, isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import { languageOf, type LanguageId } from '../engine';
import type { SkippedFile } from './types';

/** Bytes inspected for a NUL (the same heuristic git and grep use for "binary"). */
const BINARY_PROBE = 8 * 1024;
/** Average line length above which JS/CSS is treated as minified (hand-written code stays far below). */
const MINIFIED_AVG_LINE = 300;
/** A single line this long in JS/CSS means a bundle, whatever the average. */
const MINIFIED_MAX_LINE = 20000;
/** Share of undecodable bytes above which a "text" file is really some binary format. */
const INVALID_UTF8_RATIO = 0.01;
/** Go's and protoc's convention for generated files, within the first lines. */
const GENERATED_HEADER = /^(?:\/\/|#) Code generated .{0,120}DO NOT EDIT\.?$/m;

/** A file read for scanning (with the language its path implies), or why it is skipped. */
export type ReadOutcome =
  | {
      text: string;
      bytes: number;
      language: LanguageId;
      /** The file's bytes when it is all ASCII (valid only until the next read on this thread). */
      ascii?: Uint8Array;
    }
  | { skip: Omit<SkippedFile, 'path'> };

/**
 * Reads a file for scanning, or says why it is skipped. Never throws: unreadable files,
 * symlink loops, FIFOs and broken encodings become skip reasons. Synchronous on purpose: it
 * runs on worker threads, and `fs.promises.readFile` is several times slower per file.
 */
export function readForScan(absPath: string, relPath: string, maxFileSize: number): ReadOutcome {
  let data: Buffer;
  try {
    data = readRegularFile(absPath, maxFileSize);
  } catch (err) {
    if (err instanceof SkipError) return { skip: err.skip };
    return { skip: errorSkip(err) };
  }
  const probe = data.subarray(0, BINARY_PROBE);
  if (probe.includes(0)) return { skip: { reason: 'binary', detail: 'NUL byte' } };
  const text = decode(data);
  if (text === undefined) return { skip: { reason: 'invalid-utf8', detail: 'not UTF-8 text' } };
  const lang = languageOf(relPath);
  if ((lang === 'javascript' || /\.css$/i.test(relPath)) && looksMinified(text)) {
    return { skip: { reason: 'minified', detail: 'very long lines' } };
  }
  if (GENERATED_HEADER.test(text.slice(0, 2048))) {
    return { skip: { reason: 'generated', detail: '"Code generated … DO NOT EDIT" header' } };
  }
  return { text, bytes: data.length, language: lang, ascii: isAscii(data) ? data : undefined };
}

class SkipError extends Error {
  constructor(readonly skip: Omit<SkippedFile, 'path'>) {
    super(skip.reason);
  }
}

/** The read buffer kept between files (larger ones get a buffer of their own). */
const KEPT_BUFFER = 1 << 20;
let readBuffer = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * Opens once (no stat/read race), refuses non-regular and oversized files before reading. The
 * bytes returned are only valid until the next call (the buffer is reused).
 */
function readRegularFile(absPath: string, maxFileSize: number): Buffer {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore the flag.
  const fd = fs.openSync(absPath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) {
      // git lists submodules and symlinks to folders as single entries; neither is followed.
      throw new SkipError({
        reason: 'unreadable',
        detail: 'a folder (git submodule or symlink): not followed',
      });
    }
    if (!stat.isFile()) {
      throw new SkipError({
        reason: 'unreadable',
        detail: 'not a regular file (FIFO, socket or device)',
      });
    }
    if (stat.size > maxFileSize) {
      throw new SkipError({
        reason: 'too-large',
        detail: `${stat.size} bytes > maxFileSize ${maxFileSize}`,
      });
    }
    // One buffer per thread, reused: a fresh one per file is external memory V8 counts towards
    // its next garbage collection (thousands of files meant many needless collections).
    if (readBuffer.length < stat.size) readBuffer = Buffer.allocUnsafeSlow(Math.max(stat.size, readBuffer.length * 2));
    const data = readBuffer;
    let read = 0;
    while (read < stat.size) {
      const n = fs.readSync(fd, data, read, stat.size - read, null);
      if (n === 0) break;
      read += n;
    }
    const view = data.subarray(0, read);
    // A one-off large file does not keep its buffer.
    if (readBuffer.length > KEPT_BUFFER) readBuffer = Buffer.allocUnsafeSlow(KEPT_BUFFER);
    return view;
  } finally {
    fs.closeSync(fd);
  }
}

/** A failed stat/read as a skip: loops are told apart, everything else is "unreadable". */
export function errorSkip(err: unknown): Omit<SkippedFile, 'path'> {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'error';
  if (code === 'ELOOP') return { reason: 'symlink-loop', detail: 'ELOOP' };
  if (code === 'ENOENT')
    return { reason: 'unreadable', detail: 'ENOENT (missing or broken symlink)' };
  return { reason: 'unreadable', detail: code };
}

/**
 * UTF-8 decode. A few stray bytes (a Latin-1 "é" in a comment) are replaced and the file is
 * still scanned — secrets are ASCII; a file that is mostly undecodable is skipped.
 */
function decode(data: Buffer): string | undefined {
  const text = data.toString('utf8');
  if (isUtf8(data)) return text;
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) bad++;
  return bad > Math.max(1, text.length * INVALID_UTF8_RATIO) ? undefined : text;
}

function looksMinified(text: string): boolean {
  if (text.length < 1024) return false;
  let lines = 1;
  let longest = 0;
  let last = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    lines++;
    longest = Math.max(longest, i - last);
    last = i + 1;
  }
  longest = Math.max(longest, text.length - last);
  return longest > MINIFIED_MAX_LINE || text.length / lines > MINIFIED_AVG_LINE;
}
