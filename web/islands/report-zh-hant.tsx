import type { JSX } from 'preact';
import { reportMessages } from '../i18n/zh-hant/report';
import { ReportIsland } from './report-island';

/** The report island with only the zh-hant messages bundled. */
export function ReportZhHant(): JSX.Element {
  return <ReportIsland lang="zh-hant" m={reportMessages} />;
}
