/**
 * Pages the server renders after a plain form post reuse the site's own
 * layout: Astro builds one "shell" page per language (web/pages/shell/) with
 * markers where the title and the main content go.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGS, type Lang } from '../../contract/languages';
import { profileView, type OperatorProfile, type ProfileView, type SiteSettings } from '../../contract/operator-profile';

const TITLE_MARKER = '<!--tipline:title-->';
const MAIN_MARKER = '<!--tipline:main-->';

export interface Shells {
  /** A whole HTML document: the shell for `lang` with the title and main content filled in. */
  render(lang: Lang, title: string, mainHtml: string): string;
  /** The operator profile in `lang` (SITE_CONFIG), as the built pages show it: the same file built them. */
  profile(lang: Lang): ProfileView;
}

/** Read the built shells from the site directory; throws a clear error when the site is not built. */
export function loadShells(
  siteDir: string,
  site: { profile: OperatorProfile; settings: SiteSettings },
): Shells {
  const templates = new Map<Lang, { beforeTitle: string; betweenTitleAndMain: string; afterMain: string }>();
  for (const lang of LANGS) {
    const file = path.join(siteDir, 'shell', lang, 'index.html');
    let html: string;
    try {
      html = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`The site is not built (missing ${file}); run \`npm run build\`.`);
    }
    const [beforeTitle, rest] = splitOnce(html, TITLE_MARKER, file);
    const [betweenTitleAndMain, afterMain] = splitOnce(rest, MAIN_MARKER, file);
    templates.set(lang, { beforeTitle, betweenTitleAndMain, afterMain });
  }
  return {
    render(lang, title, mainHtml) {
      const t = templates.get(lang);
      if (!t) throw new Error(`no shell for ${lang}`);
      return t.beforeTitle + escapeHtml(title) + t.betweenTitleAndMain + mainHtml + t.afterMain;
    },
    profile: (lang) => profileView(site.profile, site.settings, lang),
  };
}

function splitOnce(text: string, marker: string, file: string): [string, string] {
  const at = text.indexOf(marker);
  if (at < 0 || text.indexOf(marker, at + 1) >= 0) throw new Error(`${file} must contain ${marker} exactly once`);
  return [text.slice(0, at), text.slice(at + marker.length)];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
