import {
  CONFIG_FILE,
  isPathIncluded,
  languageFromEditor,
  scanText,
} from '../engine';
import { locateInDocument, type OffsetDocument, type StoredFinding } from './convert';
import type { FolderState } from './folderConfigs';

/** The part of `vscode.TextDocument` a scan needs (the benchmark passes a fake one). */
export interface ScannableDocument extends OffsetDocument {
  readonly languageId: string;
  getText(): string;
}

/** Why a document was not scanned; undefined when it was. */
export type NotScanned = 'excluded' | 'gitignored' | 'too-large' | 'config-file';

/**
 * Scans an open document's current text with its folder's config: the synchronous core of
 * live diagnostics, shared by the editor events, the code actions and the benchmark.
 */
export function scanDocument(
  doc: ScannableDocument,
  relPath: string,
  state: FolderState,
  today: string,
): { findings: StoredFinding[]; skipped?: NotScanned } {
  const text = doc.getText();
  const skipped = whyNotScanned(relPath, text.length, state);
  if (skipped) return { findings: [], skipped };
  const raw = scanText(text, relPath, {
    config: state.config,
    baseline: state.baseline,
    language: languageFromEditor(doc.languageId, relPath),
    today,
  });
  return { findings: locateInDocument(doc, relPath, raw) };
}

function whyNotScanned(relPath: string, length: number, state: FolderState): NotScanned | undefined {
  if (relPath === CONFIG_FILE || relPath.endsWith(`/${CONFIG_FILE}`)) return 'config-file';
  // Characters, not bytes: a cheap lower bound that never blocks the editor on a huge file.
  if (length > state.config.maxFileSize) return 'too-large';
  if (state.folder && !isPathIncluded(state.config, relPath)) return 'excluded';
  if (state.folder && state.isGitignored(relPath)) return 'gitignored';
  return undefined;
}
