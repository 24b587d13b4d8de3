import type { JSX } from 'preact';
import { messagesFor, type Lang } from '../i18n';
import type { FieldProblem, StatusView } from '../lib/report-fields';
import { StatusDetailsView } from './status-details-view';

/** A report's status page in `lang`; `trackingCode` goes only into the follow-up form's hidden field. */
export function StatusDetails(props: {
  lang: Lang;
  view: StatusView;
  trackingCode: string;
  notice?: 'message_sent';
  followUpError?: FieldProblem;
  followUpValue?: string;
}): JSX.Element {
  return (
    <StatusDetailsView
      lang={props.lang}
      m={messagesFor(props.lang).status}
      view={props.view}
      trackingCode={props.trackingCode}
      notice={props.notice}
      followUpError={props.followUpError}
      followUpValue={props.followUpValue}
    />
  );
}
