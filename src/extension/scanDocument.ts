import {
  CONFIG_FILE,
  isPathIncluded,
  languageFromEditor,
  scanText,
  type ScanOptions,
} from '../engine';
import { locateInDocument, type OffsetDocument, type StoredFinding } from './convert';
import type { FolderState } from './folderConfigs';
import { INCREMENTAL_MIN_CHARS, IncrementalState } from './incremental';

/** The part of `vscode.TextDocument` a scan needs (the benchmark passes a fake one). */
export interface ScannableDocument extends OffsetDocument {
  readonly languageId: string;
  getText(): string;
}

/** Why a document was not scanned; undefined when it was. */
export type NotScanned = 'excluded' | 'gitignored' | 'too-large' | 'config-file';

/** The result of scanning a document: located findings, and the state for the next rescan. */
export interface DocumentScan {
  findings: StoredFinding[];
  incremental?: IncrementalState;
  skipped?: NotScanned;
}

function whyNotScanned(
  relPath: string,
  length: number,
  state: FolderState,
): NotScanned | undefined {
  if (relPath === CONFIG_FILE || relPath.endsWith(`/${CONFIG_FILE}`)) return 'config-file';
  // Characters, not bytes: a cheap lower bound that never blocks the editor on a huge file.
  if (length > state.config.maxFileSize) return 'too-large';
  if (state.folder && !isPathIncluded(state.config, relPath)) return 'excluded';
  if (state.folder && state.isGitignored(relPath)) return 'gitignored';
  return undefined;
}

/**
 * Scans an open document's current text with its folder's config: the synchronous core of
 * live diagnostics, shared by the editor events, the code actions and the benchmark.
 * With `previous` (edits applied since) a large document is re-scanned only around the
 * edited lines; otherwise the whole text is scanned.
 */
export function scanDocument(
  doc: ScannableDocument,
  relPath: string,
  state: FolderState,
  today: string,
  previous?: IncrementalState,
): DocumentScan {
  const text = doc.getText();
  const skipped = whyNotScanned(relPath, text.length, state);
  if (skipped) return { findings: [], skipped };
  const options: ScanOptions = {
    config: state.config,
    baseline: state.baseline,
    language: languageFromEditor(doc.languageId, relPath),
    today,
  };
  const incremental =
    previous && text.length >= INCREMENTAL_MIN_CHARS
      ? previous
      : new IncrementalState(scanText(text, relPath, options));
  const raw =
    incremental === previous ? previous.rescan(text, relPath, options) : incremental.findings;
  return { findings: locateInDocument(doc, relPath, raw), incremental };
}
