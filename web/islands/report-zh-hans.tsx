import type { JSX } from 'preact';
import { reportMessages } from '../i18n/zh-hans/report';
import { ReportIsland } from './report-island';

/** The report island with only the zh-hans messages bundled. */
export function ReportZhHans(): JSX.Element {
  return <ReportIsland lang="zh-hans" m={reportMessages} />;
}
