/**
 * Upload limits enforced by the server, against a server started with small
 * limits (2 files, 1 MiB each, 2 MiB together), with JavaScript off (the
 * server's page names its own limits) and on (the island shows the problem
 * the server reports, with the limits the server sent, not the defaults the
 * static page was built with).
 */
import { expect, test } from './fixtures';
import { fillEnglishReport, lookUp, open, pdfFile, sendEnglishReport } from './reporter-steps';

test.use({ serverEnv: { MAX_FILES: '2', MAX_FILE_MIB: '1', MAX_SUBMISSION_MIB: '2' } });

test('a file over the size limit is refused in the reporter’s language and the typed text is kept', async ({ page, javaScriptEnabled }) => {
  await open(page, '/zh-hans/report/', javaScriptEnabled);
  const details = '有人每天晚上在河边倾倒化学桶，已经持续一个多月。';
  await page.getByLabel('组织犯罪').check();
  await page.getByLabel('发生了什么事？').fill(details);
  await page.getByLabel('选择文件').setInputFiles(pdfFile('河边照片.pdf', 1.5 * 1024 * 1024));
  await page.getByRole('button', { name: '提交举报' }).click();

  // Both name the server's own limit: the page it renders, or the island from the 413's limits.
  await expect(page.getByRole('alert').filter({ hasText: /每个文件不能超过 1 MB。/ })).toBeVisible();
  await expect(page.getByLabel('发生了什么事？')).toHaveValue(details);
  await expect(page.getByTestId('tracking-code')).toHaveCount(0);
  if (!javaScriptEnabled) await expect(page.getByText('您输入的文字都还在，但需要重新选择文件。')).toBeVisible();
});

test('more files than the server allows are refused, and a report within the limits goes through', async ({ page, javaScriptEnabled }) => {
  await open(page, '/en/report/', javaScriptEnabled);
  await fillEnglishReport(page, 'Three shell companies bid for every school contract in the county.');
  const three = [pdfFile('bid-1.pdf', 200), pdfFile('bid-2.pdf', 200), pdfFile('bid-3.pdf', 200)];
  await page.getByLabel('Choose files').setInputFiles(three);
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /You can send at most 2 files at a time/ })).toBeVisible();
  await expect(page.getByTestId('tracking-code')).toHaveCount(0);

  if (javaScriptEnabled) {
    // The files are still listed: remove one and send again.
    await page.getByRole('button', { name: 'Remove bid-3.pdf' }).click();
  } else {
    await expect(page.locator('#f-files-error')).toContainText('You can send at most 2 files at a time.');
    await page.getByLabel('Choose files').setInputFiles(three.slice(0, 2));
  }
  const code = await sendEnglishReport(page);
  await lookUp(page, code, javaScriptEnabled);
  await expect(page.getByRole('list', { name: 'Files you sent' }).getByRole('listitem')).toHaveCount(2);
});
