/**
 * The one way a catalogue message becomes text. Catalogues are plain data
 * (so a page can hand them to an island, and a translator edits words, not
 * code): a message is either a string with `{name}` placeholders, or its
 * plural forms, from which the language's own plural rules (Intl.PluralRules)
 * pick one by `{count}`. English has "one" and "other"; Chinese only "other".
 *
 * Numbers are written in the language's own way (1,234); give an identifier
 * such as a report number as a string so it is not grouped.
 */
import type { Lang } from '../../contract/languages';

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** A message that changes with a number: at least the "other" form. */
export type PluralForms = { readonly other: string } & { readonly [K in Exclude<PluralCategory, 'other'>]?: string };
export type Message = string | PluralForms;
export type MessageValues = Readonly<Record<string, string | number>>;

const pluralRules = new Map<Lang, Intl.PluralRules>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

function cached<T>(cache: Map<Lang, T>, lang: Lang, make: () => T): T {
  let value = cache.get(lang);
  if (value === undefined) cache.set(lang, (value = make()));
  return value;
}

function pluralForm(lang: Lang, forms: PluralForms, count: number): string {
  const category = cached(pluralRules, lang, () => new Intl.PluralRules(lang)).select(count);
  return forms[category] ?? forms.other;
}

/** A number written the language's way (1,234). */
export function formatNumber(lang: Lang, value: number): string {
  return cached(numberFormats, lang, () => new Intl.NumberFormat(lang)).format(value);
}

/** `message` in `lang`, its `{name}` placeholders filled from `values` (a placeholder without a value stays as it is). */
export function fill(lang: Lang, message: Message, values: MessageValues = {}): string {
  const count = values['count'];
  const template = typeof message === 'string' ? message : pluralForm(lang, message, typeof count === 'number' ? count : Number.NaN);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** How long to wait before trying again, as a catalogue says it: seconds rounded up to tens (at least ten), then whole minutes. */
export interface WaitMessages {
  readonly seconds: Message;
  readonly minutes: Message;
}

/** "about 30 seconds", "about 2 minutes" (rounded up). */
export function waitAbout(lang: Lang, m: WaitMessages, seconds: number): string {
  return seconds < 60
    ? fill(lang, m.seconds, { count: Math.max(10, Math.ceil(seconds / 10) * 10) })
    : fill(lang, m.minutes, { count: Math.ceil(seconds / 60) });
}

/** The label of a code that may come from outside the vocabulary (statistics keys, old rows): the code itself when unknown. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}
