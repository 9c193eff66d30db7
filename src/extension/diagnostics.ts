import * as vscode from 'vscode';
import { toDiagnostic } from './convert';
import type { FindingsStore } from './store';

/** The link behind a diagnostic's rule id: the rule's page shipped with the extension. */
export function ruleDocsUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

/**
 * Publishes the store's findings to the one `DiagnosticCollection` (the Problems panel and
 * squiggles). Only the files named by a change are re-published.
 */
export function registerDiagnostics(
  store: FindingsStore,
  extensionUri: vscode.Uri,
): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('auditReady');
  const docs = (ruleId: string): vscode.Uri => ruleDocsUri(extensionUri, ruleId);
  const publish = (uri: vscode.Uri): void => {
    const findings = store.get(uri);
    if (findings.length === 0) collection.delete(uri);
    else
      collection.set(
        uri,
        findings.map((f) => toDiagnostic(f, docs)),
      );
  };
  const listener = store.onDidChange((change) => {
    if (change.all) collection.clear();
    for (const uri of change.uris) publish(uri);
  });
  return vscode.Disposable.from(collection, listener);
}
