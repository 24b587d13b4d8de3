/** Checking and displaying the `StatusView` the API returns. */
import { OFFICIALS_INVOLVED, type SentReport, type StatusDeadlines, type StatusView } from '../../contract/report-fields';
import { CATEGORIES, CLOSE_OUTCOMES, isOneOf, PUBLIC_STATUSES } from '../../contract/vocabulary';
import { fill } from '../i18n/fill';
import type { Lang } from '../i18n/lang';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

const SENT_TEXT = ['region', 'location', 'subjects', 'occurredAt', 'officialsDetails', 'discouraged'] as const;

function asDeadlines(x: unknown): StatusDeadlines | null {
  if (!isObject(x)) return null;
  const { acknowledgeBy, acknowledgeMet, feedbackBy, feedbackMet } = x;
  if (typeof acknowledgeBy !== 'string' || typeof feedbackBy !== 'string') return null;
  if (typeof acknowledgeMet !== 'boolean' || typeof feedbackMet !== 'boolean') return null;
  return { acknowledgeBy, acknowledgeMet, feedbackBy, feedbackMet };
}

function asSentReport(x: unknown): SentReport | null {
  if (!isObject(x)) return null;
  const { category, details, officialsInvolved, followUps } = x;
  if (!isOneOf(CATEGORIES, category) || typeof details !== 'string' || !Array.isArray(followUps)) return null;
  const report: SentReport = { category, details, followUps: [] };
  for (const field of SENT_TEXT) {
    const value = x[field];
    if (typeof value === 'string') report[field] = value;
  }
  if (isOneOf(OFFICIALS_INVOLVED, officialsInvolved)) report.officialsInvolved = officialsInvolved;
  for (const followUp of followUps) {
    if (!isObject(followUp) || typeof followUp['body'] !== 'string' || typeof followUp['at'] !== 'string') return null;
    report.followUps.push({ body: followUp['body'], at: followUp['at'] });
  }
  return report;
}

/** The response body as a StatusView, or null if it does not have that shape. */
export function asStatusView(data: unknown): StatusView | null {
  if (!isObject(data)) return null;
  const { status, publicMessage, publicMessageAt, referral, outcome, receivedAt, messages, files } = data;
  if (!isOneOf(PUBLIC_STATUSES, status) || typeof receivedAt !== 'string') return null;
  if (!Array.isArray(messages)) return null;
  const deadlines = asDeadlines(data['deadlines']);
  const report = asSentReport(data['report']);
  if (deadlines === null || report === null) return null;
  const view: StatusView = { status, receivedAt, deadlines, messages: [], files: [], report };
  if (typeof publicMessage === 'string' && publicMessage !== '') view.publicMessage = publicMessage;
  if (typeof publicMessageAt === 'string') view.publicMessageAt = publicMessageAt;
  if (isObject(referral) && typeof referral['agency'] === 'string') view.referral = { agency: referral['agency'] };
  if (isOneOf(CLOSE_OUTCOMES, outcome)) view.outcome = outcome;
  for (const message of messages) {
    if (!isObject(message)) return null;
    const { from, body, at } = message;
    if ((from !== 'staff' && from !== 'reporter') || typeof body !== 'string' || typeof at !== 'string') return null;
    view.messages.push({ from, body, at, new: message['new'] === true });
  }
  // Older servers sent no file list: treat it as empty.
  for (const file of Array.isArray(files) ? files : []) {
    if (!isObject(file)) return null;
    const { name, size, at } = file;
    if (typeof name !== 'string' || typeof size !== 'number' || typeof at !== 'string') return null;
    view.files.push({ name, size, at });
  }
  return view;
}

/** An ISO time as an hour in UTC, in the words of the language's `time` message (`months` names each month). */
export function formatHour(lang: Lang, iso: string, m: { time: string; months: readonly string[] }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const month = date.getUTCMonth();
  return fill(lang, m.time, {
    year: String(date.getUTCFullYear()),
    month: m.months[month] ?? String(month + 1),
    day: String(date.getUTCDate()),
    hour: String(date.getUTCHours()).padStart(2, '0'),
  });
}
