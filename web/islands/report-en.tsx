import type { ComponentChildren, JSX } from 'preact';
import { reportMessages } from '../i18n/en/report';
import { ReportIsland } from './report-island';

const loadUploadMessages = () => import('../i18n/en/upload').then((module) => module.uploadMessages);

/** The report island with only the en messages bundled (the upload messages load when files are chosen). */
export function ReportEn(props: { children?: ComponentChildren }): JSX.Element {
  return (
    <ReportIsland lang="en" m={reportMessages} loadUploadMessages={loadUploadMessages}>
      {props.children}
    </ReportIsland>
  );
}
