/**
 * Without JavaScript (Tor Browser "Safest"), a nervous reporter on a bad
 * connection reloads the receipt, or goes back and forward: that must never
 * send the report again or show a second code (POST-redirect-GET, the code
 * held in a cookie for the receipt's one view).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { fillEnglishReport, open, sendEnglishReport } from './reporter-steps';

function reportCount(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'tipline.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports').get()?.n ?? 0;
  } finally {
    db.close();
  }
}

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
