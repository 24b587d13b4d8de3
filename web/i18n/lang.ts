/**
 * Languages and URLs, without any message catalogue, so that islands can
 * import them without pulling every language into their bundle.
 */

import { DEFAULT_LANG, type Lang } from '../../contract/languages';

export { DEFAULT_LANG, LANGS, isLang, type Lang } from '../../contract/languages';

export type PageName = 'home' | 'report' | 'status';

/** The public path of a page: '/', '/report/', '/zh-hans/status/', '/en/'. */
export function pagePath(lang: Lang, page: PageName): string {
  const prefix = lang === DEFAULT_LANG ? '/' : `/${lang}/`;
  return page === 'home' ? prefix : `${prefix}${page}/`;
}

/** The BCP 47 tag for `<html lang>` and `hreflang`: the code in its canonical case ('zh-hant' → 'zh-Hant'). */
export function htmlLang(lang: Lang): string {
  return Intl.getCanonicalLocales(lang)[0] ?? lang;
}

/** Pages of the staff console (JavaScript required there). */
export type StaffPage = 'signin' | 'queue' | 'intake' | 'report' | 'registers' | 'admin' | 'audit' | 'account';

/** The path of a console page: '/staff/', '/staff/queue/', '/en/staff/report/'... */
export function staffPath(lang: Lang, page: StaffPage): string {
  const prefix = lang === DEFAULT_LANG ? '/staff/' : `/${lang}/staff/`;
  return page === 'signin' ? prefix : `${prefix}${page}/`;
}
