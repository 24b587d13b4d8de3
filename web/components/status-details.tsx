import type { JSX } from 'preact';
import { messagesFor } from '../i18n';
import type { Lang } from '../../contract/languages';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits, type UploadProblem } from '../../contract/attachments';
import type { FieldProblem, StatusView } from '../../contract/report-fields';
import { StatusDetailsView } from './status-details-view';
import { UploadFields, uploadSummaryItem } from './upload-fields';

/**
 * A report's status page in `lang`; `trackingCode` goes only into the
 * follow-up form's hidden field. `uploadProblem` says what was wrong with the
 * files of a follow-up; `limits` are the server's configured file limits (the
 * defaults when left out).
 */
export function StatusDetails(props: {
  lang: Lang;
  view: StatusView;
  trackingCode: string;
  notice?: 'message_sent' | undefined;
  followUpError?: FieldProblem | undefined;
  followUpValue?: string | undefined;
  uploadProblem?: UploadProblem | undefined;
  limits?: UploadLimits | undefined;
  keepMetadata?: boolean | undefined;
  /** What time it is (ms): whether a deadline has passed. The current time unless told. */
  now?: number | undefined;
  /** The display time zone (the operator profile's `timeZone`). */
  timeZone: string;
}): JSX.Element {
  const messages = messagesFor(props.lang);
  const limits = props.limits ?? DEFAULT_UPLOAD_LIMITS;
  const problem = props.uploadProblem;
  return (
    <StatusDetailsView
      lang={props.lang}
      m={messages.status}
      view={props.view}
      trackingCode={props.trackingCode}
      notice={props.notice}
      now={props.now}
      timeZone={props.timeZone}
      followUpError={props.followUpError}
      followUpValue={props.followUpValue}
      upload={<UploadFields m={messages.upload} limits={limits} problem={problem} keepMetadata={props.keepMetadata} />}
      uploadSummary={problem === undefined ? undefined : uploadSummaryItem(messages.upload, problem, limits)}
    />
  );
}
