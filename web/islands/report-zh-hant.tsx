import type { ComponentChildren, JSX } from 'preact';
import { reportMessages } from '../i18n/zh-hant/report';
import { ReportIsland } from './report-island';

const loadUploadMessages = () => import('../i18n/zh-hant/upload').then((module) => module.uploadMessages);

/** The report island with only the zh-hant messages bundled (the upload messages load when files are chosen). */
export function ReportZhHant(props: { children?: ComponentChildren }): JSX.Element {
  return (
    <ReportIsland lang="zh-hant" m={reportMessages} loadUploadMessages={loadUploadMessages}>
      {props.children}
    </ReportIsland>
  );
}
