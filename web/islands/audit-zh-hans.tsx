import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hans';
import { auditMessages } from '../i18n/console/zh-hans-audit';
import { reportLabels } from '../i18n/console/zh-hans-labels';
import { AuditIsland } from './audit-island';

/** The audit island with only the zh-hans messages bundled. */
export function AuditZhHans(): JSX.Element {
  return <AuditIsland lang="zh-hans" common={consoleMessages} m={auditMessages} labels={reportLabels} />;
}
