import * as vscode from 'vscode';
import { ruleById } from '../engine';
import type { StoredFinding } from './convert';
import { Cmd } from './ids';
import type { FindingsStore } from './store';

const ROTATE = 'this value must be considered leaked once committed.';

/** The hover text for one finding: what, why it matters, how to fix, and a docs link. */
export function hoverMarkdown(f: StoredFinding): vscode.MarkdownString {
  const rule = ruleById(f.ruleId);
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [Cmd.openRuleDocs] };
  md.appendMarkdown(`**Audit Ready — ${rule?.title ?? f.ruleId}** \`${f.ruleId}\`\n\n`);
  if (rule) {
    md.appendMarkdown(`**Why it matters.** `).appendText(rule.description).appendMarkdown('\n\n');
    md.appendMarkdown(`**How to fix.** `).appendText(rule.remediation).appendMarkdown('\n\n');
  }
  if (f.family === 'secrets') md.appendMarkdown(`**Rotate it:** ${ROTATE}\n\n`);
  const args = encodeURIComponent(JSON.stringify([f.ruleId]));
  md.appendMarkdown(`[Open rule documentation](command:${Cmd.openRuleDocs}?${args})`);
  return md;
}

/** Hovers over findings, read from the store (no scanning on hover). */
export function registerHover(store: FindingsStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider('*', {
    provideHover(doc, position) {
      const here = store.get(doc.uri).filter((f) => f.range.contains(position));
      if (here.length === 0) return undefined;
      return new vscode.Hover(here.map(hoverMarkdown), here[0].range);
    },
  });
}
