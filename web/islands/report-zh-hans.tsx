import type { ComponentChildren, JSX } from 'preact';
import { reportMessages } from '../i18n/zh-hans/report';
import { ReportIsland } from './report-island';

const loadUploadMessages = () => import('../i18n/zh-hans/upload').then((module) => module.uploadMessages);

/** The report island with only the zh-hans messages bundled (the upload messages load when files are chosen). */
export function ReportZhHans(props: { children?: ComponentChildren }): JSX.Element {
  return (
    <ReportIsland lang="zh-hans" m={reportMessages} loadUploadMessages={loadUploadMessages}>
      {props.children}
    </ReportIsland>
  );
}
