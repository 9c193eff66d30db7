import * as vscode from 'vscode';
import { runGit } from '../../node/history/gitProcess';

/** Read-only scheme of files as they were at a commit (`git show <ref>:<path>`). */
export const GIT_SCHEME = 'auditready-git';

/** `auditready-git:/<path>?<ref>` with the repository root in the fragment-free query JSON. */
export function gitFileUri(root: string, ref: string, file: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: GIT_SCHEME,
    path: `/${file}`,
    query: JSON.stringify({ root, ref }),
  });
}

/**
 * Serves file contents at a commit for the "Show Commit" diff. Works offline and without the
 * built-in git extension; a file that did not exist at that ref (added by the commit, or a
 * root commit's parent) reads as empty. Never runs git in an untrusted workspace.
 */
export function registerGitContent(): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      if (!vscode.workspace.isTrusted) return '';
      const { root, ref } = JSON.parse(uri.query) as { root: string; ref: string };
      try {
        return await runGit(
          root,
          ['show', `${ref}:${uri.path.replace(/^\//, '')}`],
          16 * 1024 * 1024,
        );
      } catch {
        return '';
      }
    },
  };
  return vscode.workspace.registerTextDocumentContentProvider(GIT_SCHEME, provider);
}
