import type { Command } from '../command.js';
import { complianceCommand } from './compliance.js';
import { convertCommand } from './convert.js';
import { deadlineCommand } from './deadline.js';
import { demoCommand } from './demo.js';
import { indexCommand } from './index-command.js';
import { nokCommand } from './nok.js';
import { reportCommand } from './report.js';
import { validateCommand } from './validate.js';

/** Every subcommand, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  convertCommand,
  indexCommand,
  reportCommand,
  demoCommand,
  nokCommand,
  deadlineCommand,
  complianceCommand,
];
