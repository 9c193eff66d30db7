import * as vscode from 'vscode';
import { FAMILIES, FAMILY_INFO } from '../engine';
import { Cmd } from './ids';
import type { FindingCounts, FindingsStore } from './store';

/** The status bar text for some counts and (once the checklist exists) a readiness score. */
export function statusText(c: FindingCounts, score: number | undefined): string {
  const findings =
    c.total === 0
      ? '$(shield) $(check)'
      : `$(shield) $(error) ${c.bySeverity.error} $(warning) ${c.bySeverity.warning + c.bySeverity.info}`;
  return score === undefined ? findings : `${findings} · ${Math.round(score * 100)}% ready`;
}

/**
 * Findings count by severity (and the readiness score, set by the checklist); a click opens
 * the sidebar. Refreshes at most every 100 ms while a workspace scan streams results.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'auditReady.status',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly listener: vscode.Disposable;
  private score: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: FindingsStore) {
    this.item.name = 'Audit Ready';
    this.item.command = Cmd.showSidebar;
    this.listener = store.onDidChange(() => {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.update();
      }, 100);
    });
    this.update();
  }

  /** Hook for the checklist (issue #6): share of applicable items passing or attested, 0..1. */
  setReadinessScore(score: number | undefined): void {
    this.score = score;
    this.update();
  }

  setVisible(visible: boolean): void {
    if (visible) this.item.show();
    else this.item.hide();
  }

  /** The text shown now (read by the integration tests). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const c = this.store.counts();
    this.item.text = statusText(c, this.score);
    const lines = FAMILIES.map((f) => `${FAMILY_INFO[f].title}: ${c.byFamily[f]}`);
    const head = `Audit Ready: ${c.total} finding${c.total === 1 ? '' : 's'} in ${c.files} file${c.files === 1 ? '' : 's'}`;
    const score = this.score === undefined ? '' : `\nReadiness: ${Math.round(this.score * 100)}%`;
    this.item.tooltip = `${head}\n${lines.join('\n')}${score}\nClick to open the Audit Ready sidebar.`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listener.dispose();
    this.item.dispose();
  }
}
