import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitInit, type TreeInfo } from './generate';

/**
 * Popular npm packages: a realistic mix of hand-written JS/TS, type declarations, JSON and
 * Markdown. Fetched with `npm pack` (the ordinary client) once, into the git-ignored cache.
 */
export const REAL_PACKAGES = [
  'typescript@5.6.3',
  'lodash@4.17.21',
  'moment@2.30.1',
  'date-fns@3.6.0',
  'rxjs@7.8.1',
  '@babel/core@7.25.2',
  '@babel/parser@7.25.6',
  '@babel/traverse@7.25.6',
  'webpack@5.94.0',
  'eslint@9.10.0',
  'react-dom@18.3.1',
  'react@18.3.1',
  'three@0.168.0',
  'axios@1.7.7',
  'express@4.21.0',
  'ajv@8.17.1',
  'core-js@3.38.1',
  'zod@3.23.8',
  'vue@3.5.4',
  'graphql@16.9.0',
  'mongoose@8.6.2',
  'sequelize@6.37.3',
  'knex@3.1.0',
  'pg@8.12.0',
  'mysql2@3.11.2',
  'socket.io@4.7.5',
  'prettier@3.3.3',
  'chart.js@4.4.4',
  'd3@7.9.0',
  'jquery@3.7.1',
  '@types/node@22.5.5',
  'rollup@4.21.3',
  'terser@5.32.0',
  'acorn@8.12.1',
  'undici@6.19.8',
  'googleapis-common@7.2.0',
  'firebase-admin@12.5.0',
  'stripe@16.10.0',
  '@aws-sdk/client-s3@3.651.1',
  'aws-sdk@2.1691.0',
  'pdfjs-dist@4.6.82',
  'monaco-editor@0.51.0',
  'luxon@3.5.0',
  'yargs@17.7.2',
];

/** Folder names the scanner skips as vendored or build output: renamed so every file is read. */
const SKIPPED_DIRS = new Set([
  'node_modules',
  'vendor',
  'third_party',
  'dist',
  'build',
  'out',
  'target',
  'coverage',
  '.git',
]);
const DROP =
  /(?:[.-]min\.(?:js|mjs|cjs|css)|\.map|\.png|\.jpe?g|\.gif|\.ico|\.woff2?|\.ttf|\.eot|\.wasm|\.node|\.gz|\.zip|\.pdf|\.bcmap|\.pfb|\.lock)$/i;
const MAX_BYTES = 1024 * 1024;

function looksMinified(text: string): boolean {
  if (text.length < 1024) return false;
  const lines = text.split('\n');
  return text.length / lines.length > 300 || lines.some((l) => l.length > 20_000);
}

/** Keeps a file only if every tool must read it: text, not minified, under 1 MB. */
function keep(file: string): boolean {
  if (DROP.test(file)) return false;
  const data = fs.readFileSync(file);
  if (data.length > MAX_BYTES || data.length === 0 || data.subarray(0, 8192).includes(0))
    return false;
  const text = data.toString('utf8');
  if (text.includes('\uFFFD')) return false;
  return !(/\.(?:m?js|cjs|css)$/.test(file) && looksMinified(text));
}

function prune(dir: string, info: TreeInfo): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    let full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIPPED_DIRS.has(e.name)) {
        fs.renameSync(full, `${full}_`);
        full = `${full}_`;
      }
      prune(full, info);
    } else if (!e.isFile() || !keep(full)) {
      fs.rmSync(full, { force: true });
    } else {
      info.files++;
      info.bytes += fs.statSync(full).size;
    }
  }
}

/** Unpacked real packages under `dir`, minified/binary/over-1-MB files removed; cached. */
export function ensureRealTree(dir: string): TreeInfo {
  const marker = path.join(dir, '.bench-tree.json');
  if (fs.existsSync(marker)) return JSON.parse(fs.readFileSync(marker, 'utf8')) as TreeInfo;
  const tarballs = path.join(path.dirname(dir), 'tarballs');
  fs.mkdirSync(tarballs, { recursive: true });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const spec of REAL_PACKAGES) {
    // npm pack names `@scope/name@1.2.3` scope-name-1.2.3.tgz.
    const name = spec
      .replace(/^@/, '')
      .replace('/', '-')
      .replace(/@([^@]+)$/, '-$1');
    const tgz = path.join(tarballs, `${name}.tgz`);
    if (!fs.existsSync(tgz))
      execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', tarballs]);
    const dest = path.join(dir, name);
    fs.mkdirSync(dest, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', dest, '--no-same-owner']);
  }
  const info: TreeInfo = { root: dir, files: 0, bytes: 0, planted: {} };
  prune(dir, info);
  gitInit(dir);
  fs.writeFileSync(marker, JSON.stringify(info, null, 2));
  return info;
}
