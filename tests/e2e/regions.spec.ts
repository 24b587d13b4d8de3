/**
 * Regions from the operator's list (issue 14 item 8), as a reporter meets
 * them: a select of the listed places in the page's language, and a box for
 * a place the list lacks, with and without JavaScript. The status page then
 * shows the place as stored: one value per listed place, whatever spelling
 * was typed. Runs against a copy of the site built with such a profile.
 */
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { makeProfileCopy, type ProfileCopy } from '../support/profile-copy';
import { seriousViolations } from './axe';
import { expect, startServer, test, type RunningServer } from './fixtures';
import { receivedCode } from './reporter-steps';

const PROFILE = {
  defaultLanguage: 'zh-Hant',
  regions: [
    { name: { 'zh-Hant': '臺北市', 'zh-Hans': '台北市', en: 'Taipei City' }, aliases: ['台北', 'Taipei'] },
    { name: { 'zh-Hant': '高雄市', en: 'Kaohsiung City' } },
  ],
};
const DETAILS = 'The harbour warehouse takes deliveries at night with no paperwork at all.';

/** Each language's words for the steps: the form's labels, the choice shown for 高雄市, the send button. */
const WORDS = {
  'zh-hant': { path: '/report/', category: '其他', details: '發生了什麼事？', region: '縣市', kaohsiung: '高雄市', other: '清單中沒有？', send: '送出檢舉' },
  'zh-hans': { path: '/zh-hans/report/', category: '其他', details: '发生了什么事？', region: '所在市、县', kaohsiung: '高雄市', other: '列表中没有？', send: '提交举报' },
  en: { path: '/en/report/', category: 'Something else', details: 'What happened?', region: 'City or county', kaohsiung: 'Kaohsiung City', other: 'Not in the list?', send: 'Send report' },
} as const;

let site: ProfileCopy;
let server: RunningServer;
let child: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  site = makeProfileCopy(PROFILE);
  const build = site.build();
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  ({ server, child } = await startServer({ SITE_CONFIG: site.profileFile }, site.root));
});

test.afterAll(() => {
  child?.kill('SIGTERM');
  site?.remove();
});

async function reporterPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled });
  return context.newPage();
}

/** The region the status page shows for a tracking code (the report as stored). */
async function storedRegion(page: Page, code: string): Promise<string> {
  await page.goto('/en/status/');
  await page.getByLabel('Tracking code').fill(code);
  await page.getByRole('button', { name: 'Check' }).click();
  const sent = page.locator('dt', { hasText: 'City or county' });
  return ((await sent.locator('xpath=following-sibling::dd[1]').textContent()) ?? '').trim();
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

  for (const [lang, w] of Object.entries(WORDS)) {
    test(`${lang} ${how}: the reporter chooses a listed place from a select`, async ({ browser }) => {
      const page = await reporterPage(browser, javaScriptEnabled);
      await page.goto(w.path);
      if (javaScriptEnabled) await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      await page.getByLabel(w.category, { exact: true }).check();
      await page.getByLabel(w.details).fill(DETAILS);
      await page.getByLabel(w.region, { exact: true }).selectOption({ label: w.kaohsiung });
      await page.getByRole('button', { name: w.send }).click();
      expect(await storedRegion(page, await receivedCode(page))).toBe('高雄市');
      await page.context().close();
    });
  }

  test(`${how}: a place typed in the box is stored as the listed place it names, or as typed`, async ({ browser }) => {
    const page = await reporterPage(browser, javaScriptEnabled);
    for (const [typed, stored] of [
      ['taipei', '臺北市'],
      ['基隆市', '基隆市'],
    ] as const) {
      await page.goto('/en/report/');
      if (javaScriptEnabled) await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      await page.getByLabel('Something else', { exact: true }).check();
      await page.getByLabel('What happened?').fill(DETAILS);
      await page.getByLabel('Not in the list?').fill(typed);
      await page.getByRole('button', { name: 'Send report' }).click();
      expect(await storedRegion(page, await receivedCode(page))).toBe(stored);
    }
    await page.context().close();
  });
}

test('the form with the region list has no serious accessibility problems', async ({ browser }) => {
  const page = await reporterPage(browser, true);
  for (const path of ['/report/', '/en/report/']) {
    await page.goto(path);
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.context().close();
});
