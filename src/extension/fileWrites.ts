import * as vscode from 'vscode';
import { writeFileAtomic } from '../node';

/**
 * Writes a project file: atomically on disk (temp file + rename, so a crash never leaves half
 * a baseline or config), through `workspace.fs` in a virtual workspace.
 */
export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  if (uri.scheme === 'file') await writeFileAtomic(uri.fsPath, text);
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
