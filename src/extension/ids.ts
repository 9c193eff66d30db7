/**
 * Ids shared with package.json: the view container, its views and the commands. Kept in one
 * place so the command table, the tree and the status bar agree, and a unit test can check
 * package.json against them.
 */
import { READINESS_COMMANDS, ReadinessCmd } from './readiness/ids';

export const VIEW_CONTAINER_ID = 'auditReady';
/** The "Findings" tree: family → file → finding. */
export const FINDINGS_VIEW_ID = 'auditReady.findings';

/** Every command the extension contributes. */
export const Cmd = {
  scanWorkspace: 'auditReady.scanWorkspace',
  scanFile: 'auditReady.scanFile',
  clearFindings: 'auditReady.clearFindings',
  openConfiguration: 'auditReady.openConfiguration',
  createBaseline: 'auditReady.createBaseline',
  showSidebar: 'auditReady.showSidebar',
  openRuleDocs: 'auditReady.openRuleDocs',
  applyEnvFix: 'auditReady.applyEnvFix',
  suppressWithReason: 'auditReady.suppressWithReason',
  addToBaseline: 'auditReady.addToBaseline',
  ignoreHost: 'auditReady.ignoreHost',
  gitignoreFile: 'auditReady.gitignoreFile',
  revealFinding: 'auditReady.revealFinding',
  ...ReadinessCmd,
} as const;

export type CommandId = (typeof Cmd)[keyof typeof Cmd];

/** How a command appears in package.json. `palette: false` hides it from the command palette. */
export interface CommandInfo {
  title: string;
  palette: boolean;
  /** A codicon (`$(name)`) or light/dark images shown when the command sits in a view title. */
  icon?: string | { light: string; dark: string };
}

/** Palette titles read "Audit Ready: <title>" (the category). */
export const COMMAND_CATEGORY = 'Audit Ready';

export const COMMANDS: Record<CommandId, CommandInfo> = {
  [Cmd.scanWorkspace]: {
    title: 'Scan Workspace',
    palette: true,
    icon: { light: 'media/shield-light.svg', dark: 'media/shield-dark.svg' },
  },
  [Cmd.scanFile]: { title: 'Scan Current File', palette: true },
  [Cmd.clearFindings]: { title: 'Clear Findings', palette: true, icon: '$(clear-all)' },
  [Cmd.openConfiguration]: { title: 'Open Configuration', palette: true, icon: '$(gear)' },
  [Cmd.createBaseline]: { title: 'Create Baseline', palette: true },
  [Cmd.showSidebar]: { title: 'Show Sidebar', palette: true },
  [Cmd.openRuleDocs]: { title: 'Open Rule Documentation', palette: false },
  [Cmd.applyEnvFix]: { title: 'Move Secret to .env', palette: false },
  [Cmd.suppressWithReason]: { title: 'Suppress Finding with a Reason', palette: false },
  [Cmd.addToBaseline]: { title: 'Add Finding to Baseline', palette: false },
  [Cmd.ignoreHost]: { title: 'Ignore Host for the Project', palette: false },
  [Cmd.gitignoreFile]: { title: 'Add File to .gitignore', palette: false },
  [Cmd.revealFinding]: { title: 'Reveal Finding', palette: false },
  ...READINESS_COMMANDS,
};

/** The source shown on every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'Audit Ready';
/** Kind of the fix-all source action (`editor.codeActionsOnSave: { "source.fixAll.auditReady": … }`). */
export const FIX_ALL_KIND = 'source.fixAll.auditReady';
