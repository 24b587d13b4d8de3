/**
 * Entering a lead in the console (issue 14 item 6), in a real browser: a
 * phone lead with a photo, the slip with the tracking code, only the slip
 * printed, the slip in the person's language, and the code working on the
 * public status page with the file. axe on the page, as form and as slip.
 */
import { readFileSync } from 'node:fs';
import { seriousViolations } from './axe';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { lookUp } from './reporter-steps';
import { apiSession, createMember, firstAdminPassword, MEMBER_PASSWORD } from './staff-setup';

const TRIAGER = { username: 'intake-triager', role: 'triager' as const, channels: ['official_protection'] };
const PHOTO = { name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: readFileSync(new URL('../fixtures/images/with-metadata.jpg', import.meta.url)) };
let created = false;

async function signInAsTriager(page: Page, baseURL: string, output: string): Promise<void> {
  if (!created) {
    const admin = await apiSession(baseURL, 'admin', firstAdminPassword(output));
    await createMember(admin, baseURL, TRIAGER);
    await admin.dispose();
    created = true;
  }
  await page.goto('/en/staff/');
  await page.getByLabel('Username').fill(TRIAGER.username);
  await page.getByLabel('Password', { exact: true }).fill(MEMBER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/staff\/queue\//);
}


test('a phone lead with a photo gets a slip with its code; only the slip prints; the code shows the photo on the status page', async ({ page, baseURL, server }) => {
  await signInAsTriager(page, baseURL, server.output());
  await page.getByRole('link', { name: 'Enter a lead' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter a lead' })).toBeVisible();

  // Too short: the field's problem, and nothing stored.
  await page.getByLabel('How the lead came in').selectOption('phone');
  await page.getByLabel('What is your report about?').selectOption('official_protection');
  await page.getByLabel('What happened?').fill('Too short.');
  await page.getByRole('button', { name: 'Enter the lead' }).click();
  await expect(page.getByRole('alert')).toHaveText('Check the fields marked below.');
  await expect(page.locator('#lead-details-error')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('What happened?').fill('A caller says the harbour master waves the smugglers through every Friday night.');
  await page.getByLabel('Choose files').setInputFiles(PHOTO);
  await page.getByRole('button', { name: 'Enter the lead' }).click();

  const code = page.getByTestId('slip-tracking-code');
  await expect(code).toHaveText(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
  const trackingCode = (await code.textContent()) ?? '';
  await expect(page.getByText('The tracking code is shown only on this page.', { exact: false })).toBeVisible();
  const slip = page.locator('.lead-slip');
  await expect(slip).toContainText(`Go to ${baseURL}/en/status/ and enter this tracking code.`);
  await expect(slip).toContainText(/Received: [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(slip).toContainText('Files handed over with the tip: 1');
  await expect(slip).toContainText('Keep the code safe');
  expect(await seriousViolations(page)).toEqual([]);

  // The person reads Traditional Chinese: the slip follows, the console stays in English.
  await page.getByLabel('Language of the slip').selectOption('zh-hant');
  await expect(slip.getByRole('heading', { name: '您的線索已收到' })).toBeVisible();
  await expect(slip).toContainText(`請前往 ${baseURL}/status/ 並輸入此查詢碼`);
  await expect(code).toHaveText(trackingCode);
  await expect(page.getByRole('button', { name: 'Print slip' })).toBeVisible();

  // Printed: the slip and nothing else of the console.
  await page.emulateMedia({ media: 'print' });
  await expect(code).toBeVisible();
  await expect(slip.getByRole('heading', { name: '您的線索已收到' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print slip' })).toBeHidden();
  await expect(page.getByLabel('Language of the slip')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Console' })).toBeHidden();
  await expect(page.getByText('The tracking code is shown only on this page.', { exact: false })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Leaving the page loses the code: coming back shows an empty form.
  await page.reload();
  await expect(page.getByLabel('What happened?')).toHaveValue('');
  await expect(page.getByTestId('slip-tracking-code')).toHaveCount(0);

  // The person checks the code on the public status page and sees the photo.
  await lookUp(page, trackingCode, true);
  const files = page.getByRole('list', { name: 'Files you sent' });
  await expect(files.getByRole('listitem')).toHaveCount(1);
  await expect(files).toContainText('harbour.jpg');
});
