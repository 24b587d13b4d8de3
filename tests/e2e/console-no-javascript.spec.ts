/**
 * The staff console without JavaScript: every console page, in every
 * language, says plainly (in that language) that the console needs
 * JavaScript, under the page's own heading, instead of "Loading…" forever
 * and buttons that do nothing. Its own context with JavaScript off, so it
 * runs beside the console specs (the javascript-disabled project runs the
 * reporter flows only).
 */
import { readFileSync } from 'node:fs';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { LANGS, type Lang } from '../../contract/languages';
import { staffPath, type StaffPage } from '../../web/i18n/lang';

interface ConsoleWords {
  common: {
    consoleName: string;
    loading: string;
    noScript: string;
    signOut: string;
  };
  [section: string]: unknown;
}

function consoleWords(lang: Lang): ConsoleWords {
  return JSON.parse(readFileSync(new URL(`../../web/i18n/${lang}/console.json`, import.meta.url), 'utf8')) as ConsoleWords;
}

/** The heading each page is titled with (StaffLayout's `title`). */
function titleOf(words: ConsoleWords, page: StaffPage): string {
  const section = (name: string): Record<string, string> => words[name] as Record<string, string>;
  switch (page) {
    case 'signin':
      return section('signin')['heading'] ?? '';
    case 'queue':
      return section('queue')['heading'] ?? '';
    default:
      return section(page)['title'] ?? '';
  }
}

const PAGES: StaffPage[] = ['signin', 'queue', 'intake', 'report', 'registers', 'admin', 'audit', 'account'];

test('every console page in every language says, in its language, that the console needs JavaScript, and shows nothing that waits for it', async ({
  browser,
  baseURL,
  page: checker,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL,
  });
  const page = await context.newPage();
  const shown = new Map<string, string>();
  try {
    for (const lang of LANGS) {
      const words = consoleWords(lang);
      for (const name of PAGES) {
        const path = staffPath(lang, name);
        await page.goto(path);
        const notice = page.getByText(words.common.noScript, { exact: true });
        await expect(notice, path).toBeVisible();
        await expect(
          page.getByRole('heading', {
            level: 1,
            name: titleOf(words, name),
            exact: true,
          }),
          path,
        ).toBeVisible();
        await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
        await expect(page.getByText(words.common.loading), path).toBeHidden();
        await expect(page.getByRole('button'), path).toHaveCount(0);
        await expect(page.getByRole('textbox'), path).toHaveCount(0);
        if (name === 'signin' || name === 'queue') shown.set(path, await page.content());
      }
    }
  } finally {
    await context.close();
  }
  // axe runs in the page, so it cannot run with JavaScript off: it checks the same markup, as it was shown.
  for (const [path, html] of shown) {
    await checker.route(`**${path}`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: asShownWithoutJavaScript(html),
      }),
    );
    await checker.goto(path);
    await expect(checker.getByRole('heading', { level: 1 }), path).toBeVisible();
    expect(await seriousViolations(checker), path).toEqual([]);
    await checker.unroute(`**${path}`);
  }
});

/** A page's markup as a browser without JavaScript shows it: the noscript content as plain elements, no islands (hidden), no scripts. */
function asShownWithoutJavaScript(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<astro-island\b[\s\S]*?<\/astro-island>/g, '')
    .replace(/<noscript>/g, '<div>')
    .replace(/<\/noscript>/g, '</div>');
}
