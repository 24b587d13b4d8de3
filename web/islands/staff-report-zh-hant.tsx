import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/zh-hant';
import { caseWords } from '../i18n/console/zh-hant-case';
import { reportMessages } from '../i18n/console/zh-hant-report';
import { ReportIsland } from './staff-report';

/** The report island with only the zh-hant messages bundled. */
export function StaffReportZhHant(): JSX.Element {
  return <ReportIsland lang="zh-hant" c={consoleMessages} w={caseWords} m={reportMessages} />;
}
