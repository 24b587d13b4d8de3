import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hant';
import { auditMessages } from '../i18n/console/zh-hant-audit';
import { reportLabels } from '../i18n/console/zh-hant-labels';
import { AuditIsland } from './audit-island';

/** The audit island with only the zh-hant messages bundled. */
export function AuditZhHant(): JSX.Element {
  return <AuditIsland lang="zh-hant" common={consoleMessages} m={auditMessages} labels={reportLabels} />;
}
