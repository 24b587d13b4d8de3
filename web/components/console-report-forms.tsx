/**
 * The report page below the content: messages and the reply form, the public
 * message, case records and their forms, handling controls, related reports
 * and the contact reveal. Pure rendering; the island runs the actions.
 */
import type { CaseWords, ConsoleMessages, StaffReportMessages } from '../i18n/types';
import type { JSX } from 'preact';
import type { Lang } from '../i18n/lang';
import { LIMITS } from '../../contract/report-fields';
import { channelName, formatTime } from '../staff/format';
import { fill, labelOf } from '../i18n/fill';
import { REVEAL_REASON_MIN, type ActionKey } from '../staff/report-actions';
import { CLOSE_OUTCOMES, PRIORITIES } from '../../contract/vocabulary';
import { nextStatuses } from '../../contract/status-transitions';
import type { Assignees, CaseView, ContactDetails, SessionInfo } from '../staff/types';
import { ActionAnswer, ActionForm, Field, type ActionContext } from './console-action-form';
import { InterferenceFields, today } from './console-interference-fields';
import { RecordList } from './console-report-records';
import { ReplyTemplatePicker } from '../staff/reply-template-picker';
import { ReferralPackageForm } from '../staff/referral-package';

export interface ReportSectionProps {
  lang: Lang;
  w: CaseWords;
  m: StaffReportMessages;
  /** The console's common messages (error texts). */
  c: ConsoleMessages;
  view: CaseView;
  me: SessionInfo;
  myId: number | null;
  ctx: ActionContext;
  contact: ContactDetails | null;
  perform: (key: ActionKey, values: Record<string, string>, form: HTMLFormElement | null) => Promise<void>;
  /** Who the lead may be assigned to (GET /reports/:id/assignees); null until loaded or when it failed. */
  assignees: Assignees['assignees'] | null;
  /** The outcome picked in the close form, waiting for confirmation; null when not closing. */
  closing: string | null;
  confirmClose: () => void;
  cancelClose: () => void;
  /** A referral package was made: fold the recorded referral into the page. */
  packaged: (made: { agency: string; date: string; contactReason: string | null }) => void;
}

/** The confirm button of the close step: focused when the step opens. */
export const CLOSE_CONFIRM_ID = 'close-confirm';

/** The public message's field: focused after a status change or closing, to prompt an update. */
export const PUBLIC_MESSAGE_FIELD_ID = 'f-publicMessage-body';

