/** Small helpers every console island shares: placeholders, dates, error lines, going back to sign-in. */
import type { ConsoleMessages } from '../i18n/types';
import { htmlLang, staffPath, type Lang } from '../i18n/lang';
import type { ApiFailure } from './api';
import type { ChannelNames } from '../../contract/schemas/channels';
import { pageTimeZone } from '../lib/display-zone';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A timestamp from the API in the page's language and the operator's display
 * time zone (web/lib/display-zone.ts), the zone named ("GMT+8") so nobody
 * reads it as their own; a date alone for `withTime` false.
 */
export function formatTime(lang: Lang, iso: string, withTime = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const timeZone = pageTimeZone();
  const key = `${lang} ${timeZone} ${withTime}`;
  let format = formats.get(key);
  if (format === undefined) {
    const day: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', timeZone };
    const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
    format = new Intl.DateTimeFormat(htmlLang(lang), withTime ? { ...day, ...time } : day);
    formats.set(key, format);
  }
  return format.format(date);
}

/** The console's one sentence for a failed call: the API's error code in the page's language, or the generic failure line. */
export function errorText(c: ConsoleMessages, code: string): string {
  return (c.errors as Readonly<Record<string, string>>)[code] ?? c.failed;
}

/** The sign-in page; `ended` adds the "your session has ended" notice. */
export function signinUrl(lang: Lang, ended = false): string {
  return ended ? `${staffPath(lang, 'signin')}?ended=1` : staffPath(lang, 'signin');
}

/**
 * Take everything the page shows off the screen: every console page keeps
 * what it decrypted inside #main, and the session bar outside it shows only a name.
 */
export function clearConsoleScreen(): void {
  document.getElementById('main')?.replaceChildren();
}

/** Clear the screen and leave for the sign-in page (`ended`: say the session ended). */
export function leaveConsole(lang: Lang, ended: boolean): void {
  clearConsoleScreen();
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be disabled; the console keeps nothing there anyway.
  }
  location.replace(signinUrl(lang, ended));
}

/** Leave for the sign-in page when the server says the session is gone. True when it did. */
export function leaveIfSignedOut(lang: Lang, failure: ApiFailure): boolean {
  if (failure.status !== 401) return false;
  leaveConsole(lang, true);
  return true;
}

/** A channel's name in the page's language, or its default name when it has none in that language. */
export function channelName(lang: Lang, channel: Pick<ChannelNames, 'name' | 'names'>): string {
  return channel.names[lang] ?? channel.name;
}

/** The name of the channel with this slug, in the page's language; the slug itself for a channel not among `channels`. */
export function channelNameOf(lang: Lang, channels: readonly ChannelNames[], slug: string): string {
  const channel = channels.find((candidate) => candidate.slug === slug);
  return channel === undefined ? slug : channelName(lang, channel);
}

/** A language's name in the page's language ("Traditional Chinese" on an English page), for forms that ask for a text per language. */
export function languageNameIn(lang: Lang, other: Lang): string {
  return new Intl.DisplayNames([htmlLang(lang)], { type: 'language' }).of(htmlLang(other)) ?? other;
}

/** Items as a list in the page's language ("a, b and c", "a、b和c"). */
export function listOf(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(htmlLang(lang), { type: 'conjunction' }).format(items);
}
