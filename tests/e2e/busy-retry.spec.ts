/**
 * A busy server, with JavaScript: a report, a code check or a staff sign-in
 * turned away as busy is sent again by the page itself, with a proof of work solved in
 * WebAssembly at the effort the server asked for, while the page says so
 * and keeps every word (busy-form.spec.ts: the same without JavaScript).
 */
import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { dammCheckDigit } from '../../contract/tracking-code';
import { fillEnglishReport, open, receivedCode } from './reporter-steps';
import { firstAdminPassword } from './staff-setup';

const BUSY = { error: { code: 'busy', message: 'busy', retryAfterSeconds: 1, suggestedEffort: 3 } };

/** Answer the first POST to `path` as a busy server would; let every later one through. */
async function busyOnce(route: Route): Promise<void> {
  await route.fulfill({ status: 503, headers: { 'Retry-After': '1' }, contentType: 'application/json', body: JSON.stringify(BUSY) });
}

test.describe('with JavaScript', () => {
  test('a report turned away as busy is sent again with the asked-for work, and the page says so', async ({ page }) => {
    await open(page, '/en/report/', true);
    const proofs: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/reports')) proofs.push(request.headers()['x-tipline-pow']);
    });
    let answered = false;
    await page.route('**/api/reports', async (route) => {
      if (answered) return route.fallback();
      answered = true;
      await busyOnce(route);
    });
    await fillEnglishReport(page, 'A tow-truck gang blocks the market road every morning until the stall owners pay.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The site is busy. Your report is kept here and is being sent again' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your report has been sent' })).toBeVisible({ timeout: 15_000 });
    await receivedCode(page);
    expect(proofs).toHaveLength(2);
    expect(proofs[0]).toBeUndefined(); // the server was calm when the page asked
    // The retry carried a proof at the suggested effort: `<challenge>:<effort>:<solution>:<stamp>`.
    expect(proofs[1]).toMatch(/^v2\.report\.\d+\.[\w-]{22}\.[\w-]{43}:(\d+):[a-z0-9]+:[a-z0-9]+$/);
    expect(Number(proofs[1]?.split(':')[1])).toBeGreaterThanOrEqual(3);
  });

  test('a code check turned away as busy is tried again by itself', async ({ page }) => {
    await open(page, '/en/status/', true);
    let answered = false;
    await page.route('**/api/status', async (route) => {
      if (answered) return route.fallback();
      answered = true;
      await busyOnce(route);
    });
    const stray = '4000000000000000000';
    await page.getByLabel('Tracking code').fill(stray + dammCheckDigit(stray));
    await page.getByRole('button', { name: 'Check' }).click();
    // Not found — which only a real answer can say: the second attempt reached the server.
    await expect(page.getByText('No report matches this code. Check it and try again.').first()).toBeVisible({ timeout: 15_000 });
    expect(answered).toBe(true);
  });

  test('a staff sign-in turned away as busy signs in again by itself, with a proof', async ({ page, server }) => {
    const proofs: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/staff/login')) proofs.push(request.headers()['x-tipline-pow']);
    });
    let answered = false;
    await page.route('**/api/staff/login', async (route) => {
      if (answered) return route.fallback();
      answered = true;
      await busyOnce(route);
    });
    await page.goto('/en/staff/');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(firstAdminPassword(server.output()));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The server is busy. Signing in again' })).toBeVisible();
    await page.waitForURL(/\/staff\/queue\//);
    expect(proofs).toHaveLength(2);
    expect(Number(proofs[1]?.split(':')[1])).toBeGreaterThanOrEqual(3);
  });
});
