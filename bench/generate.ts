import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Prng } from './prng';
import { EXT, fileText, LANG_MIX, PLANTS } from './templates';

/** What the generated tree holds; written next to it, so it is regenerated only when missing. */
export interface TreeInfo {
  root: string;
  files: number;
  bytes: number;
  /** Planted findings per family (a sanity check on the scan, not an accuracy figure). */
  planted: Record<string, number>;
}

const SEED = 20260101;
const FILES = 24_000;
const MARKER = '.bench-tree.json';

/**
 * A deterministic mixed-language tree of ≥ 20,000 files / ≥ 150 MB under `dir`, with planted
 * findings in one JS/TS file in ten. Made a git repository of its own so the scanner's
 * `git ls-files` walk sees it (bench/.cache/ is ignored by the project's .gitignore).
 */
export function ensureGeneratedTree(dir: string): TreeInfo {
  const marker = path.join(dir, MARKER);
  if (fs.existsSync(marker)) return JSON.parse(fs.readFileSync(marker, 'utf8')) as TreeInfo;
  fs.rmSync(dir, { recursive: true, force: true });
  const r = new Prng(SEED);
  const info: TreeInfo = { root: dir, files: 0, bytes: 0, planted: {} };
  for (let i = 0; i < FILES; i++) {
    const lang = r.pick(LANG_MIX);
    const big = r.next() < 0.15;
    const bytes = big ? r.int(10_000, 30_000) : r.int(2_000, 10_000);
    const plant = (lang === 'ts' || lang === 'js') && r.next() < 0.1 ? r.pick(PLANTS) : undefined;
    if (plant) info.planted[plant.family] = (info.planted[plant.family] ?? 0) + 1;
    const text = fileText(r, lang, bytes, plant?.line);
    const rel = path.join(
      `service-${String(i % 40).padStart(2, '0')}`,
      `module-${i % 97}`,
      `${i}.${EXT[lang]}`,
    );
    fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
    info.files++;
    info.bytes += Buffer.byteLength(text);
  }
  gitInit(dir);
  fs.writeFileSync(marker, JSON.stringify(info, null, 2));
  return info;
}

/** An empty repository with the marker and the secretlint config ignored: a plain folder to git. */
export function gitInit(dir: string): void {
  fs.writeFileSync(path.join(dir, '.gitignore'), `${MARKER}\n.secretlintrc.json\n.gitignore\n`);
  execFileSync('git', ['init', '-q', dir]);
}
