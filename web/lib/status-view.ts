/** Checking and displaying the `StatusView` the API returns. */
import type { StatusView } from '../../contract/report-fields';
import { PUBLIC_STATUSES } from '../../contract/vocabulary';
import { fill } from '../i18n/fill';
import type { Lang } from '../i18n/lang';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** The response body as a StatusView, or null if it does not have that shape. */
export function asStatusView(data: unknown): StatusView | null {
  if (!isObject(data)) return null;
  const { status, publicMessage, receivedAt, messages, files } = data;
  if (!(PUBLIC_STATUSES as readonly unknown[]).includes(status) || typeof receivedAt !== 'string') return null;
  if (!Array.isArray(messages)) return null;
  const view: StatusView = { status: status as StatusView['status'], receivedAt, messages: [], files: [] };
  if (typeof publicMessage === 'string' && publicMessage !== '') view.publicMessage = publicMessage;
  for (const message of messages) {
    if (!isObject(message)) return null;
    const { from, body, at } = message;
    if ((from !== 'staff' && from !== 'reporter') || typeof body !== 'string' || typeof at !== 'string') return null;
    view.messages.push({ from, body, at });
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
