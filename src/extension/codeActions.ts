import * as vscode from 'vscode';
import { isoDate, languageFromEditor, type Fix } from '../engine';
import { hostOf, isSecretFile, mergeFixAll } from './configEdit';
import { isDiagnosticOf, type StoredFinding } from './convert';
import { enginePath, type FolderConfigs } from './folderConfigs';
import { Cmd, DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from './ids';
import type { LiveScanner } from './liveScanner';
import { scanDocument } from './scanDocument';

const FIX_ALL = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND);

/** A finding's text edits as one WorkspaceEdit on the document (offsets of its current text). */
export function fixToWorkspaceEdit(
  doc: vscode.TextDocument,
  edits: Fix['edits'],
): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits)
    we.replace(
      doc.uri,
      new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)),
      e.newText,
    );
  return we;
}

/**
 * Quick fixes bound to Audit Ready diagnostics, computed by the engine on the document's
 * current text (so offsets are never stale), plus the per-finding actions every finding gets
 * and the `source.fixAll.auditReady` action.
 */
export class AuditReadyCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL];

  constructor(
    private readonly configs: FolderConfigs,
    private readonly live: LiveScanner,
  ) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const wantsFixAll =
      context.only !== undefined &&
      (FIX_ALL.contains(context.only) || context.only.contains(FIX_ALL));
    if (ours.length === 0 && !wantsFixAll) return [];
    const state = await this.configs.forUri(doc.uri);
    const relPath = enginePath(doc.uri, state.folder);
    // The live findings of this very version carry exact fix offsets; else scan afresh.
    const findings =
      this.live.current(doc) ?? scanDocument(doc, relPath, state, isoDate(new Date())).findings;
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix)) {
      for (const d of ours) {
        const f = findings.find((x) => isDiagnosticOf(d, x));
        if (f) actions.push(...this.actionsFor(doc, f, d, state.folder));
      }
    }
    if (wantsFixAll || !context.only) {
      const fixAll = this.fixAll(doc, findings);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  private actionsFor(
    doc: vscode.TextDocument,
    f: StoredFinding,
    d: vscode.Diagnostic,
    folder: vscode.WorkspaceFolder | undefined,
  ): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    const add = (title: string, build: (a: vscode.CodeAction) => void): void => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.diagnostics = [d];
      build(a);
      out.push(a);
    };
    for (const fix of f.fixes) {
      add(fix.title, (a) => {
        a.isPreferred = fix.preferred;
        if (fix.env)
          a.command = {
            title: fix.title,
            command: Cmd.applyEnvFix,
            arguments: [doc.uri, doc.version, fix],
          };
        else a.edit = fixToWorkspaceEdit(doc, fix.edits);
      });
    }
    if (f.family === 'secrets' && folder && isSecretFile(f.relPath)) {
      add(`Add ${f.relPath} to .gitignore and untrack it…`, (a) => {
        a.command = { title: a.title, command: Cmd.gitignoreFile, arguments: [doc.uri] };
      });
    }
    const language = languageFromEditor(doc.languageId, f.relPath);
    if (language !== 'json' && language !== 'text') {
      add(`Suppress ${f.ruleId} here with a reason…`, (a) => {
        a.command = {
          title: a.title,
          command: Cmd.suppressWithReason,
          arguments: [doc.uri, doc.version, f.start, f.ruleId],
        };
      });
    }
    const host = f.family === 'insecure-http' ? hostOf(f.display) : undefined;
    // Restricted Mode ignores the workspace's allowlist, so the action would do nothing there.
    if (host && folder && vscode.workspace.isTrusted) {
      add(`Ignore http://${host} for this project`, (a) => {
        a.command = { title: a.title, command: Cmd.ignoreHost, arguments: [folder.uri, host] };
      });
    }
    if (folder && vscode.workspace.isTrusted) {
      add('Add this finding to the baseline', (a) => {
        a.command = {
          title: a.title,
          command: Cmd.addToBaseline,
          arguments: [folder.uri, f.fingerprint, f.ruleId, f.relPath],
        };
      });
    }
    add(`Open documentation for ${f.ruleId}`, (a) => {
      a.command = { title: a.title, command: Cmd.openRuleDocs, arguments: [f.ruleId] };
    });
    return out;
  }

  private fixAll(
    doc: vscode.TextDocument,
    findings: readonly StoredFinding[],
  ): vscode.CodeAction | undefined {
    const fixes = findings.flatMap((f) => f.fixes.filter((x) => x.fixAll && !x.env).slice(0, 1));
    const edits = mergeFixAll(fixes);
    if (edits.length === 0) return undefined;
    const a = new vscode.CodeAction(
      'Fix all auto-fixable Audit Ready findings in this file',
      FIX_ALL,
    );
    a.edit = fixToWorkspaceEdit(doc, edits);
    return a;
  }
}

export function registerCodeActions(configs: FolderConfigs, live: LiveScanner): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    '*',
    new AuditReadyCodeActions(configs, live),
    {
      providedCodeActionKinds: AuditReadyCodeActions.kinds,
    },
  );
}
