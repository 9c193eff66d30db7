import * as vscode from 'vscode';

/**
 * The "Audit Ready" output channel. Only counts, paths, rule ids and error messages are
 * logged — never file text, finding values or fix contents (which may hold secrets).
 */
let channel: vscode.LogOutputChannel | undefined;

export function registerLog(): vscode.Disposable {
  channel = vscode.window.createOutputChannel('Audit Ready', { log: true });
  return channel;
}

export function logInfo(message: string): void {
  channel?.info(message);
}

/** Logs a failure by its message only (a stack could quote scanned text in some engines). */
export function logError(context: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  channel?.error(`${context}: ${message.slice(0, 300)}`);
}
