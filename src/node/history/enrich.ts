import type { HistoryFinding } from '../../engine/history';
import { scanText } from '../../engine/scan';
import { historyRules } from '../../engine/history';
import { readBlobs } from './catFile';
import { runGit } from './gitProcess';

/** Findings beyond this many are not looked up in refs (one git call each). */
const MAX_REF_LOOKUPS = 50;

/**
 * Adds to each history finding whether the value is still in the file at HEAD, and which
 * branches and tags contain the commit that introduced it.
 */
export async function enrichFindings(root: string, findings: HistoryFinding[], withRefs: boolean): Promise<void> {
  const headHashes = new Map<string, Set<string>>();
  const paths = [...new Set(findings.map((f) => f.introduced.path))];
  const blobs = await readBlobs(root, paths.map((p) => `HEAD:${p}`));
  for (const path of paths) {
    const text = blobs.get(`HEAD:${path}`) ?? '';
    headHashes.set(path, new Set(scanText(text, path, { rules: historyRules() }).map((f) => f.valueHash)));
  }
  findings.forEach((f, i) => {
    f.inHead = headHashes.get(f.introduced.path)?.has(f.valueHash) ?? false;
    if (!withRefs || i >= MAX_REF_LOOKUPS) delete f.refs;
  });
  if (!withRefs) return;
  for (const f of findings.slice(0, MAX_REF_LOOKUPS)) {
    const out = await runGit(root, [
      'for-each-ref',
      '--contains',
      f.introduced.commit,
      '--format=%(refname:short)',
      'refs/heads',
      'refs/tags',
      'refs/remotes',
    ]).catch(() => '');
    f.refs = out.split('\n').filter(Boolean).slice(0, 20);
  }
}
