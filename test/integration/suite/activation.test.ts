// @workspace integration-workspace, empty
/**
 * The extension starts by itself once the workbench is up, in a folder and in an empty window,
 * and every command it contributes is there to run.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, EXTENSION_ID, waitFor } from '../util';

interface ContributedCommand {
  command: string;
}

const where = () => (vscode.workspace.workspaceFolders ? 'in a workspace' : 'in an empty window');

describe(`activation (${where()})`, () => {
  it('is active soon after startup', async () => {
    const ext = await activeExtension();
    assert.ok(ext.isActive);
  });

  it('activates on onStartupFinished, not on every event', () => {
    const events: string[] = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.activationEvents ?? [];
    assert.ok(events.includes('onStartupFinished'), `activationEvents: ${JSON.stringify(events)}`);
    assert.ok(!events.includes('*'));
  });

  it('registers every command that package.json contributes', async () => {
    const ext = await activeExtension();
    const contributed: ContributedCommand[] = ext.packageJSON.contributes?.commands ?? [];
    const ids = contributed.map((c) => c.command);
    assert.ok(ids.length > 0, 'package.json contributes no command');
    let missing = ids;
    await waitFor(
      async () => {
        const registered = new Set(await vscode.commands.getCommands(true));
        missing = ids.filter((id) => !registered.has(id));
        return missing.length === 0;
      },
      { timeout: 5_000 },
    ).catch(() => undefined);
    assert.deepEqual(missing, [], 'contributed but not registered');
  });

  it('contributes an activity-bar container with at least one view', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const containers: { id: string }[] = ext?.packageJSON.contributes?.viewsContainers?.activitybar ?? [];
    assert.equal(containers.length, 1, 'one activity-bar container');
    const views: unknown[] = ext?.packageJSON.contributes?.views?.[containers[0].id] ?? [];
    assert.ok(views.length > 0, `views in container ${containers[0].id}`);
  });
});
