// @workspace integration-multiroot
/**
 * Multi-root workspaces in the real host. The fixture's `multiroot.code-workspace` opens two
 * folders, each with its own `.auditready.jsonc`: `payments` turns insecure-http off,
 * `storefront` allows the host cdn.acme-shop.com. Both hold a `src/api.js`, so results must be
 * kept, and shown, per folder.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditReadyApi } from '../../../src/extension/extension';
import type { FindingsNode } from '../../../src/extension/findingsTree';
import type { WorkspaceScanSummary } from '../../../src/extension/workspaceScan';
import {
  activeExtension,
  auditDiagnostics,
  folderFile,
  waitFor,
  waitForDiagnostics,
  workspaceFolder,
  workspaceFolders,
} from '../util';

const LONG = { timeout: 30_000 };
// Fake, format-valid token (not a real credential).
const TOKEN = 'ghp_Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fGz';
const codeOf = (d: vscode.Diagnostic): string =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code);
const codes = (ds: vscode.Diagnostic[]): string[] => ds.map(codeOf).sort();
const count = (ds: vscode.Diagnostic[], code: string): number =>
  ds.filter((d) => codeOf(d) === code).length;

async function api(): Promise<AuditReadyApi> {
  return (await activeExtension()).exports as AuditReadyApi;
}

async function scanWorkspace(): Promise<WorkspaceScanSummary> {
  const summary = await vscode.commands.executeCommand<WorkspaceScanSummary>(
    'auditReady.scanWorkspace',
  );
  assert.ok(summary && !summary.cancelled, 'the scan finished');
  return summary;
}

/** The line of a file on disk that a diagnostic points at (read without opening the file). */
async function lineOf(uri: vscode.Uri, d: vscode.Diagnostic): Promise<string> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return text.split('\n')[d.range.start.line];
}

