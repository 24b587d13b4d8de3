/**
 * What each report-page action sends and how its answer changes the page:
 * the one place that turns a form's values into a staff API call.
 * Field names match the API's, so its `error.fields` point at the same inputs.
 */
import type { StaffReportMessages } from '../i18n/types';
import type { CaseRecordView, CloseOutcome } from './types';
import { fill } from '../i18n/fill';
import type { Lang } from '../i18n/lang';
import { interferenceEntry } from './interference-entry';

export type ActionKey =
  | 'reply'
  | 'publicMessage'
  | 'note'
  | 'referral'
  | 'interference'
  | 'status'
  | 'priority'
  | 'assignee'
  | 'move'
  | 'close'
  | 'link'
  | 'reveal'
  | 'lease';

type RecordFields = CaseRecordView extends infer R ? (R extends unknown ? Omit<R, 'id' | 'by' | 'at' | 'signature'> : never) : never;

/** How an answer is folded into the page. */
export type ActionOutcome =
  | { kind: 'summary'; publicMessage?: string }
  /** Closing: the queue row, and the signed closing record it answers with. */
  | { kind: 'closed'; outcome: CloseOutcome }
  | { kind: 'message'; body: string }
  | { kind: 'record'; record: RecordFields }
  | { kind: 'link'; relatedId: number }
  | { kind: 'contact'; reason: string };

export interface PreparedAction {
  path: string;
  body: unknown;
  outcome: ActionOutcome;
  /** The success line. */
  done: string;
}

/** Minimum length of the reason for revealing contact details (the API's rule). */
export const REVEAL_REASON_MIN = 10;

/** The request for an action, or the fields (name and label) to fix first. */
export function reportAction(
  key: ActionKey,
  values: Record<string, string>,
  m: StaffReportMessages,
  lang: Lang,
): PreparedAction | { invalid: { name: string; label: string }[] } {
  const v = (name: string): string => (values[name] ?? '').trim();
  const invalid: { name: string; label: string }[] = [];
  const need = (name: string, label: string, min = 1): string => {
    const value = v(name);
    if (value.length < min) invalid.push({ name, label: min > 1 ? `${label} (${fill(lang, m.tooShort, { min })})` : label });
    return value;
  };
  const optional = (name: string): string | undefined => (v(name) === '' ? undefined : v(name));
  const wholeNumber = (name: string, label: string): number => {
    const value = v(name);
    if (!/^[1-9]\d{0,15}$/.test(value)) invalid.push({ name, label });
    return Number(value);
  };

  let prepared: PreparedAction;
  switch (key) {
    case 'reply': {
      const body = need('body', m.reply.label);
      prepared = { path: 'replies', body: { body }, outcome: { kind: 'message', body }, done: m.reply.done };
      break;
    }
    case 'publicMessage': {
      const body = need('body', m.publicMessage.label);
      prepared = { path: 'public-message', body: { body }, outcome: { kind: 'summary', publicMessage: body }, done: m.publicMessage.done };
      break;
    }
    case 'note': {
      const body = need('body', m.note.label);
      // A formal record is signed by the server with the author's key; an unticked checkbox is absent.
      const formal = values['formal'] === 'on';
      const record = formal ? ({ kind: 'note', body, formal } as const) : ({ kind: 'note', body } as const);
      prepared = { path: 'notes', body: { body, formal }, outcome: { kind: 'record', record }, done: m.note.done };
      break;
    }
    case 'referral': {
      const fields = { agency: need('agency', m.referral.agency), reference: optional('reference'), date: need('date', m.referral.date) };
      if (fields.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(fields.date)) invalid.push({ name: 'date', label: m.referral.date });
      // An unticked checkbox is simply absent from the form's values.
      const body = { ...fields, tellReporter: values['tellReporter'] === 'on' };
      prepared = { path: 'referrals', body, outcome: { kind: 'record', record: { kind: 'referral', ...fields } }, done: m.referral.done };
      break;
    }
    case 'interference': {
      const entry = interferenceEntry(values, m.interference);
      if ('invalid' in entry) return entry;
      const record = { kind: 'interference', version: 2, ...entry.body } as const;
      prepared = { path: 'interference', body: entry.body, outcome: { kind: 'record', record }, done: m.interference.done };
      break;
    }
    case 'status':
      prepared = { path: 'status', body: { status: need('status', m.status.label) }, outcome: { kind: 'summary' }, done: m.status.done };
      break;
    case 'priority': {
      const priority = Number(need('priority', m.priority.label));
      prepared = { path: 'priority', body: { priority }, outcome: { kind: 'summary' }, done: m.priority.done };
      break;
    }
    case 'assignee': {
      const staffId = v('staffId') === '' ? null : wholeNumber('staffId', m.assignee.label);
      prepared = { path: 'assignee', body: { staffId }, outcome: { kind: 'summary' }, done: m.assignee.done };
      break;
    }
    case 'move':
      prepared = { path: 'move', body: { channel: need('channel', m.move.label) }, outcome: { kind: 'summary' }, done: m.move.done };
      break;
    case 'close': {
      const outcome = need('outcome', m.close.label) as CloseOutcome;
      prepared = { path: 'close', body: { outcome }, outcome: { kind: 'closed', outcome }, done: m.close.done };
      break;
    }
    case 'link': {
      const relatedId = wholeNumber('relatedId', m.links.label);
      prepared = { path: 'links', body: { relatedId }, outcome: { kind: 'link', relatedId }, done: m.links.done };
      break;
    }
    case 'reveal': {
      const reason = need('reason', m.contact.reason, REVEAL_REASON_MIN);
      prepared = { path: 'reveal-contact', body: { reason }, outcome: { kind: 'contact', reason }, done: m.contact.done };
      break;
    }
    case 'lease':
      prepared = { path: 'lease', body: { action: 'release' }, outcome: { kind: 'summary' }, done: m.lease.released };
      break;
  }
  return invalid.length > 0 ? { invalid } : prepared;
}
