import type { JSX } from 'preact';
import { reportMessages } from '../i18n/en/report';
import { ReportIsland } from './report-island';

/** The report island with only the en messages bundled. */
export function ReportEn(): JSX.Element {
  return <ReportIsland lang="en" m={reportMessages} />;
}
