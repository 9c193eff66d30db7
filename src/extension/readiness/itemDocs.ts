import * as vscode from 'vscode';
import { FAMILY_INFO } from '../../engine';
import { REPO_URL } from '../../engine/report';
import { PHASES, type ItemResult } from '../../engine/roadmap';
import type { ReadinessService } from './readinessService';
import { STATUS_ICON } from './treeModel';

/** Read-only scheme of the generated item explanations (shown as a Markdown preview). */
export const ITEM_DOC_SCHEME = 'auditready-item';

/** The explanation of an item, in Markdown: why it is asked, how it is checked, its status. */
export function itemMarkdown(r: ItemResult): string {
  const phase = PHASES.find((p) => p.id === r.item.phase)?.title ?? r.item.phase;
  const check = r.item.check;
  const lines = [
    `# ${r.item.title}`,
    '',
    `*${phase}${r.item.group ? ` · ${r.item.group}` : ''} · 30-day plan: days ${r.item.days[0]}–${r.item.days[1]}*`,
    '',
    `**Status: ${STATUS_ICON[r.status].label}.** ${r.evidence}`,
    '',
    '## Why an auditor asks',
    '',
    r.item.why,
    '',
    '## How Audit Ready checks it',
    '',
    r.item.how,
  ];
  if (check.kind === 'findings') {
    lines.push(
      '',
      `Rules: [${FAMILY_INFO[check.family].title}](${REPO_URL}/tree/main/docs/rules/${check.family}) — each finding links its own rule page.`,
    );
  }
  if (r.attestable) {
    lines.push(
      '',
      'A person can attest this item from the Audit Readiness view (checkbox or context menu): the note, who and when go into `.auditready/checklist.json`.',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Serves `auditready-item:/<item id>.md` from the current snapshot. */
export function registerItemDocs(service: ReadinessService): vscode.Disposable {
  const emitter = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: emitter.event,
    provideTextDocumentContent(uri) {
      const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      const r = service.snapshot?.results.find((x) => x.item.id === id);
      return r ? itemMarkdown(r) : `# ${id}\n\nNot a checklist item.\n`;
    },
  };
  return vscode.Disposable.from(
    emitter,
    vscode.workspace.registerTextDocumentContentProvider(ITEM_DOC_SCHEME, provider),
  );
}

/** Opens an item's explanation as a Markdown preview (the source if the preview is unavailable). */
export async function openItemDocs(itemId: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.from({ scheme: ITEM_DOC_SCHEME, path: `/${itemId}.md` });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return uri;
}
