import type { JSX } from 'preact';
import { pagePath } from '../i18n/lang';
import { formatBytes } from '../../contract/attachments';
import type { StatusView } from '../../contract/report-fields';
import { PUBLIC_STATUSES } from '../../contract/vocabulary';
import { formatHour } from '../lib/status-view';
import { FollowUpFormView, type FollowUpFormViewProps } from './follow-up-form-view';

export const DETAILS_HEADING_ID = 'details-heading';
export const NOTICE_ID = 'notice';

/** The report's status and messages, and everything its follow-up form shows. */
export interface StatusDetailsViewProps extends FollowUpFormViewProps {
  view: StatusView;
  notice?: 'message_sent' | undefined;
}

/** A report's status, messages and the follow-up form. */
export function StatusDetailsView(props: StatusDetailsViewProps): JSX.Element {
  const { m, view } = props;
  const d = m.details;
  const current = d.statuses[view.status];
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
            <time dateTime={view.receivedAt}>{formatHour(props.lang, view.receivedAt, d)}</time>
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
                  <time dateTime={message.at}>{formatHour(props.lang, message.at, d)}</time>
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
                <time dateTime={file.at}>{formatHour(props.lang, file.at, d)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2 id="follow-up-heading">{d.followUpHeading}</h2>
        <FollowUpFormView {...props} />
      </section>
      <p class="small">{d.leaveAdvice}</p>
      <p>
        <a href={pagePath(props.lang, 'status')}>{d.lookupAnother}</a>
      </p>
    </div>
  );
}