export function Messages({ lang, m, view, ctx }: ReportSectionProps): JSX.Element {
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
        <ReplyTemplatePicker lang={lang} m={m.reply.templates} target="f-reply-body" />
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

export function Records({ lang, w, m, c, view, ctx, packaged }: ReportSectionProps): JSX.Element {
  const i = m.interference;
  return (
    <section>
      <h2 id="h-records">{m.records.heading}</h2>
      <RecordList lang={lang} m={m} labels={w} records={view.caseRecords} />
      <ActionForm action="note" ctx={ctx} heading={m.note.heading} submit={m.note.submit}>
        <Field action="note" ctx={ctx} name="body" kind="textarea" label={m.note.label} hint={m.note.hint} required maxLength={LIMITS.followUp.max} />
        <Field action="note" ctx={ctx} name="formal" kind="checkbox" label={m.note.formal} hint={m.note.formalHint} />
      </ActionForm>
      <ActionForm action="referral" collapsible ctx={ctx} heading={m.referral.heading} submit={m.referral.submit}>
        <Field action="referral" ctx={ctx} name="agency" label={m.referral.agency} required maxLength={200} />
        <Field action="referral" ctx={ctx} name="reference" label={m.referral.reference} maxLength={200} />
        <Field action="referral" ctx={ctx} name="date" kind="date" label={m.referral.date} required defaultValue={today()} />
        <Field action="referral" ctx={ctx} name="tellReporter" kind="checkbox" label={m.referral.tellReporter} hint={m.referral.tellReporterHint} defaultChecked />
      </ActionForm>
      <ReferralPackageForm lang={lang} m={m} c={c} reportId={view.id} hasContact={view.hasContact} onMade={packaged} />
      <ActionForm action="interference" collapsible ctx={ctx} heading={i.heading} intro={i.intro} submit={i.submit}>
        <InterferenceFields ctx={ctx} m={i} methods={w.interferenceMethods} />
      </ActionForm>
    </section>
  );
}

/** The channel's members; the current assignee is kept even when the list is missing (or they lost the channel). */
function assigneeChoices({ assignees, view }: ReportSectionProps): Assignees['assignees'] {
  const members = assignees ?? [];
  const current = view.assignee;
  return current === null || members.some((member) => member.id === current.id) ? members : [current, ...members];
}

export function Handling(props: ReportSectionProps): JSX.Element {
  const { lang, w, m, view, me, myId, ctx, perform } = props;
  const otherChannels = me.channels.filter((channel) => channel.slug !== view.channel);
  const closed = view.status === 'closed';
  return (
    <section class="case-handling">
      <h2 id="h-handling">{m.handling}</h2>
      <ActionForm
        action="status"
        ctx={ctx}
        heading={m.status.heading}
        intro={fill(lang, closed ? m.status.closedHint : m.status.hint, { ...w.statuses, status: w.statuses[view.status] })}
        submit={m.status.submit}
      >
        <p>
          {m.fields.status}: <strong>{w.statuses[view.status]}</strong>
        </p>
        {/* Only the steps the server's state machine takes from here (contract/status-transitions.ts). */}
        <Field
          action="status"
          ctx={ctx}
          name="status"
          kind="select"
          label={m.status.label}
          options={nextStatuses(view.status).map((status) => ({ value: status, label: w.statuses[status] }))}
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
          {m.fields.assignee}: <strong>{view.assignee === null ? w.unassigned : view.assignee.username}</strong>
        </p>
        <Field
          action="assignee"
          ctx={ctx}
          name="staffId"
          kind="select"
          label={m.assignee.label}
          hint={m.assignee.hint}
          options={[
            { value: '', label: w.unassigned, selected: view.assignee === null },
            ...assigneeChoices(props).map((member) => ({ value: String(member.id), label: member.username, selected: member.id === view.assignee?.id })),
          ]}
        />
      </ActionForm>
      {otherChannels.length === 0 ? (
        <section class="action">
          <h3 id="h-move">{m.move.heading}</h3>
          <p>{m.move.noOther}</p>
          <ActionAnswer action="move" result={ctx.results.move} />
        </section>
      ) : (
        <ActionForm action="move" collapsible ctx={ctx} heading={m.move.heading} submit={m.move.submit}>
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
        <>
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
          {props.closing !== null && <CloseConfirm {...props} closing={props.closing} />}
        </>
      )}
    </section>
  );
}

/** The step between choosing an outcome and closing: names the outcome, Cancel keeps the lead open. */
function CloseConfirm(props: ReportSectionProps & { closing: string }): JSX.Element {
  const { lang, w, m, view } = props;
  const outcome = w.outcomes[props.closing as keyof typeof w.outcomes] ?? props.closing;
  return (
    <div class="confirm-step" role="group" aria-labelledby="close-confirm-question">
      <p id="close-confirm-question">
        <strong>{fill(lang, m.close.confirm, { id: String(view.id), outcome })}</strong>
      </p>
      <p class="actions">
        <button id={CLOSE_CONFIRM_ID} type="button" class="button" aria-describedby="close-confirm-question" onClick={props.confirmClose}>
          {m.close.confirmYes}
        </button>{' '}
        <button type="button" class="button button-secondary" onClick={props.cancelClose}>
          {m.close.cancel}
        </button>
      </p>
    </div>
  );
}

export function Links({ lang, w, m, view, ctx }: ReportSectionProps): JSX.Element {
  return (
    <section>
      <h2 id="h-links">{m.links.heading}</h2>
      {view.links.length === 0 ? (
        <p>{m.links.none}</p>
      ) : (
        <ul class="list">
          {view.links.map((lead) => (
            // Which lead it is at a glance, as the related leads are listed (web/staff/related-leads.tsx).
            <li key={lead.id}>
              <a href={`?id=${lead.id}`}>{fill(lang, w.reportName, { id: String(lead.id) })}</a>
              {` · ${labelOf(w.categories, lead.category)} · ${w.statuses[lead.status]}`}
            </li>
          ))}
        </ul>
      )}
      <ActionForm action="link" collapsible ctx={ctx} heading={m.links.submit} submit={m.links.submit}>
        <Field action="link" ctx={ctx} name="relatedId" kind="number" label={m.links.label} required maxLength={16} />
      </ActionForm>
    </section>
  );
}

export function Contact({ lang, m, view, ctx, contact }: ReportSectionProps): JSX.Element {
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
        <ActionForm action="reveal" collapsible ctx={ctx} heading={k.submit} intro={k.intro} submit={k.submit}>
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
