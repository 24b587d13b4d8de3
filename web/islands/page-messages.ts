/**
 * An island's messages, in its page's language only.
 *
 * One island serves every language, so it cannot import a catalogue: it
 * would carry all of them. Instead each island names its catalogue file with
 * `import.meta.glob` (lazy), which makes the build split every language's
 * file into a chunk of its own; in the browser the island loads only the
 * chunk of the page's `<html lang>` before it hydrates. A new language
 * folder is picked up by the build with no change here. While the site is
 * built (server-side rendering) every catalogue is at hand instead.
 */
import { htmlLang, type Lang } from '../i18n/lang';
import type { Catalogue } from '../i18n/types';

/** What `import.meta.glob('../i18n/*\/<file>.json', { import: 'default' })` gives: a loader per language folder. */
export type CatalogueLoaders<T> = Readonly<Record<string, () => Promise<T>>>;

/** The language folder a glob key names: '../i18n/zh-hant/report.json' → 'zh-hant'. */
function folderOf(path: string): string {
  return path.split('/')[2] ?? '';
}

/** Load the catalogue file of `lang` (in the browser, for messages needed only later). */
export function loadFor<T>(loaders: CatalogueLoaders<T>, lang: Lang): Promise<T> {
  const path = Object.keys(loaders).find((key) => folderOf(key) === lang);
  const load = path === undefined ? undefined : loaders[path];
  return load === undefined ? Promise.reject(new Error(`no catalogue for ${lang}`)) : load();
}

/**
 * The messages `pick` chooses, for the page's language: awaited once, at
 * the top of the island's module, so the island renders with them at once.
 */
export async function pageMessages<T>(loaders: CatalogueLoaders<T>, pick: (catalogue: Catalogue) => T): Promise<(lang: Lang) => T> {
  if (import.meta.env.SSR) {
    // Dropped from the browser's bundle: SSR is false there.
    const { messagesFor } = await import('../i18n');
    return (lang) => pick(messagesFor(lang));
  }
  const pageLang = document.documentElement.lang;
  const folder = Object.keys(loaders).map(folderOf).find((code) => htmlLang(code as Lang) === pageLang);
  const messages = await loadFor(loaders, (folder ?? pageLang) as Lang);
  return () => messages;
}
