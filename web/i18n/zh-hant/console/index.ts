import type { ConsoleCatalogue } from '../../types';
import { adminMessages } from './admin';
import { auditMessages } from './audit';
import { caseWords } from './case';
import { consoleMessages } from './common';
import { reportLabels } from './labels';
import { queueMessages } from './queue';
import { registersMessages } from './registers';
import { reportMessages } from './report';
import { sessionMessages } from './session';
import { signinMessages } from './signin';

/** Everything the staff console says in this language (a console island loads this file for its page's language only). */
export const consoleCatalogue: ConsoleCatalogue = {
  common: consoleMessages,
  labels: reportLabels,
  case: caseWords,
  session: sessionMessages,
  signin: signinMessages,
  queue: queueMessages,
  report: reportMessages,
  registers: registersMessages,
  admin: adminMessages,
  audit: auditMessages,
};
