/**
 * The parts of the status page that answer the reporter: the deadlines kept
 * or not, the messages with what is new and the question asked, and what
 * they sent. Shared by the no-JS page and the status island.
 */
import type { JSX } from 'preact';
import type { SentReport, StatusDeadlines, StatusView } from '../../contract/report-fields';
import { fill } from '../i18n/fill';
import type { Lang } from '../i18n/lang';
import type { StatusMessages } from '../i18n/types';
import { formatHour } from '../lib/status-view';

export const FOLLOW_UP_HEADING_ID = 'follow-up-heading';
export const MESSAGES_HEADING_ID = 'messages-heading';

type DetailsMessages = StatusMessages['details'];

interface Props {
  lang: Lang;
  d: DetailsMessages;
  /** The display time zone (the operator profile's): every time is shown in it. */
  timeZone: string;
}

/** Where a commitment stands: met; not yet due; or late (due and not met, including met only after the date). */
export function deadlineState(by: string, met: boolean, now: number): 'met' | 'pending' | 'late' {
  if (met) return 'met';
  return Date.parse(by) < now ? 'late' : 'pending';
}

/** Acknowledgement and feedback, each with its date and whether it was kept. */
export function DeadlinesView({ lang, d, timeZone, deadlines, now }: Props & { deadlines: StatusDeadlines; now: number }): JSX.Element {
  const rows = [
    { key: 'acknowledge', label: d.deadlines.acknowledge, by: deadlines.acknowledgeBy, met: deadlines.acknowledgeMet },
    { key: 'feedback', label: d.deadlines.feedback, by: deadlines.feedbackBy, met: deadlines.feedbackMet },
  ] as const;
  return (
    <section>
      <h2 id="deadlines-heading">{d.deadlinesHeading}</h2>
      <ul class="deadlines" aria-labelledby="deadlines-heading">
        {rows.map((row) => {
          const state = deadlineState(row.by, row.met, now);
          const by = fill(lang, d.deadlines.by, { time: formatHour(lang, row.by, d, timeZone) });
          return (
            <li key={row.key} class={`deadline deadline-${state}`}>
              <span class="deadline-label">{row.label}</span>{' '}
              <time dateTime={row.by}>{by}</time>: <strong class="deadline-state">{d.deadlines[state]}</strong>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The messages, oldest first. New staff messages carry a visible "New"; while
 * the team waits for the reporter, its latest message is the question and
 * links to the form below.
 */
export function MessagesView({ lang, d, timeZone, view }: Props & { view: StatusView }): JSX.Element {
  const staffIndexes = view.messages.flatMap((message, index) => (message.from === 'staff' ? [index] : []));
  const question = view.status === 'awaiting_reporter' ? staffIndexes.at(-1) : undefined;
  return (
    <section>
      <h2 id={MESSAGES_HEADING_ID} tabIndex={-1}>
        {d.messagesHeading}
      </h2>
      {view.messages.length === 0 ? (
        <p>{d.noMessages}</p>
      ) : (
        <ol class="messages" aria-labelledby={MESSAGES_HEADING_ID}>
          {view.messages.map((message, index) => {
            const isQuestion = index === question;
            const classes = ['message', `message-${message.from}`, message.new ? 'message-new' : '', isQuestion ? 'message-question' : ''];
            return (
              <li class={classes.filter(Boolean).join(' ')} key={index}>
                {isQuestion && <p class="question-label">{d.questionLabel}</p>}
                <p class="message-meta">
                  <strong>{message.from === 'staff' ? d.fromStaff : d.fromYou}</strong>{' '}
                  <time dateTime={message.at}>{formatHour(lang, message.at, d, timeZone)}</time>
                  {message.new && <span class="new-marker">{d.newMarker}</span>}
                </p>
                <p class="text-block">{message.body}</p>
                {isQuestion && (
                  <p class="answer-link">
                    <a href={`#${FOLLOW_UP_HEADING_ID}`}>{d.answerQuestion}</a>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** What the reporter sent, folded away so they can re-read it while answering. */
export function SentReportView({ lang, d, timeZone, report }: Props & { report: SentReport }): JSX.Element {
  const s = d.sent;
  const rows: [string, string][] = [[s.category, s.categories[report.category]]];
  for (const field of ['details', 'region', 'location', 'subjects', 'occurredAt'] as const) {
    const value = report[field];
    if (value !== undefined) rows.push([s.fields[field], value]);
  }
  if (report.officialsInvolved !== undefined) rows.push([s.fields.officialsInvolved, s.officials[report.officialsInvolved]]);
  for (const field of ['officialsDetails', 'discouraged'] as const) {
    const value = report[field];
    if (value !== undefined) rows.push([s.fields[field], value]);
  }
  return (
    <details class="sent">
      <summary>{s.heading}</summary>
      <dl class="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd class="text-block">{value}</dd>
          </div>
        ))}
      </dl>
      {report.followUps.length > 0 && (
        <>
          <h3>{s.followUps}</h3>
          <ol class="messages">
            {report.followUps.map((followUp, index) => (
              <li class="message" key={index}>
                <p class="message-meta">
                  <time dateTime={followUp.at}>{formatHour(lang, followUp.at, d, timeZone)}</time>
                </p>
                <p class="text-block">{followUp.body}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </details>
  );
}
