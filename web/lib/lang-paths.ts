import { DEFAULT_LANG, LANGS, type Lang } from '../i18n/lang';

/** getStaticPaths for a `[...lang]` route: the default language at the root, the others under a prefix. */
export function langPaths(): { params: { lang: string | undefined }; props: { lang: Lang } }[] {
  return LANGS.map((lang) => ({ params: { lang: lang === DEFAULT_LANG ? undefined : lang }, props: { lang } }));
}
