import type { JSX } from 'preact';
import { pagePath } from '../i18n/lang';
import { formatBytes } from '../../contract/attachments';
import type { StatusView } from '../../contract/report-fields';
import { PUBLIC_STATUSES } from '../../contract/vocabulary';
import { fill } from '../i18n/fill';
import { formatHour } from '../lib/status-view';
import { FollowUpFormView, type FollowUpFormViewProps } from './follow-up-form-view';
import { DeadlinesView, FOLLOW_UP_HEADING_ID, MESSAGES_HEADING_ID, MessagesView, SentReportView } from './status-answers-view';

export const DETAILS_HEADING_ID = 'details-heading';
export const NOTICE_ID = 'notice';

/** The report's status and messages, and everything its follow-up form shows. */
export interface StatusDetailsViewProps extends FollowUpFormViewProps {
  view: StatusView;
  notice?: 'message_sent' | undefined;
  /** What time it is (ms): whether a deadline has passed. The current time unless told. */
  now?: number | undefined;
  /** The display time zone (the operator profile's `timeZone`): every time on the page is shown in it. */
  timeZone: string;
}

/** A report's status, messages and the follow-up form. */
export function StatusDetailsView(props: StatusDetailsViewProps): JSX.Element {
  const { m, view } = props;
  const d = m.details;
  const current = d.statuses[view.status];
  const newCount = view.messages.filter((message) => message.new).length;
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
      {newCount > 0 && (
        <p class="new-count">
          <a href={`#${MESSAGES_HEADING_ID}`}>{fill(props.lang, d.newCount, { count: newCount })}</a>
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{d.statusLabel}</dt>
          <dd>
            <strong class={`status status-${view.status}`}>{current.label}</strong>
            <span class="status-text">{current.text}</span>
            {view.status === 'awaiting_reporter' && (
              <a class="status-text" href={`#${FOLLOW_UP_HEADING_ID}`}>
                {d.answerQuestion}
              </a>
            )}
          </dd>
        </div>
        {view.outcome !== undefined && (
          <div>
            <dt>{d.outcomeLabel}</dt>
            <dd class="outcome">{d.outcomes[view.outcome]}</dd>
          </div>
        )}
        {view.referral !== undefined && (
          <div>
            <dt>{d.referralLabel}</dt>
            <dd class="referral">{view.referral.agency}</dd>
          </div>
        )}
        <div>
          <dt>{d.receivedLabel}</dt>
          <dd>
            <time dateTime={view.receivedAt}>{formatHour(props.lang, view.receivedAt, d, props.timeZone)}</time>
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
          {view.publicMessageAt !== undefined && (
            <p class="small">
              <time dateTime={view.publicMessageAt}>{fill(props.lang, d.publicMessageAt, { time: formatHour(props.lang, view.publicMessageAt, d, props.timeZone) })}</time>
            </p>
          )}
        </section>
      )}
      <DeadlinesView lang={props.lang} d={d} timeZone={props.timeZone} deadlines={view.deadlines} now={props.now ?? Date.now()} />
      <MessagesView lang={props.lang} d={d} timeZone={props.timeZone} view={view} />
      <section>
        <h2 id="files-heading">{d.filesHeading}</h2>
        {view.files.length === 0 ? (
          <p>{d.noFiles}</p>
        ) : (
          <ul class="files" aria-labelledby="files-heading">
            {view.files.map((file, index) => (
              <li key={index}>
                <span class="file-name">{file.name}</span> <span class="file-size">{formatBytes(file.size)}</span>{' '}
                <time dateTime={file.at}>{formatHour(props.lang, file.at, d, props.timeZone)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
      <SentReportView lang={props.lang} d={d} timeZone={props.timeZone} report={view.report} />
      <section>
        <h2 id={FOLLOW_UP_HEADING_ID} tabIndex={-1}>
          {d.followUpHeading}
        </h2>
        <FollowUpFormView {...props} />
      </section>
      <p class="small">{d.leaveAdvice}</p>
      <p>
        <a href={pagePath(props.lang, 'status')}>{d.lookupAnother}</a>
      </p>
    </div>
  );
}
