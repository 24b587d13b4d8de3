/**
 * Evidence files in a real browser, run by both Playwright projects: with
 * JavaScript off the forms post multipart bodies and the server answers with
 * pages; with it on the islands list the chosen files, let one be removed,
 * check the limits and send with progress.
 */
import { expect, test } from './fixtures';
import { fillEnglishReport, lookUp, open, pdfFile, receivedCode, sendEnglishReport } from './reporter-steps';

test('a report sent with a file shows the file by name and size on the status page', async ({ page, javaScriptEnabled }) => {
  await open(page, '/en/report/', javaScriptEnabled);
  await fillEnglishReport(page, 'The ledger shows cash paid to the harbour inspector every month.');
  await page.getByLabel('Choose files').setInputFiles(pdfFile('ledger 2024.pdf', 3000));
  const code = await sendEnglishReport(page);

  await lookUp(page, code, javaScriptEnabled);
  const files = page.getByRole('list', { name: 'Files you sent' });
  await expect(files.getByRole('listitem')).toHaveCount(1);
  await expect(files).toContainText('ledger 2024.pdf');
  await expect(files).toContainText('3 kB'); // decimal units, as the reporter's phone shows the file
});

test('the form states the upload limits in MB, as phones show file sizes, rounded down and in Chinese the same units', async ({ page, javaScriptEnabled }) => {
  // The default limits are 100 MiB a file and 300 MiB in all: 104.86 MB and 314.57 MB, never shown as more.
  await open(page, '/en/report/', javaScriptEnabled);
  await expect(page.getByText('Up to 10 files, each up to 104.8 MB, 314.5 MB in all.')).toBeVisible();
  await open(page, '/report/', javaScriptEnabled);
  await expect(page.getByText('最多 10 個檔案，每個不超過 104.8 MB，合計不超過 314.5 MB。')).toBeVisible();
});

test('a follow-up adds a file on the status page, with no message needed', async ({ page, javaScriptEnabled }) => {
  await open(page, '/en/report/', javaScriptEnabled);
  await fillEnglishReport(page, 'The quarry trucks run at night with their plates covered.');
  const code = await sendEnglishReport(page);
  await lookUp(page, code, javaScriptEnabled);
  await expect(page.getByText('You have not sent any files.')).toBeVisible();

  await page.getByLabel('Choose files').setInputFiles(pdfFile('plates.pdf', 1500));
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText('Your message has been sent.')).toBeVisible();
  const files = page.getByRole('list', { name: 'Files you sent' });
  await expect(files).toContainText('plates.pdf');
  await expect(files).toContainText('1.5 kB');
});

test('two files are chosen and one removed before sending; progress is shown and only the kept one arrives', async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, 'the chosen-file list needs JavaScript');
  await open(page, '/en/report/', javaScriptEnabled);
  await fillEnglishReport(page, 'The contractor bribes the site inspector with envelopes of cash.');
  await page.getByLabel('Choose files').setInputFiles([pdfFile('keep-me.pdf', 2048), pdfFile('drop-me.pdf', 4096)]);
  const chosen = page.getByRole('list', { name: 'Chosen files' });
  await expect(chosen.getByRole('listitem')).toHaveCount(2);
  await expect(chosen).toContainText('4.1 kB');

  await page.getByRole('button', { name: 'Remove drop-me.pdf' }).click();
  await expect(chosen.getByRole('listitem')).toHaveCount(1);
  await expect(chosen).toContainText('keep-me.pdf');
  await expect(page.getByLabel('Choose files')).toBeFocused();

  // Hold the upload at the network until the page has shown its progress bar.
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/reports', async (route) => {
    await held;
    await route.continue();
  });
  const sent = page.waitForRequest('**/api/reports');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('progressbar', { name: 'keep-me.pdf' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  release();
  const code = await receivedCode(page);

  // Multipart, answered in JSON, files after every text field.
  const request = await sent;
  expect(request.headers()['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  expect(request.headers()['accept']).toBe('application/json');
  const body = request.postDataBuffer()?.toString('latin1') ?? '';
  expect(body.indexOf('name="details"')).toBeGreaterThan(-1);
  expect(body.indexOf('name="files"')).toBeGreaterThan(body.indexOf('name="details"'));
  expect(body).not.toContain('drop-me.pdf');

  await lookUp(page, code, javaScriptEnabled);
  const files = page.getByRole('list', { name: 'Files you sent' });
  await expect(files.getByRole('listitem')).toHaveCount(1);
  await expect(files).toContainText('keep-me.pdf');
  await expect(files).not.toContainText('drop-me.pdf');
});

test('choosing more files than allowed names the limit in the page language and sends nothing', async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, 'without JavaScript the server checks the limits (see the tests with small limits)');
  await open(page, '/report/', javaScriptEnabled);
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  await page.getByLabel('組織犯罪').check();
  await page.getByLabel('發生了什麼事？').fill('碼頭的貨櫃每週都有人收錢放行，已經持續好幾個月。');
  const eleven = Array.from({ length: 11 }, (_, index) => pdfFile(`page-${index + 1}.pdf`, 100));
  await page.getByLabel('選擇檔案').setInputFiles(eleven);
  await expect(page.getByText('一次最多只能傳送 10 個檔案。')).toBeVisible();
  await expect(page.getByLabel('選擇檔案')).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('button', { name: '送出檢舉' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /一次最多只能傳送 10 個檔案/ })).toBeVisible();
  expect(posts).toEqual([]);

  await page.getByRole('button', { name: '移除 page-11.pdf' }).click();
  await expect(page.getByText('一次最多只能傳送 10 個檔案。')).toHaveCount(0);
  await expect(page.getByLabel('選擇檔案')).not.toHaveAttribute('aria-invalid', 'true');
});

test('a file chosen and the keep box ticked before the page script arrives are both kept (slow connection)', async ({ page, javaScriptEnabled }) => {
  // Hold back the page's JavaScript so that the person uses the server-rendered form first.
  await page.route('**/_astro/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto('/en/report/', { waitUntil: 'domcontentloaded' });
  await fillEnglishReport(page, 'Typed on a slow phone: the ferry operator pays the port inspector in cash.');
  await page.getByLabel('Keep the photos’ time and place').check();
  await page.getByLabel('Choose files').setInputFiles(pdfFile('early.pdf', 700));
  if (javaScriptEnabled) {
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 10_000 });
    await expect(page.getByRole('list', { name: 'Chosen files' })).toContainText('early.pdf');
  }
  await expect(page.getByLabel('Keep the photos’ time and place')).toBeChecked();
  const sent = page.waitForRequest('**/api/reports');
  const code = await sendEnglishReport(page);
  expect((await sent).postDataBuffer()?.toString('latin1')).toMatch(/name="keepMetadata"\r\n\r\non\r\n/);

  await lookUp(page, code, javaScriptEnabled);
  await expect(page.getByRole('list', { name: 'Files you sent' })).toContainText('early.pdf');
});
