import type { JSX } from 'preact';
import { messagesFor, pagePath } from '../i18n';
import type { Lang } from '../../contract/languages';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits, type UploadProblem } from '../../contract/attachments';
import type { FieldProblem } from '../../contract/report-fields';
import { FollowUpFormView } from './follow-up-form-view';
import { DETAILS_HEADING_ID } from './status-details-view';
import { UploadFields, uploadSummaryItem } from './upload-fields';
import { fill, waitAbout } from '../i18n/fill';

/**
 * A follow-up that was not sent, on a page of its own (server-rendered after
 * a form post): the site was too busy (`waitSeconds`), or something in it
 * was wrong. The form comes back with what was typed and the code in a
 * hidden field; a button shows the report again. Drawing it opens nothing,
 * so a refused or invalid follow-up costs no Argon2id work.
 */
export function FollowUpAgain(props: {
  lang: Lang;
  trackingCode: string;
  followUpValue?: string | undefined;
  followUpError?: FieldProblem | undefined;
  uploadProblem?: UploadProblem | undefined;
  limits?: UploadLimits | undefined;
  waitSeconds?: number | undefined;
}): JSX.Element {
  const messages = messagesFor(props.lang);
  const m = messages.status;
  const limits = props.limits ?? DEFAULT_UPLOAD_LIMITS;
  const problem = props.uploadProblem;
  return (
    <div class="status-details">
      <h1 id={DETAILS_HEADING_ID} tabIndex={-1}>
        {m.details.notSentHeading}
      </h1>
      {props.waitSeconds !== undefined && (
        <p class="notice notice-busy" role="alert">
          {fill(props.lang, m.details.busyNotice, { wait: waitAbout(props.lang, m.waitAbout, props.waitSeconds) })}
        </p>
      )}
      <FollowUpFormView
        lang={props.lang}
        m={m}
        trackingCode={props.trackingCode}
        followUpError={props.followUpError}
        followUpValue={props.followUpValue}
        upload={<UploadFields m={messages.upload} limits={limits} problem={problem} />}
        uploadSummary={problem === undefined ? undefined : uploadSummaryItem(messages.upload, problem, limits)}
      />
      <form method="post" action="/api/status" class="back-to-report">
        <input type="hidden" name="trackingCode" value={props.trackingCode} />
        <input type="hidden" name="lang" value={props.lang} />
        <button type="submit" class="button button-secondary">
          {m.details.backToReport}
        </button>
      </form>
      <p>
        <a href={pagePath(props.lang, 'status')}>{m.details.lookupAnother}</a>
      </p>
    </div>
  );
}
