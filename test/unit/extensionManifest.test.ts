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
import {
  CHECKLIST_VIEW_ID,
  HISTORY_CONTEXT,
  PLAN_VIEW_ID,
  READINESS_VIEWS,
  ReadinessCmd,
} from '../../src/extension/readiness/ids';
import { itemContext } from '../../src/extension/readiness/treeModel';
import { RESTRICTED_SETTINGS, SETTING_SCHEMAS, settingId } from '../../src/extension/settings';
import { ROADMAP, type ItemResult, type ItemStatus } from '../../src/engine/roadmap';

const root = path.join(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('extension manifest (package.json) matches the typed tables', () => {
  it('contributes exactly the commands of the command table, titled "Audit Ready: …"', () => {
    const declared = contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.keys(COMMANDS).sort());
    for (const c of contributes.commands) {
      const info = COMMANDS[c.command as keyof typeof COMMANDS];
      assert.equal(c.title, info.title, c.command);
      assert.equal(c.category, COMMAND_CATEGORY, c.command);
      assert.deepEqual(c.icon, info.icon, `${c.command} icon`);
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

  it('declares Findings, Audit Readiness and 30-Day Plan in the container, each with a welcome view', () => {
    const views = contributes.views[VIEW_CONTAINER_ID].map((v: { id: string; name: string }) => ({
      id: v.id,
      name: v.name,
    }));
    assert.deepEqual(views, [{ id: FINDINGS_VIEW_ID, name: 'Findings' }, ...READINESS_VIEWS]);
    for (const v of contributes.views[VIEW_CONTAINER_ID])
      assert.ok(fs.existsSync(path.join(root, v.icon)), `${v.id} icon ${v.icon}`);
    const welcomed = contributes.viewsWelcome.map((w: { view: string }) => w.view).sort();
    assert.deepEqual(welcomed, [FINDINGS_VIEW_ID, CHECKLIST_VIEW_ID, PLAN_VIEW_ID].sort());
    for (const w of contributes.viewsWelcome as { contents: string }[]) {
      for (const [, id] of w.contents.matchAll(/\(command:([\w.]+)\)/g))
        assert.ok(id in COMMANDS, `welcome link ${id} is a contributed command`);
    }
    const checklistWelcome = contributes.viewsWelcome.find(
      (w: { view: string }) => w.view === CHECKLIST_VIEW_ID,
    );
    assert.match(checklistWelcome.contents, /command:auditReady\.scanWorkspace/);
    assert.match(checklistWelcome.contents, /command:auditReady\.scanHistory/);
  });

  it('puts exactly the checklist and plan actions in their view titles', () => {
    const titles = (view: string): string[] =>
      contributes.menus['view/title']
        .filter((m: { when: string }) => m.when === `view == ${view}`)
        .map((m: { command: string }) => m.command);
    assert.deepEqual(titles(CHECKLIST_VIEW_ID).sort(), [
      ReadinessCmd.draftQuestionnaire,
      ReadinessCmd.exportEvidence,
      ReadinessCmd.generatePolicies,
      ReadinessCmd.refreshChecklist,
      ReadinessCmd.scanHistory,
    ]);
    assert.deepEqual(titles(PLAN_VIEW_ID), [ReadinessCmd.startPlan]);
    for (const m of Object.values(contributes.menus).flat() as { command: string }[])
      assert.ok(m.command in COMMANDS, `menu entry ${m.command} is a contributed command`);
  });

  describe('context menus of the checklist, as the when clauses decide them', () => {
    /** Evaluates the when clauses package.json uses: `a == b`, `a =~ /re/`, joined by `&&`. */
    function holds(when: string, ctx: Record<string, string>): boolean {
      return when.split(' && ').every((clause) => {
        const eq = /^(\w+) == (.+)$/.exec(clause);
        if (eq) return ctx[eq[1]] === eq[2];
        const re = /^(\w+) =~ \/(.+)\/$/.exec(clause);
        if (re) return new RegExp(re[2]).test(ctx[re[1]] ?? '');
        throw new Error(`unexpected when clause: ${clause}`);
      });
    }
    function menu(view: string, viewItem: string, inline: boolean): string[] {
      return (
        contributes.menus['view/item/context'] as { command: string; when: string; group: string }[]
      )
        .filter((m) => m.group.startsWith('inline') === inline && holds(m.when, { view, viewItem }))
        .map((m) => m.command)
        .sort();
    }
    const item = (
      id: string,
      status: ItemStatus,
      attestable: boolean,
      by?: 'attested' | 'not-applicable',
    ): ItemResult => {
      const roadmapItem = ROADMAP.find((r) => r.id === id);
      assert.ok(roadmapItem, id);
      const attestation = by
        ? { status: by, by: 'A <a@example.com>', at: '2026-01-02', note: 'n' }
        : undefined;
      return { item: roadmapItem, status, evidence: '', attestable, attestation };
    };

    it('a failing findings item: not applicable, evidence, docs — never attest', () => {
      const ctx = itemContext(item('foundation.https-everywhere', 'failing', false));
      assert.deepEqual(menu(CHECKLIST_VIEW_ID, ctx, false), [
        ReadinessCmd.markNotApplicable,
        ReadinessCmd.openItemDocs,
        ReadinessCmd.showEvidence,
      ]);
      assert.deepEqual(menu(CHECKLIST_VIEW_ID, ctx, true), [ReadinessCmd.openItemDocs]);
    });

    it('an attestable item to do: attest (also inline), not applicable, docs', () => {
      const ctx = itemContext(item('foundation.mfa-production', 'todo', true));
      assert.deepEqual(menu(CHECKLIST_VIEW_ID, ctx, false), [
        ReadinessCmd.attestItem,
        ReadinessCmd.markNotApplicable,
        ReadinessCmd.openItemDocs,
      ]);
      assert.deepEqual(menu(PLAN_VIEW_ID, ctx, true), [
        ReadinessCmd.attestItem,
        ReadinessCmd.openItemDocs,
      ]);
    });

    it('an attested or not-applicable item: clear it, no second attestation', () => {
      for (const by of ['attested', 'not-applicable'] as const) {
        const status = by === 'attested' ? 'attested' : 'not-applicable';
        const ctx = itemContext(item('foundation.mfa-production', status, true, by));
        assert.deepEqual(
          menu(CHECKLIST_VIEW_ID, ctx, false),
          [ReadinessCmd.clearAttestation, ReadinessCmd.openItemDocs],
          by,
        );
      }
    });

    it('a history secret: show commit, mark as rotated, how to remove; rotated ones cannot be re-marked', () => {
      assert.deepEqual(menu(CHECKLIST_VIEW_ID, HISTORY_CONTEXT.open, false), [
        ReadinessCmd.historyGuidance,
        ReadinessCmd.markRotated,
        ReadinessCmd.showCommit,
      ]);
      assert.deepEqual(menu(CHECKLIST_VIEW_ID, HISTORY_CONTEXT.rotated, false), [
        ReadinessCmd.historyGuidance,
        ReadinessCmd.showCommit,
      ]);
      assert.deepEqual(menu(CHECKLIST_VIEW_ID, HISTORY_CONTEXT.open, true), [
        ReadinessCmd.markRotated,
        ReadinessCmd.showCommit,
      ]);
      assert.deepEqual(menu(PLAN_VIEW_ID, HISTORY_CONTEXT.open, false), []);
    });
  });
});
