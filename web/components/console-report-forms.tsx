/**
 * The report page below the content: messages and the reply form, the public
 * message, case records and their forms, handling controls, related reports
 * and the contact reveal. Pure rendering; the island runs the actions.
 */
import type { CaseWords, StaffReportMessages } from '../i18n/types';
import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import { LIMITS } from '../../contract/report-fields';
import { channelName, formatTime } from '../staff/format';
import { fill } from '../i18n/fill';
import { REVEAL_REASON_MIN, type ActionKey } from '../staff/report-actions';
import { CLOSE_OUTCOMES, INTERNAL_STATUSES, PRIORITIES } from '../../contract/vocabulary';
import type { CaseView, ContactDetails, SessionInfo } from '../staff/types';
import { ActionAnswer, ActionForm, Field, type ActionContext } from './console-action-form';
import { InterferenceFields, today } from './console-interference-fields';
import { RecordList } from './console-report-records';

interface Props {
  lang: Lang;
  w: CaseWords;
  m: StaffReportMessages;
  view: CaseView;
  me: SessionInfo;
  myId: number | null;
  ctx: ActionContext;
  contact: ContactDetails | null;
  perform: (key: ActionKey, values: Record<string, string>, form: HTMLFormElement | null) => Promise<void>;
}

/** The public message's field: focused after a status change or closing, to prompt an update. */
export const PUBLIC_MESSAGE_FIELD_ID = 'f-publicMessage-body';

