import * as vscode from 'vscode';
import {
  BASELINE_FILE,
  CONFIG_FILE,
  isoDate,
  languageFromEditor,
  serializeBaseline,
  suppressionEdit,
  type BaselineEntry,
  type Fix,
} from '../engine';
import { appendEnvEntry, ensureGitignored } from '../node';
import { fixToWorkspaceEdit } from './codeActions';
import { addAllowedHost, renameEnvInEdits, untrackCommand } from './configEdit';
import { enginePath, readText, type FolderConfigs } from './folderConfigs';
import { writeText } from './fileWrites';
import { Cmd } from './ids';
import { ruleDocsUri } from './diagnostics';

const STALE = 'The file changed since the fix was offered; run the quick fix again.';

/** Secret → env var: value appended to the folder's .env, code edited, .env git-ignored. */
async function applyEnvFix(uri: vscode.Uri, version: number, fix: Fix): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!fix.env || !folder || folder.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(
      'Moving a secret to .env needs the file to be in a workspace folder on disk.',
    );
    return;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.version !== version) {
    void vscode.window.showWarningMessage(STALE);
    return;
  }
  const envUri = vscode.Uri.joinPath(folder.uri, '.env');
  const { name } = await appendEnvEntry(envUri.fsPath, fix.env.name, fix.env.value);
  const applied = await vscode.workspace.applyEdit(
    fixToWorkspaceEdit(doc, renameEnvInEdits(fix.edits, fix.env.name, name)),
  );
  if (!applied) {
    void vscode.window.showErrorMessage(
      `Audit Ready: the edit could not be applied; ${name} was added to .env.`,
    );
    return;
  }
  const ignored = await ensureGitignored(folder.uri.fsPath, '.env');
  const renamed = name === fix.env.name ? '' : ` (${fix.env.name} already held another value)`;
  const parts = [`Moved the secret to .env as ${name}${renamed}.`];
  if (ignored) parts.push('Added .env to .gitignore.');
  parts.push(fix.note ?? 'Rotate it: this value must be considered leaked once committed.');
  // Not awaited: the command is done when the edit is; the message stays until dismissed.
  void vscode.window.showWarningMessage(parts.join(' '), 'Open .env').then((choice) => {
    if (choice) void vscode.window.showTextDocument(envUri);
  });
}

/**
 * Asks for a reason (unless given, e.g. by a keybinding or a test) and inserts the engine's
 * suppression comment with today's date.
 */
async function suppressWithReason(
  uri: vscode.Uri,
  version: number,
  offset: number,
  ruleId: string,
  givenReason?: string,
): Promise<void> {
  const reason =
    givenReason ??
    (await vscode.window.showInputBox({
      title: `Suppress ${ruleId}`,
      prompt:
        'Why is this finding acceptable? The reason is written into the comment for reviewers.',
      validateInput: (v) =>
        v.trim().length < 3 ? 'Give a short reason (at least 3 characters).' : undefined,
    }));
  if (reason === undefined) return;
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.version !== version) {
    void vscode.window.showWarningMessage(STALE);
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const language = languageFromEditor(doc.languageId, enginePath(uri, folder));
  const edit = suppressionEdit(
    doc.getText(),
    language,
    offset,
    ruleId,
    reason,
    isoDate(new Date()),
  );
  if (!edit) {
    void vscode.window.showInformationMessage(
      'This file format has no comments: add the finding to the baseline instead.',
    );
    return;
  }
  await vscode.workspace.applyEdit(fixToWorkspaceEdit(doc, [edit]));
}

/** Adds one fingerprint to `.auditready/baseline.json` (created if missing). */
async function addToBaseline(
  folderUri: vscode.Uri,
  fingerprint: string,
  ruleId: string,
  path: string,
): Promise<void> {
  const uri = vscode.Uri.joinPath(folderUri, BASELINE_FILE);
  const text = await readText(uri);
  let entries: BaselineEntry[] = [];
  let created = isoDate(new Date());
  if (text !== undefined) {
    try {
      const data = JSON.parse(text) as { created?: string; findings?: BaselineEntry[] };
      entries = Array.isArray(data.findings) ? data.findings : [];
      created = typeof data.created === 'string' ? data.created : created;
    } catch {
      void vscode.window.showErrorMessage(
        `Audit Ready: ${BASELINE_FILE} is not valid JSON; fix it or run "Create Baseline".`,
      );
      return;
    }
  }
  await writeText(uri, serializeBaseline([...entries, { fingerprint, ruleId, path }], created));
}

/** Adds a host to `allow.hosts` in the folder's `.auditready.jsonc`, keeping its comments. */
async function ignoreHost(folderUri: vscode.Uri, host: string): Promise<void> {
  const uri = vscode.Uri.joinPath(folderUri, CONFIG_FILE);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) {
    void vscode.window.showWarningMessage(`Save ${CONFIG_FILE} first, then ignore the host again.`);
    return;
  }
  await writeText(uri, addAllowedHost((await readText(uri)) ?? '', host));
  void vscode.window.showInformationMessage(
    `http://${host} is now accepted in ${CONFIG_FILE} (allow.hosts).`,
  );
}

/** Git-ignores a secret file and shows (never runs) the command that untracks it. */
async function gitignoreFile(uri: vscode.Uri): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || folder.uri.scheme !== 'file') return;
  const rel = enginePath(uri, folder);
  const changed = await ensureGitignored(folder.uri.fsPath, rel);
  const command = untrackCommand(rel);
  const msg = `${changed ? `Added ${rel} to .gitignore.` : `${rel} is already git-ignored.`} If it was ever committed, untrack it with \`${command}\` and rotate every secret in it.`;
  void vscode.window.showWarningMessage(msg, 'Copy Command').then((choice) => {
    if (choice) void vscode.env.clipboard.writeText(command);
  });
}

/** Registers the commands behind the per-finding code actions. */
export function registerFixCommands(
  configs: FolderConfigs,
  extensionUri: vscode.Uri,
): vscode.Disposable {
  const reload = (uri: vscode.Uri): void =>
    configs.invalidate(vscode.workspace.getWorkspaceFolder(uri));
  const r = vscode.commands.registerCommand;
  return vscode.Disposable.from(
    r(Cmd.applyEnvFix, applyEnvFix),
    r(Cmd.suppressWithReason, suppressWithReason),
    r(Cmd.addToBaseline, async (folder: vscode.Uri, ...rest: [string, string, string]) => {
      await addToBaseline(folder, ...rest);
      reload(folder);
    }),
    r(Cmd.ignoreHost, async (folder: vscode.Uri, host: string) => {
      await ignoreHost(folder, host);
      reload(folder);
    }),
    r(Cmd.gitignoreFile, gitignoreFile),
    r(Cmd.openRuleDocs, async (ruleId: string) => {
      const uri = ruleDocsUri(extensionUri, ruleId);
      await vscode.commands
        .executeCommand('markdown.showPreview', uri)
        .then(undefined, () => vscode.window.showTextDocument(uri));
    }),
    r(Cmd.revealFinding, async (uri: vscode.Uri, range: vscode.Range) => {
      await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false });
    }),
  );
}
