/**
 * What a translator can get wrong that the type check cannot see: a
 * placeholder renamed, dropped or invented. Every message in every language
 * must use the same {placeholders} as the English one (across a plural
 * message's forms), so no screen shows a raw "{count}" or loses a value.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../contract/languages';
import { PLURAL_CATEGORIES } from './fill';
import { messagesFor } from './index';

/** Every string in a catalogue, by its path ('console.audit.chain.verified'); a plural message's forms joined. */
function messages(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const isPlural = !Array.isArray(value) && entries.length > 0 && entries.every(([key]) => (PLURAL_CATEGORIES as readonly string[]).includes(key));
    if (isPlural) out.set(path, entries.map(([, form]) => String(form)).join(' | '));
    else for (const [key, child] of entries) for (const [p, text] of messages(child, path === '' ? key : `${path}.${key}`)) out.set(p, text);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
}

const english = messages(messagesFor('en'));

describe.each(LANGS.filter((lang) => lang !== 'en'))('the %s catalogue', (lang) => {
  const translated = messages(messagesFor(lang));

  it('has every message English has, and no other', () => {
    expect([...translated.keys()].filter((path) => !english.has(path))).toEqual([]);
    expect([...english.keys()].filter((path) => !translated.has(path))).toEqual([]);
  });

  it('uses the same {placeholders} as English in every message', () => {
    const differing = [...english].flatMap(([path, text]) => {
      const theirs = translated.get(path);
      if (theirs === undefined) return [];
      // "1 file chosen." has no {count}: compare what the forms use together.
      const mine = placeholders(text);
      const other = placeholders(theirs);
      return mine.join() === other.join() || (text.includes(' | ') && other.every((p) => mine.includes(p))) ? [] : [`${path}: ${mine.join()} / ${other.join()}`];
    });
    expect(differing).toEqual([]);
  });
});
