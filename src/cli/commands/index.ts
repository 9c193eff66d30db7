import type { Command } from '../command';
import { baselineCommand } from './baseline';
import { checklistCommand } from './checklist';
import { historyCommand } from './history';
import { initCommand } from './init';
import { reportCommand } from './report';
import { rulesCommand } from './rules';
import { scanCommand } from './scan';

/**
 * Every `audit-ready` command, in help order. A new command is one file in this folder and
 * one line here (history, checklist and report plug in the same way).
 */
export const COMMANDS: readonly Command[] = [
  scanCommand,
  historyCommand,
  checklistCommand,
  reportCommand,
  baselineCommand,
  initCommand,
  rulesCommand,
];
