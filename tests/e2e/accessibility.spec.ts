/**
 * axe-core on every public page in every language, and on the pages the
 * server renders after a form post: no serious or critical violations.
 * (Console pages are checked in console.spec.ts, signed in.)
 */
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { pdfFile } from './reporter-steps';


const PAGES = ['/', '/report/', '/status/'];
const PREFIXES = ['', '/zh-hans', '/en'];

for (const prefix of PREFIXES) {
  for (const path of PAGES) {
    test(`${prefix}${path} has no serious accessibility violations`, async ({ page }) => {
      await page.goto(`${prefix}${path}`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('the receipt, the status page and a form with errors have no serious accessibility violations', async ({ page }) => {
  await page.goto('/en/report/');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Organised crime').check();
  await page.getByLabel('What happened?').fill('A loan shark ring operates out of the pawn shop on Main Street.');
  await page.getByRole('button', { name: 'Send report' }).click();
  const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/en/status/');
  await page.getByLabel('Tracking code').fill(code);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByLabel('Add information')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

const elevenFiles = Array.from({ length: 11 }, (_, index) => pdfFile(`scan-${index + 1}.pdf`, 300));

test('the evidence-file parts have no serious accessibility violations: chosen files, a limit error, files sent, the follow-up', async ({ page }) => {
  await page.goto('/en/report/');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.getByLabel('Organised crime').check();
  await page.getByLabel('What happened?').fill('A loan shark ring keeps its ledgers in the back of the pawn shop.');
  await page.getByLabel('Choose files').setInputFiles(elevenFiles);
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#f-files-error')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Remove scan-11.pdf' }).click();
  await page.getByRole('button', { name: 'Send report' }).click();
  const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';

  await page.goto('/en/status/');
  await page.getByLabel('Tracking code').fill(code);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('list', { name: 'Files you sent' }).getByRole('listitem')).toHaveCount(10);
  await page.getByLabel('Choose files').setInputFiles(pdfFile('one-more.pdf', 300));
  await expect(page.getByRole('list', { name: 'Chosen files' })).toContainText('one-more.pdf');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the page the server renders for refused files has no serious accessibility violations', async ({ page }) => {
  // Keep the island from loading, so that the form posts as it does without JavaScript.
  await page.route('**/_astro/*.js', (route) => route.abort());
  await page.goto('/en/report/');
  await page.getByLabel('Organised crime').check();
  await page.getByLabel('What happened?').fill('A loan shark ring keeps its ledgers in the back of the pawn shop.');
  await page.getByLabel('Choose files').setInputFiles(elevenFiles);
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.locator('#f-files-error')).toContainText('You can send at most 10 files at a time.');
  expect(new URL(page.url()).pathname).toBe('/api/reports');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the receipt and the status page a plain form post leads to, and the pages a reload of them shows, have no serious accessibility violations', async ({ page }) => {
  // Keep the island from loading, so that the form posts as it does without JavaScript.
  await page.route('**/_astro/*.js', (route) => route.abort());
  await page.goto('/en/report/');
  await page.getByLabel('Organised crime').check();
  await page.getByLabel('What happened?').fill('A loan shark ring keeps its ledgers in the back of the pawn shop.');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByTestId('tracking-code')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'This tracking code was shown once' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The same for a follow-up: the status page once, then the page a reload shows.
  await page.goto('/en/status/');
  await page.getByLabel('Tracking code').fill(code);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByLabel('Add information').fill('The ledgers are moved every Sunday.');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText('Your message has been sent.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your message has been sent' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
