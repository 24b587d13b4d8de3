/** Steps the reporter specs share. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Open a page; with JavaScript on, wait until its island has hydrated (Astro
 * drops the `ssr` attribute), so the test exercises the enhanced path.
 */
export async function open(page: Page, url: string, javaScriptEnabled: boolean): Promise<void> {
  await page.goto(url);
  if (javaScriptEnabled) {
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  }
}

/** A file for `setInputFiles`: `size` bytes starting with a PDF header (stored as sent, never cleaned). */
export function pdfFile(name: string, size: number, fill = 0x20): { name: string; mimeType: string; buffer: Buffer } {
  const buffer = Buffer.alloc(size, fill);
  buffer.write('%PDF-1.4\n% evidence\n');
  return { name, mimeType: 'application/pdf', buffer };
}

/** Fill the required fields of the English report form. */
export async function fillEnglishReport(page: Page, details: string): Promise<void> {
  await page.getByLabel('Organised crime').check();
  await page.getByLabel('What happened?').fill(details);
}

/** Send the English report form and read the tracking code from the receipt. */
export async function sendEnglishReport(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Send report' }).click();
  return receivedCode(page);
}

/** The tracking code on the receipt. */
export async function receivedCode(page: Page): Promise<string> {
  const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
  return code;
}

/** Open a report's status page (English) with its code. */
export async function lookUp(page: Page, code: string, javaScriptEnabled: boolean): Promise<void> {
  await open(page, '/en/status/', javaScriptEnabled);
  await page.getByLabel('Tracking code').fill(code);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByLabel('Add information')).toBeVisible();
}

/** The neutral page quick exit leaves for (no profile: the default); served here, since the browser has no internet. */
export const EXIT_URL = 'https://www.bing.com/';

/** Answer for the neutral page, so quick exit has somewhere to land. */
export async function serveNeutralPage(page: Page): Promise<void> {
  await page.route(`${EXIT_URL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Search</title><p>neutral</p>' }));
}
