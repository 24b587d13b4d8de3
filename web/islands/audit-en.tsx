import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/en';
import { auditMessages } from '../i18n/console/en-audit';
import { reportLabels } from '../i18n/console/en-labels';
import { AuditIsland } from './audit-island';

/** The audit island with only the en messages bundled. */
export function AuditEn(): JSX.Element {
  return <AuditIsland lang="en" common={consoleMessages} m={auditMessages} labels={reportLabels} />;
}
