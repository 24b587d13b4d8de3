/**
 * Every language's catalogue, for pages and server-rendered views. Each
 * language is one folder here (`<code>/index.ts`, its catalogue as plain
 * data); the list of languages is contract/languages.ts, and nothing else
 * names a language: adding one is adding its folder and its code there.
 *
 * Islands never import this module (it holds every language): they load
 * their own language's messages by themselves (islands/page-messages.ts).
 */
import { LANGS, type Lang } from './lang';
import type { Catalogue } from './types';

export { DEFAULT_LANG, LANGS, htmlLang, isLang, pagePath, staffPath } from './lang';
export type { Lang, PageName, StaffPage } from './lang';
export { ERROR_CODES } from './keys';
export type * from './types';

const CATALOGUES = new Map<Lang, Catalogue>(
  await Promise.all(
    LANGS.map(async (lang) => {
      const folder = (await import(`./${lang}/index.ts`)) as { catalogue: Catalogue };
      return [lang, folder.catalogue] as const;
    }),
  ),
);

/** Every message of one language. */
export function messagesFor(lang: Lang): Catalogue {
  const catalogue = CATALOGUES.get(lang);
  if (catalogue === undefined) throw new Error(`web/i18n/${lang}/ is missing: every language in contract/languages.ts needs its folder`);
  return catalogue;
}

/** Each language's name in that language, for the language switch. */
export function languageName(lang: Lang): string {
  return messagesFor(lang).languageName;
}
