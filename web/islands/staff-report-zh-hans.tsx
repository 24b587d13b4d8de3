import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hans';
import { caseWords } from '../i18n/console/zh-hans-case';
import { reportMessages } from '../i18n/console/zh-hans-report';
import { ReportIsland } from './staff-report';

/** The report island with only the zh-hans messages bundled. */
export function StaffReportZhHans(): JSX.Element {
  return <ReportIsland lang="zh-hans" c={consoleMessages} w={caseWords} m={reportMessages} />;
}
