import { isPathIncluded, type AuditReadyConfig } from '../engine';
import { isLockFile } from '../engine/heuristics';
import type { SkipReason } from './types';

/**
 * Skips decided from a path alone (no I/O), so the walker can prune before anything is read.
 * Content-based skips (binary, minified text, size, encoding) live in `readForScan.ts`.
 */

/** Folders of third-party or tool-managed code: scanning them reports other people's problems. */
export const VENDORED_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'third_party',
  'third-party',
  'thirdparty',
  '.git',
  '.hg',
  '.svn',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.gradle',
  '.terraform',
  'Pods',
  '.yarn',
  '.pnpm-store',
  '.next',
  '.nuxt',
  '.vscode-test',
]);

/** Build output folders: generated from sources that are scanned themselves. */
export const GENERATED_DIRS: ReadonlySet<string> = new Set([
  'dist',
  'build',
  'out',
  'target',
  'coverage',
]);

const GENERATED_FILE =
  /(?:\.generated\.[^/]+|\.g\.dart|_pb2(?:_grpc)?\.pyi?|\.pb\.go|\.pb\.(?:cc|h)|\.designer\.cs|\.min\.map|\.js\.map|\.css\.map)$/i;
const MINIFIED_FILE = /[.-]min\.(?:js|mjs|cjs|css)$/i;

/** File types that are never text: skipped as binary without reading them. */
const BINARY_EXT = new Set(
  (
    'png jpg jpeg gif bmp ico webp tiff avif psd pdf zip gz tgz bz2 xz 7z rar jar war ear class ' +
    'so dll dylib exe bin o a lib obj woff woff2 ttf otf eot mp3 mp4 m4a wav ogg webm mov avi ' +
    'sqlite db pyc pyo wasm node dat pkl npy npz parquet onnx pt'
  ).split(' '),
);

export interface PathSkip {
  reason: SkipReason;
  detail?: string;
  /** For folder-level skips: the folder (with a trailing slash) that is skipped as a whole. */
  dir?: string;
}

/** The folder segment (`a/node_modules/`) that makes a path vendored or generated, if any. */
export function skippedDir(relPath: string): PathSkip | undefined {
  const parts = relPath.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    if (VENDORED_DIRS.has(parts[i]))
      return { reason: 'vendored', dir: folderOf(parts, i), detail: `${parts[i]}/ folder` };
    if (GENERATED_DIRS.has(parts[i]))
      return { reason: 'generated', dir: folderOf(parts, i), detail: `${parts[i]}/ build output` };
  }
  return undefined;
}

/** The folder path `a/b/` of the first `i + 1` segments (built only for a skipped folder). */
function folderOf(parts: readonly string[], i: number): string {
  return `${parts.slice(0, i + 1).join('/')}/`;
}

/** Why a file is skipped from its name and the config alone; undefined when it is scanned. */
export function skipByPath(relPath: string, config: AuditReadyConfig): PathSkip | undefined {
  const dirSkip = skippedDir(relPath);
  if (dirSkip) return dirSkip;
  if (!isPathIncluded(config, relPath))
    return { reason: 'excluded', detail: 'config include/exclude' };
  if (isLockFile(relPath)) return { reason: 'lock-file' };
  if (MINIFIED_FILE.test(relPath)) return { reason: 'minified', detail: 'file name' };
  if (GENERATED_FILE.test(relPath)) return { reason: 'generated', detail: 'file name' };
  const dot = relPath.lastIndexOf('.');
  if (dot > relPath.lastIndexOf('/') && BINARY_EXT.has(relPath.slice(dot + 1).toLowerCase())) {
    return { reason: 'binary', detail: 'file type' };
  }
  return undefined;
}
