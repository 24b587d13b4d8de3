/**
 * Languages, URLs and message catalogues.
 *
 * Catalogues are split per language and per feature (site, report, status, upload)
 * so that an island imports only its own feature in its own language; this
 * module gathers everything for pages and server-rendered components.
 */
import { siteMessages as enSite } from './en/site';
import { reportMessages as enReport } from './en/report';
import { statusMessages as enStatus } from './en/status';
import { uploadMessages as enUpload } from './en/upload';
import { siteMessages as hansSite } from './zh-hans/site';
import { reportMessages as hansReport } from './zh-hans/report';
import { statusMessages as hansStatus } from './zh-hans/status';
import { uploadMessages as hansUpload } from './zh-hans/upload';
import { siteMessages as hantSite } from './zh-hant/site';
import { reportMessages as hantReport } from './zh-hant/report';
import { statusMessages as hantStatus } from './zh-hant/status';
import { uploadMessages as hantUpload } from './zh-hant/upload';
import type { Lang } from './lang';
import type { Messages } from './types';

export { DEFAULT_LANG, LANGS, LANG_NAMES, htmlLang, isLang, pagePath, staffPath } from './lang';
export type { Lang, PageName, StaffPage } from './lang';
export { ERROR_CODES } from './types';
export type * from './types';

const CATALOGUES: Readonly<Record<Lang, Messages>> = {
  'zh-hant': { ...hantSite, report: hantReport, status: hantStatus, upload: hantUpload },
  'zh-hans': { ...hansSite, report: hansReport, status: hansStatus, upload: hansUpload },
  en: { ...enSite, report: enReport, status: enStatus, upload: enUpload },
};

/** Every message of one language. */
export function messagesFor(lang: Lang): Messages {
  return CATALOGUES[lang];
}
