/**
 * The languages Tipline speaks. The server picks a page's language from
 * these; the web's catalogues and paths are built on them (web/i18n/lang.ts).
 * Pure data: safe to import from an island.
 */
import { isOneOf } from './vocabulary';

/** The first is the default: the site opens in it, at `/`. */
export const LANGS = ['zh-hant', 'zh-hans', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = LANGS[0];

/** True when `x` is one of the site's language codes. */
export function isLang(x: unknown): x is Lang {
  return isOneOf(LANGS, x);
}
