/**
 * The operator profile as the static site's build sees it: read once from
 * SITE_CONFIG and the variables the pages state (the same ones `npm start`
 * reads; scripts/build-if-needed.mjs rebuilds the site when any of them or the
 * file changes). Used only by Astro pages and layouts at build time, never by
 * an island: it reads files.
 */
import { loadSiteForBuild, type LoadedProfile } from '../../contract/operator-profile-file';
import { profileView, type ProfileView, type SiteSettings } from '../../contract/operator-profile';
import type { Lang } from '../../contract/languages';

let loaded: (LoadedProfile & { settings: SiteSettings }) | undefined;

/** The profile, its logo and the settings, read on first use. */
export function siteForBuild(): LoadedProfile & { settings: SiteSettings } {
  loaded ??= loadSiteForBuild(process.env);
  return loaded;
}

/** Everything the pages say about the operator, in `lang`. */
export function profileFor(lang: Lang): ProfileView {
  const site = siteForBuild();
  return profileView(site.profile, site.settings, lang);
}

/** The logo the pages inline and /favicon.svg and /logo.svg serve: the profile's, else the default one. */
export function logoForBuild(defaultLogo: string): string {
  return siteForBuild().logoSvg ?? defaultLogo;
}
