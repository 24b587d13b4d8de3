/**
 * Without JavaScript (Tor Browser "Safest"), a nervous reporter on a bad
 * connection reloads the receipt, or goes back and forward: that must never
 * send the report again or show a second code (POST-redirect-GET, the code
 * held in a cookie for the receipt's one view). The same for a follow-up.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { fillEnglishReport, lookUp, open, sendEnglishReport } from './reporter-steps';

function countOf(dataDir: string, table: 'reports' | 'report_messages'): number {
  const db = new Database(path.join(dataDir, 'tipline.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
  } finally {
    db.close();
  }
}
const reportCount = (dataDir: string): number => countOf(dataDir, 'reports');
const messageCount = (dataDir: string): number => countOf(dataDir, 'report_messages');

test('reloading the receipt, or going back and forward, sends nothing again and shows no second code', async ({ page, server }) => {
  await open(page, '/en/report/', false);
  await fillEnglishReport(page, 'The night-market association collects protection money from every stall on Fridays.');
  const before = reportCount(server.dataDir);
  const code = await sendEnglishReport(page);
  expect(new URL(page.url()).pathname).toBe('/api/reports/receipt');
  expect(page.url()).not.toContain(code.replaceAll(' ', ''));
  expect(reportCount(server.dataDir)).toBe(before + 1);

  const shownOnce = page.getByRole('heading', { level: 1, name: 'This tracking code was shown once' });
  await page.reload();
  await expect(shownOnce).toBeVisible();
  await expect(page.getByTestId('tracking-code')).toHaveCount(0);

  await page.goBack();
  await expect(page.getByRole('button', { name: 'Send report' })).toBeVisible();
  await page.goForward();
  await expect(shownOnce).toBeVisible();
  await expect(page.getByTestId('tracking-code')).toHaveCount(0);

  expect(reportCount(server.dataDir)).toBe(before + 1);
  // The cookie that held the code is gone.
  expect((await page.context().cookies()).filter((cookie) => cookie.name.includes('receipt'))).toEqual([]);
});

test('reloading the page after a follow-up sends nothing again', async ({ page, server }) => {
  await open(page, '/en/report/', false);
  await fillEnglishReport(page, 'The port inspector takes envelopes from the fishing boats every morning.');
  const code = await sendEnglishReport(page);
  await lookUp(page, code, false);
  await page.getByLabel('Add information').fill('The envelopes are handed over at the ice plant.');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText('Your message has been sent.')).toBeVisible();
  // In the messages (it is also under "What you sent", folded away).
  await expect(page.getByRole('list', { name: 'Messages' }).getByText('The envelopes are handed over at the ice plant.')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/api/status/sent');
  expect(page.url()).not.toContain(code.replaceAll(' ', ''));
  const before = messageCount(server.dataDir);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your message has been sent' })).toBeVisible();
  await expect(page.getByText('The envelopes are handed over at the ice plant.')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your message has been sent' })).toBeVisible();
  // (Going back would reach the code lookup, itself a form post: sending that again adds nothing.)
  expect(messageCount(server.dataDir)).toBe(before);
});
