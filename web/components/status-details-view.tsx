import type { JSX } from 'preact';
import { pagePath, type Lang } from '../i18n/lang';
import type { StatusMessages } from '../i18n/types';
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
        <h2 id="follow-up-heading">{d.followUpHeading}</h2>
        {followUpError !== undefined && (
          <ErrorSummary
            title={m.errorSummary}
            items={[{ href: `#${BODY_ID}`, text: followUpProblemText(m, followUpError) }]}
          />
        )}
        <form method="post" action="/api/status/messages" id="follow-up-form" noValidate autoComplete="off">
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
              required
              value={props.followUpValue ?? ''}
              aria-invalid={followUpError !== undefined ? 'true' : undefined}
              aria-describedby={describedBy(`${BODY_ID}-hint`, errorId)}
            />
          </div>
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
