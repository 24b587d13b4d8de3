import type { JSX } from 'preact';
import { consoleMessages } from '../i18n/console/en';
import { caseWords } from '../i18n/console/en-case';
import { reportMessages } from '../i18n/console/en-report';
import { ReportIsland } from './staff-report';

/** The report island with only the en messages bundled. */
export function StaffReportEn(): JSX.Element {
  return <ReportIsland lang="en" c={consoleMessages} w={caseWords} m={reportMessages} />;
}
