import type { ComponentChildren, JSX } from 'preact';
import { pagePath, type Lang } from '../i18n/lang';
import type { StatusMessages } from '../i18n/types';
import { formatBytes } from '../lib/attachments';
import { LIMITS, PUBLIC_STATUSES, type FieldProblem, type StatusView } from '../lib/report-fields';
import { formatHour } from '../lib/status-view';
import { describedBy, ErrorSummary } from './error-summary';
import { fillLimits } from './report-problem-text';

export const DETAILS_HEADING_ID = 'details-heading';
export const NOTICE_ID = 'notice';
const BODY_ID = 'f-body';

export interface StatusDetailsViewProps {
  lang: Lang;
  m: StatusMessages;
  view: StatusView;
  trackingCode: string;
  notice?: 'message_sent' | undefined;
  followUpError?: FieldProblem | undefined;
  followUpValue?: string | undefined;
  failure?: string | undefined;
  busy?: boolean | undefined;
  /** The evidence-file part of the follow-up form, placed last before the button (`UploadFields`, and with JavaScript the chosen files). */
  upload: ComponentChildren;
  /** The error-summary entry for a problem with the files. */
  uploadSummary?: { href: string; text: string } | undefined;
}

/** The message for a follow-up problem, with the limit filled in. */
function followUpProblemText(m: StatusMessages, problem: FieldProblem): string {
  const template = m.details.followUpProblems[problem] ?? m.details.followUpProblems.required;
  return fillLimits(template, LIMITS.followUp.min, LIMITS.followUp.max);
}

/** A report's status, messages and the follow-up form. */
export function StatusDetailsView(props: StatusDetailsViewProps): JSX.Element {
  const { m, view, followUpError } = props;
  const d = m.details;
  const current = d.statuses[view.status];
  const errorId = followUpError !== undefined ? `${BODY_ID}-error` : undefined;
  const problems = [
    ...(followUpError === undefined ? [] : [{ href: `#${BODY_ID}`, text: followUpProblemText(m, followUpError) }]),
    ...(props.uploadSummary === undefined ? [] : [props.uploadSummary]),
  ];
  return (
    <div class="status-details">
      <h1 id={DETAILS_HEADING_ID} tabIndex={-1}>
        {d.heading}
      </h1>
      {props.notice === 'message_sent' && (
        <p class="notice" id={NOTICE_ID} role="status" tabIndex={-1}>
          {d.messageSent}
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{d.statusLabel}</dt>
          <dd>
            <strong class={`status status-${view.status}`}>{current.label}</strong>
            <span class="status-text">{current.text}</span>
          </dd>
        </div>
        <div>
          <dt>{d.receivedLabel}</dt>
          <dd>
            <time dateTime={view.receivedAt}>{formatHour(view.receivedAt, d.time)}</time>
          </dd>
        </div>
      </dl>
      <details class="statuses">
        <summary>{d.allStatuses}</summary>
        <dl>
          {PUBLIC_STATUSES.map((status) => (
            <div key={status}>
              <dt>{d.statuses[status].label}</dt>
              <dd>{d.statuses[status].text}</dd>
            </div>
          ))}
        </dl>
      </details>
      {view.publicMessage !== undefined && view.publicMessage !== '' && (
        <section>
          <h2 id="public-message-heading">{d.publicMessageHeading}</h2>
          <p class="public-message text-block">{view.publicMessage}</p>
        </section>
      )}
      <section>
        <h2 id="messages-heading">{d.messagesHeading}</h2>
        {view.messages.length === 0 ? (
          <p>{d.noMessages}</p>
        ) : (
          <ol class="messages">
            {view.messages.map((message, index) => (
              <li class={`message message-${message.from}`} key={index}>
                <p class="message-meta">
                  <strong>{message.from === 'staff' ? d.fromStaff : d.fromYou}</strong>{' '}
                  <time dateTime={message.at}>{formatHour(message.at, d.time)}</time>
                </p>
                <p class="text-block">{message.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h2 id="files-heading">{d.filesHeading}</h2>
        {view.files.length === 0 ? (
          <p>{d.noFiles}</p>
        ) : (
          <ul class="files" aria-labelledby="files-heading">
            {view.files.map((file, index) => (
              <li key={index}>
                <span class="file-name">{file.name}</span> <span class="file-size">{formatBytes(file.size)}</span>{' '}
                <time dateTime={file.at}>{formatHour(file.at, d.time)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2 id="follow-up-heading">{d.followUpHeading}</h2>
        {problems.length > 0 && <ErrorSummary title={m.errorSummary} items={problems} />}
        <form
          method="post"
          action="/api/status/messages"
          enctype="multipart/form-data"
          id="follow-up-form"
          noValidate
          autoComplete="off"
        >
          <input type="hidden" name="trackingCode" value={props.trackingCode} />
          <input type="hidden" name="lang" value={props.lang} />
          <div class={followUpError !== undefined ? 'field field-invalid' : 'field'}>
            <label for={BODY_ID}>{d.followUpLabel}</label>
            <p class="hint" id={`${BODY_ID}-hint`}>
              {d.followUpHint}
            </p>
            {followUpError !== undefined && (
              <p class="field-error" id={errorId}>
                {followUpProblemText(m, followUpError)}
              </p>
            )}
            <textarea
              id={BODY_ID}
              name="body"
              rows={6}
              value={props.followUpValue ?? ''}
              aria-invalid={followUpError !== undefined ? 'true' : undefined}
              aria-describedby={describedBy(`${BODY_ID}-hint`, errorId)}
            />
          </div>
          {props.upload}
          {props.failure !== undefined && (
            <p class="form-failure" role="alert">
              {props.failure}
            </p>
          )}
          <button type="submit" class="button" aria-disabled={props.busy === true ? 'true' : undefined}>
            {props.busy === true ? d.sending : d.followUpSubmit}
          </button>
        </form>
      </section>
      <p class="small">{d.leaveAdvice}</p>
      <p>
        <a href={pagePath(props.lang, 'status')}>{d.lookupAnother}</a>
      </p>
    </div>
  );
}