describe('multi-root workspace', function () {
  // Several waits of up to 30 s each per test: room for a loaded CI machine.
  this.timeout(90_000);
  const payments = () => folderFile('payments', 'src/api.js');
  const storefront = () => folderFile('storefront', 'src/api.js');

  before(async () => {
    await workspaceFolders(2);
    await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens both folders of the .code-workspace file', () => {
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['payments', 'storefront'],
    );
    assert.ok(vscode.workspace.workspaceFile?.path.endsWith('/multiroot.code-workspace'));
  });

  it('"Scan Workspace" scans every folder with its own .auditready.jsonc', async () => {
    const summary = await scanWorkspace();
    assert.ok(summary.filesScanned >= 4, `files scanned: ${summary.filesScanned}`);
    // payments: insecure-http is off there, the token is reported.
    const inPayments = await waitForDiagnostics(payments(), (ds) => ds.length > 0, LONG);
    assert.deepEqual(codes(inPayments), ['secrets/github-token']);
    // storefront: the allowed CDN host is not reported, the checkout host is.
    const inStorefront = await waitForDiagnostics(storefront(), (ds) => ds.length > 0, LONG);
    assert.deepEqual(codes(inStorefront), ['insecure-http/http-url']);
    // Neither file was opened: these came from the scan, into the Problems panel.
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('/src/api.js')));
    assert.match(await lineOf(storefront(), inStorefront[0]), /checkout\.acme-shop\.com/);
  });

  it('two scans at once: both report the finished scan, neither "cancelled"', async () => {
    // E.g. "Scan Workspace" run while the automatic scan on open or after a config change runs.
    const [first, second] = await Promise.all([scanWorkspace(), scanWorkspace()]);
    assert.ok(first.filesScanned >= 4, `files scanned: ${first.filesScanned}`);
    assert.equal(first.filesScanned, second.filesScanned);
    assert.deepEqual(first.counts, second.counts);
  });

  it('keeps the scan results per folder', async () => {
    await scanWorkspace();
    const live = await api();
    const scanned = live.store.scanInfo().map((s) => s.folder.toString());
    const folders = ['payments', 'storefront'].map((n) => workspaceFolder(n).uri.toString());
    assert.deepEqual(scanned.sort(), folders);
    assert.deepEqual(live.store.get(payments()).map((f) => f.ruleId), ['secrets/github-token']);
    assert.deepEqual(live.store.get(storefront()).map((f) => f.ruleId), ['insecure-http/http-url']);
    const counts = live.store.counts();
    assert.equal(counts.total, 2);
    assert.equal(counts.files, 2);
  });

  it('tells the folders apart in the Findings view', async () => {
    await scanWorkspace();
    const { findingsTree: tree } = await api();
    const fileRows = await waitFor(() => {
      const rows = tree.getChildren().flatMap((family) => tree.getChildren(family));
      return rows.length >= 2 && rows;
    }, LONG);
    const rowOf = (uri: vscode.Uri): FindingsNode | undefined =>
      fileRows.find((n) => n.kind === 'file' && n.uri.toString() === uri.toString());
    const description = (n: FindingsNode | undefined): unknown =>
      n && tree.getTreeItem(n).description;
    // Both rows are labelled api.js: the description says which folder (and sub-folder).
    assert.equal(description(rowOf(payments())), 'payments/src');
    assert.equal(description(rowOf(storefront())), 'storefront/src');
  });

  it("a change to one folder's .auditready.jsonc applies to that folder only", async () => {
    const only = (...want: string[]) => (ds: vscode.Diagnostic[]) =>
      codes(ds).join() === want.join();
    await scanWorkspace();
    await waitForDiagnostics(payments(), only('secrets/github-token'), LONG);
    const config = folderFile('payments', '.auditready.jsonc');
    const original = await vscode.workspace.fs.readFile(config);
    await vscode.workspace.fs.delete(config);
    try {
      // Without its config, payments' plain-HTTP URL is reported too (re-scanned by itself) …
      await waitForDiagnostics(payments(), (ds) => count(ds, 'insecure-http/http-url') > 0, LONG);
      // … and after a full scan, storefront still allows its CDN host.
      await scanWorkspace();
      await waitForDiagnostics(
        payments(),
        only('insecure-http/http-url', 'secrets/github-token'),
        LONG,
      );
      await waitForDiagnostics(storefront(), only('insecure-http/http-url'), LONG);
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
    }
    await waitForDiagnostics(payments(), only('secrets/github-token'), LONG);
  });

  it('open files follow their own folder configuration as you type', async () => {
    // New files, so that the other tests' files keep their text on disk and in the editor.
    const files = ['payments', 'storefront'].map((f) => folderFile(f, 'src/typed.js'));
    const typed = [
      `const LEDGER = 'http://ledger.acme-payments.com/v1';`,
      `const ASSETS = 'http://cdn.acme-shop.com/img';`,
      `const KEY = '${TOKEN}';`,
      '',
    ].join('\n');
    for (const uri of files) {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('module.exports = {};\n'));
      const editor = await vscode.window.showTextDocument(uri);
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), typed)));
    }
    const [inPayments, inStorefront] = files;
    // payments: the token is reported, neither plain-HTTP URL (insecure-http is off there).
    const onlyToken = (ds: vscode.Diagnostic[]) => codes(ds).join() === 'secrets/github-token';
    await waitForDiagnostics(inPayments, onlyToken, LONG);
    // storefront: the token and the ledger URL are reported, the allowed CDN host is not.
    const ds = await waitForDiagnostics(
      inStorefront,
      (x) => codes(x).join() === 'insecure-http/http-url,secrets/github-token',
      LONG,
    );
    const url = ds.find((d) => codeOf(d) === 'insecure-http/http-url') as vscode.Diagnostic;
    assert.equal(url.range.start.line, 0, 'the ledger URL, not the CDN one');
    // Deleting the typed lines clears them again (no save needed).
    for (const uri of files) {
      const editor = await vscode.window.showTextDocument(uri);
      assert.ok(await editor.edit((b) => b.delete(new vscode.Range(0, 0, 3, 0))));
    }
    for (const uri of files) await waitForDiagnostics(uri, (x) => x.length === 0, LONG);
  });
});
