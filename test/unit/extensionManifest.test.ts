import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../bench/adapterVscodeStub';
import {
  COMMAND_CATEGORY,
  COMMANDS,
  FINDINGS_VIEW_ID,
  VIEW_CONTAINER_ID,
} from '../../src/extension/ids';
import { RESTRICTED_SETTINGS, SETTING_SCHEMAS, settingId } from '../../src/extension/settings';

const root = path.join(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('extension manifest (package.json) matches the typed tables', () => {
  it('contributes exactly the commands of the command table, titled "Audit Ready: …"', () => {
    const declared = contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.keys(COMMANDS).sort());
    for (const c of contributes.commands) {
      assert.equal(c.title, COMMANDS[c.command as keyof typeof COMMANDS].title, c.command);
      assert.equal(c.category, COMMAND_CATEGORY, c.command);
    }
  });

  it('hides exactly the internal commands from the palette', () => {
    const hidden = contributes.menus.commandPalette
      .filter((m: { when: string }) => m.when === 'false')
      .map((m: { command: string }) => m.command)
      .sort();
    const internal = Object.entries(COMMANDS)
      .filter(([, c]) => !c.palette)
      .map(([id]) => id)
      .sort();
    assert.deepEqual(hidden, internal);
  });

  it('contributes exactly the settings of the settings table, with the same defaults', () => {
    const props = contributes.configuration.properties;
    assert.deepEqual(
      Object.keys(props).sort(),
      Object.keys(SETTING_SCHEMAS)
        .map((k) => settingId(k as keyof typeof SETTING_SCHEMAS))
        .sort(),
    );
    for (const [key, schema] of Object.entries(SETTING_SCHEMAS)) {
      assert.deepEqual(
        props[settingId(key as keyof typeof SETTING_SCHEMAS)],
        JSON.parse(JSON.stringify(schema)),
        key,
      );
    }
  });

  it('declares the view container and the Findings view with ids the code uses', () => {
    assert.deepEqual(
      contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id),
      [VIEW_CONTAINER_ID],
    );
    assert.ok(
      contributes.views[VIEW_CONTAINER_ID].some((v: { id: string }) => v.id === FINDINGS_VIEW_ID),
    );
    const referenced = [
      contributes.viewsContainers.activitybar[0].icon,
      pkg.icon,
      contributes.jsonValidation[0].url,
    ];
    for (const file of referenced)
      assert.ok(fs.existsSync(path.join(root, file)), `${file} exists`);
  });

  it('activates on startup finished only, and supports Restricted Mode and virtual workspaces in part', () => {
    assert.deepEqual(pkg.activationEvents, ['onStartupFinished']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.deepEqual(
      pkg.capabilities.untrustedWorkspaces.restrictedConfigurations,
      RESTRICTED_SETTINGS.map(settingId),
    );
  });

  it('ships a 128x128 PNG icon and the Linters and Other categories', () => {
    const png = fs.readFileSync(path.join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.deepEqual(pkg.categories, ['Linters', 'Other']);
  });
});
