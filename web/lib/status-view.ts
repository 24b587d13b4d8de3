/** Checking and displaying the `StatusView` the API returns. */
import { OFFICIALS_INVOLVED, type SentReport, type StatusDeadlines, type StatusView } from '../../contract/report-fields';
import { CATEGORIES, CLOSE_OUTCOMES, isOneOf, PUBLIC_STATUSES } from '../../contract/vocabulary';
import { fill } from '../i18n/fill';
import { htmlLang, type Lang } from '../i18n/lang';

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

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO time in the display time zone (the operator profile's `timeZone`),
 * in the words of the language's `time` message (`months` names each month),
 * the zone named: "28 November 2026, 02:00 (Taipei Standard Time)". Times are
 * stored to the hour in UTC; a zone off the hour shows its minutes.
 */
export function formatHour(lang: Lang, iso: string, m: { time: string; months: readonly string[] }, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${lang} ${timeZone}`;
  let format = hourFormats.get(key);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'long' };
    try {
      format = new Intl.DateTimeFormat(htmlLang(lang), { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat(htmlLang(lang), { ...options, timeZone: 'UTC' }); // a zone this browser does not know
    }
    hourFormats.set(key, format);
  }
  const parts = new Map(format.formatToParts(date).map((part) => [part.type, part.value]));
  const month = Number(parts.get('month')) - 1;
  return fill(lang, m.time, {
    year: parts.get('year') ?? '',
    month: m.months[month] ?? parts.get('month') ?? '',
    day: parts.get('day') ?? '',
    hour: parts.get('hour') ?? '',
    minute: parts.get('minute') ?? '',
    zone: parts.get('timeZoneName') ?? timeZone,
  });
}
