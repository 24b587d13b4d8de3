/**
 * A reporter who may be interrupted or watched: quick exit on every public
 * page (a plain link without JavaScript; with it, the page is replaced in the
 * history so Back does not return to it), titles that say nothing about
 * reporting, how to recognise the real site, and a receipt that says who
 * runs the service, what happens next, and not to screenshot the code.
 * Runs with JavaScript on and off.
 */
import { expect, test } from './fixtures';
import { EXIT_URL, fillEnglishReport, open, sendEnglishReport, serveNeutralPage } from './reporter-steps';

const PAGES = ['/', '/report/', '/status/', '/zh-hans/', '/zh-hans/report/', '/zh-hans/status/', '/en/', '/en/report/', '/en/status/'];

test('every public page has a quick exit and a title that says nothing about reporting', async ({ page }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  for (const url of PAGES) {
    await open(page, url, javaScriptEnabled);
    const exit = page.locator('a.quick-exit');
    await expect(exit, url).toBeVisible();
    await expect(exit, url).toHaveAttribute('href', EXIT_URL);
    expect(await page.title(), url).not.toMatch(/檢舉|举报|report|crime|corruption|tip/i);
  }
});

test('quick exit leaves for the neutral page, and Back does not return to the page left', async ({ page }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await serveNeutralPage(page);
  await page.goto('about:blank');
  await open(page, '/en/report/', javaScriptEnabled);
  await page.getByLabel('What happened?').fill('Half-written words that nobody else should see.');
  await page.locator('a.quick-exit').click();
  await page.waitForURL(EXIT_URL);
  await expect(page.getByText('neutral')).toBeVisible();
  await page.goBack().catch(() => null);
  if (javaScriptEnabled) {
    // The report page was replaced in the history: Back goes to where the browser was before it.
    expect(page.url()).toBe('about:blank');
  } else {
    // A plain link cannot rewrite the history: Back returns to the form (the README says so).
    expect(new URL(page.url()).pathname).toBe('/en/report/');
  }
});

test('the home page says how to recognise the real site, in every language', async ({ page }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  const headings = [
    ['/', '如何辨認真正的網站', '除了您自己，沒有人需要您的查詢碼。'],
    ['/zh-hans/', '如何辨认真正的网站', '除了您自己，没有人需要您的查询码。'],
    ['/en/', 'How to recognise the real site', 'Nobody but you needs your tracking code.'],
  ] as const;
  for (const [url, heading, line] of headings) {
    await open(page, url, javaScriptEnabled);
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await expect(page.getByText(line)).toBeVisible();
  }
});

test('the receipt warns against screenshots and says who runs the service and what happens next', async ({ page }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await open(page, '/en/report/', javaScriptEnabled);
  await fillEnglishReport(page, 'Trucks leave the quarry at night without weighing, and the inspector signs for them.');
  await sendEnglishReport(page);
  await expect(page.locator('#screenshot-warning')).toContainText('cloud gallery');
  await expect(page.getByRole('heading', { name: 'About this service' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What happens after you send' })).toBeVisible();
  await expect(page.getByText('Within 7 days the team confirms that it has your report.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'In danger now?' })).toBeVisible();
});
