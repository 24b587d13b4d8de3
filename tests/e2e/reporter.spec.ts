/**
 * The reporter's whole path in a real browser, run twice by the Playwright
 * projects: once with JavaScript disabled (plain form posts, as in Tor
 * Browser "Safest") and once with it enabled (Preact islands, fetch).
 */
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { open } from './reporter-steps';

const CODE_PATTERN = /^\d{4} \d{4} \d{4} \d{4} \d{4}$/;

/** Collects every request the page makes, to prove nothing leaves the origin. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

async function submitReport(page: Page, details: string, javaScriptEnabled: boolean): Promise<string> {
  await open(page, '/en/report/', javaScriptEnabled);
  await page.getByLabel('Organised crime').check();
  await page.getByLabel('What happened?').fill(details);
  await page.getByLabel('City or county').fill('Taichung');
  await page.getByLabel('Who is involved?').fill('The owner of the karaoke bar and two debt collectors');
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Send report' }).click();
  const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
  expect(code).toMatch(CODE_PATTERN);
  // Without JavaScript the form posted to the API, which sent the browser on to the receipt;
  // with it, the island sent the report with fetch and stayed on the form's page.
  expect(new URL(page.url()).pathname).toBe(javaScriptEnabled ? '/en/report/' : '/api/reports/receipt');
  return code;
}

test('a reporter submits a tip, reads the code, checks the status and sends a follow-up', async ({ page, baseURL, javaScriptEnabled }) => {
  const requests = recordRequests(page);
  const code = await submitReport(page, 'Debt collectors beat a shop owner on Fuxing Street last Tuesday night.', javaScriptEnabled);
  // The code is shown in the page, never in its address.
  expect(page.url()).not.toContain(code.replace(/ /g, ''));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await open(page, '/en/status/', javaScriptEnabled);
  await page.getByLabel('Tracking code').fill(code);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('.facts').getByText('Your report has arrived and is waiting to be read.')).toBeVisible();
  await expect(page.getByText('No messages yet.')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(javaScriptEnabled ? '/en/status/' : '/api/status');

  await page.getByLabel('Add information').fill('One of them drives a black SUV with a dented door.');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText('Your message has been sent.')).toBeVisible();
  // In the messages (it is also under "What you sent", folded away).
  await expect(page.getByRole('list', { name: 'Messages' }).getByText('One of them drives a black SUV with a dented door.')).toBeVisible();
  expect(page.url()).not.toContain(code.replace(/ /g, ''));

  // Everything came from the site itself: no third-party request of any kind.
  const origin = new URL(baseURL).origin;
  for (const request of requests) expect(new URL(request.url()).origin).toBe(origin);

  // The server is calm, so it asks for no proof of work: nothing is solved on the
  // phone, with JavaScript or without (tests/e2e/busy.spec.ts covers a busy server).
  const sent = requests.filter((request) => request.method() === 'POST' && /\/api\/(reports|status)/.test(request.url()));
  expect(sent).toHaveLength(3);
  for (const request of sent) expect(request.headers()['x-tipline-pow']).toBeUndefined();
});

test('a mistyped digit is caught by the check digit and nothing is looked up', async ({ page, javaScriptEnabled }) => {
  const code = await submitReport(page, 'A councillor warns the illegal sand miners before every inspection.', javaScriptEnabled);
  const last = Number(code.at(-1));
  const typo = code.slice(0, -1) + String((last + 1) % 10);

  await open(page, '/en/status/', javaScriptEnabled);
  const lookups: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/status')) lookups.push(request.url());
  });
  await page.getByLabel('Tracking code').fill(typo);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('This code has a typo').first()).toBeVisible();
  // With JavaScript the island catches it before any request; without, the server does before any lookup.
  expect(lookups).toHaveLength(javaScriptEnabled ? 0 : 1);
});

test('the code can be typed with full-width digits, as a Chinese IME produces them', async ({ page, javaScriptEnabled }) => {
  const code = await submitReport(page, 'The bid for the school roof was rigged between three related firms.', javaScriptEnabled);
  const fullWidth = code.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));

  await open(page, '/status/', javaScriptEnabled);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await page.getByLabel('查詢碼').fill(fullWidth);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.facts').getByText('檢舉已經送達，正在等待承辦人員閱覽。')).toBeVisible();
});

test('a report with a missing description comes back with the error and the typed text kept', async ({ page, javaScriptEnabled }) => {
  await open(page, '/en/report/', javaScriptEnabled);
  await page.getByLabel('City or county').fill('Hualien');
  await page.getByLabel('What happened?').fill('Too short');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('What happened?')).toHaveValue('Too short');
  await expect(page.getByLabel('City or county')).toHaveValue('Hualien');
  await expect(page.getByTestId('tracking-code')).toHaveCount(0);
});

test('the site opens in Traditional Chinese and switches language', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await page.getByRole('link', { name: 'English' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: '简体中文' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
});

test('text typed before the page script arrives is kept (slow connection)', async ({ page, javaScriptEnabled }) => {
  // Hold back the page's JavaScript so the person types into the server-rendered form first.
  await page.route('**/_astro/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto('/en/report/', { waitUntil: 'domcontentloaded' });
  const details = 'Typed quickly on a slow phone: the harbour master takes cash from the smugglers.';
  await page.getByLabel('Organised crime').check();
  await page.getByLabel('What happened?').fill(details);
  if (javaScriptEnabled) await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByLabel('What happened?')).toHaveValue(details);
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByTestId('tracking-code')).toHaveText(CODE_PATTERN);
});

test('a tracking code typed before the page script arrives is used (slow connection)', async ({ page, javaScriptEnabled }) => {
  const code = await submitReport(page, 'The quarry keeps blasting at night although the permit was revoked.', javaScriptEnabled);
  await page.route('**/_astro/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto('/en/status/', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Tracking code').fill(code);
  if (javaScriptEnabled) await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByLabel('Add information')).toBeVisible();
});