function Messages({ lang, m, view, ctx }: Props): JSX.Element {
  return (
    <section>
      <h2 id="h-messages">{m.messages.heading}</h2>
      {view.messages.length === 0 ? (
        <p>{m.messages.none}</p>
      ) : (
        <ol class="messages">
          {view.messages.map((message) => (
            <li key={message.id} class={`message message-${message.from}`}>
              <p class="message-meta">
                <strong>{message.from === 'staff' ? m.messages.fromStaff : m.messages.fromReporter}</strong> · {formatTime(lang, message.at)}
              </p>
              <p class="text-block">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      <ActionForm action="reply" ctx={ctx} heading={m.reply.heading} submit={m.reply.submit}>
        <Field action="reply" ctx={ctx} name="body" kind="textarea" label={m.reply.label} hint={m.reply.hint} required maxLength={LIMITS.followUp.max} />
      </ActionForm>
      <ActionForm action="publicMessage" ctx={ctx} heading={m.publicMessage.heading} submit={m.publicMessage.submit}>
        <p>{m.publicMessage.current}</p>
        {view.publicMessage === null ? <p class="hint">{m.publicMessage.none}</p> : <blockquote class="text-block">{view.publicMessage}</blockquote>}
        <Field
          action="publicMessage"
          ctx={ctx}
          name="body"
          kind="textarea"
          label={m.publicMessage.label}
          hint={m.publicMessage.hint}
          required
          defaultValue={view.publicMessage ?? ''}
          maxLength={LIMITS.followUp.max}
        />
      </ActionForm>
    </section>
  );
}

function Records({ lang, w, m, view, ctx }: Props): JSX.Element {
  const i = m.interference;
  return (
    <section>
      <h2 id="h-records">{m.records.heading}</h2>
      <RecordList lang={lang} m={m} methods={w.interferenceMethods} records={view.caseRecords} />
      <ActionForm action="note" ctx={ctx} heading={m.note.heading} submit={m.note.submit}>
        <Field action="note" ctx={ctx} name="body" kind="textarea" label={m.note.label} hint={m.note.hint} required maxLength={LIMITS.followUp.max} />
      </ActionForm>
      <ActionForm action="referral" ctx={ctx} heading={m.referral.heading} submit={m.referral.submit}>
        <Field action="referral" ctx={ctx} name="agency" label={m.referral.agency} required maxLength={200} />
        <Field action="referral" ctx={ctx} name="reference" label={m.referral.reference} maxLength={200} />
        <Field action="referral" ctx={ctx} name="date" kind="date" label={m.referral.date} required defaultValue={today()} />
        <Field action="referral" ctx={ctx} name="tellReporter" kind="checkbox" label={m.referral.tellReporter} hint={m.referral.tellReporterHint} defaultChecked />
      </ActionForm>
      <ActionForm action="interference" ctx={ctx} heading={i.heading} intro={i.intro} submit={i.submit}>
        <InterferenceFields ctx={ctx} m={i} methods={w.interferenceMethods} />
      </ActionForm>
    </section>
  );
}

function Handling({ lang, w, m, view, me, myId, ctx, perform }: Props): JSX.Element {
  const otherChannels = me.channels.filter((channel) => channel.slug !== view.channel);
  const closed = view.status === 'closed';
  return (
    <section>
      <h2 id="h-handling">{m.handling}</h2>
      <ActionForm action="status" ctx={ctx} heading={m.status.heading} submit={m.status.submit}>
        <Field
          action="status"
          ctx={ctx}
          name="status"
          kind="select"
          label={m.status.label}
          options={INTERNAL_STATUSES.map((status) => ({ value: status, label: w.statuses[status], selected: status === view.status }))}
        />
      </ActionForm>
      <ActionForm action="priority" ctx={ctx} heading={m.priority.heading} submit={m.priority.submit}>
        <Field
          action="priority"
          ctx={ctx}
          name="priority"
          kind="select"
          label={m.priority.label}
          options={PRIORITIES.map((p) => ({ value: String(p), label: w.priorities[p] ?? String(p), selected: p === view.priority }))}
        />
      </ActionForm>
      <ActionForm
        action="assignee"
        ctx={ctx}
        heading={m.assignee.heading}
        submit={m.assignee.submit}
        extra={
          <>
            {myId !== null && view.assignee?.id !== myId && (
              <button type="button" class="button button-secondary" onClick={() => void perform('assignee', { staffId: String(myId) }, null)}>
                {m.assignee.assignMe}
              </button>
            )}
            {view.assignee !== null && (
              <button type="button" class="button button-secondary" onClick={() => void perform('assignee', { staffId: '' }, null)}>
                {m.assignee.unassign}
              </button>
            )}
          </>
        }
      >
        <p>
          {m.fields.assignee}: {view.assignee === null ? w.unassigned : `${view.assignee.username} (${view.assignee.id})`}
        </p>
        <Field action="assignee" ctx={ctx} name="staffId" kind="number" label={m.assignee.label} hint={m.assignee.hint} maxLength={16} />
      </ActionForm>
      {otherChannels.length === 0 ? (
        <section class="action">
          <h3 id="h-move">{m.move.heading}</h3>
          <p>{m.move.noOther}</p>
          <ActionAnswer action="move" result={ctx.results.move} />
        </section>
      ) : (
        <ActionForm action="move" ctx={ctx} heading={m.move.heading} submit={m.move.submit}>
          <Field
            action="move"
            ctx={ctx}
            name="channel"
            kind="select"
            label={m.move.label}
            options={otherChannels.map((channel) => ({ value: channel.slug, label: channelName(lang, channel) }))}
          />
        </ActionForm>
      )}
      {closed ? (
        <section class="action">
          <h3 id="h-close">{m.close.heading}</h3>
          <p>{m.close.alreadyClosed}</p>
          <ActionAnswer action="close" result={ctx.results.close} />
        </section>
      ) : (
        <ActionForm action="close" ctx={ctx} heading={m.close.heading} submit={m.close.submit}>
          <Field
            action="close"
            ctx={ctx}
            name="outcome"
            kind="select"
            label={m.close.label}
            options={CLOSE_OUTCOMES.map((outcome) => ({ value: outcome, label: w.outcomes[outcome] }))}
          />
        </ActionForm>
      )}
    </section>
  );
}

function Links({ lang, w, m, view, ctx }: Props): JSX.Element {
  return (
    <section>
      <h2 id="h-links">{m.links.heading}</h2>
      {view.links.length === 0 ? (
        <p>{m.links.none}</p>
      ) : (
        <ul class="list">
          {view.links.map((id) => (
            <li key={id}>
              <a href={`?id=${id}`}>{fill(lang, w.reportName, { id: String(id) })}</a>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action="link" ctx={ctx} heading={m.links.submit} submit={m.links.submit}>
        <Field action="link" ctx={ctx} name="relatedId" kind="number" label={m.links.label} required maxLength={16} />
      </ActionForm>
    </section>
  );
}

function Contact({ lang, m, view, ctx, contact }: Props): JSX.Element {
  const k = m.contact;
  return (
    <section>
      <h2 id="h-contact">{k.heading}</h2>
      {!view.hasContact ? (
        <p>{k.none}</p>
      ) : contact !== null ? (
        <>
          <dl class="facts" id="contact-details">
            {(
              [
                [k.name, contact.name],
                [k.phone, contact.phone],
                [k.email, contact.email],
              ] as const
            ).map(([label, value]) => (
              <div>
                <dt>{label}</dt>
                <dd>{value === undefined || value === '' ? k.empty : value}</dd>
              </div>
            ))}
          </dl>
          <ActionAnswer action="reveal" result={ctx.results.reveal} />
        </>
      ) : (
        <ActionForm action="reveal" ctx={ctx} heading={k.submit} intro={k.intro} submit={k.submit}>
          <Field
            action="reveal"
            ctx={ctx}
            name="reason"
            kind="textarea"
            label={k.reason}
            hint={fill(lang, k.reasonHint, { min: REVEAL_REASON_MIN })}
            required
            maxLength={2000}
          />
        </ActionForm>
      )}
    </section>
  );
}

/** Everything on the report page after its overview and content. */
export function ReportSections(props: Props): JSX.Element {
  return (
    <>
      <Messages {...props} />
      <Records {...props} />
      <Handling {...props} />
      <Links {...props} />
      <Contact {...props} />
    </>
  );
}
