/**
 * A busy server, without JavaScript (Tor Browser "Safest"): a report the
 * server cannot take comes back as the form with everything typed still in
 * it, and says when to send again (busy-retry.spec.ts: with JavaScript).
 */
import { expect, test } from './fixtures';
import { fillEnglishReport, open } from './reporter-steps';

// One place in each of the report lane's buckets: a test fills them.
test.use({ serverEnv: { RATE_SUBMISSIONS_PER_MINUTE: '1', RATE_SUBMISSIONS_NOJS_PER_MINUTE: '1' } });

test('the form comes back with everything typed and says when to send again', async ({ page, baseURL }) => {
  // Take both places and fill the line (two waiting), as a flood would.
  const body = JSON.stringify({ category: 'other', details: 'Filler report that takes a place in the line.' });
  const send = (): Promise<Response> => fetch(`${baseURL}/api/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  await send();
  await send();
  const waiting = [new AbortController(), new AbortController()];
  for (const controller of waiting) {
    void fetch(`${baseURL}/api/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: controller.signal }).catch(() => undefined);
  }
  // The line is full when one more is turned away at once.
  expect((await send()).status).toBe(503);

  await open(page, '/en/report/', false);
  const details = 'The harbour master waves through unregistered boats for a fee, every Thursday night.';
  await fillEnglishReport(page, details);
  await page.getByLabel('City or county').fill('Keelung');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The site is very busy right now, so your report has not been sent yet.' })).toBeVisible();
  await expect(page.getByText(/Please send it again in about \d+ (seconds|minutes?)/)).toBeVisible();
  await expect(page.getByLabel('What happened?')).toHaveValue(details);
  await expect(page.getByLabel('City or county')).toHaveValue('Keelung');
  await expect(page.getByLabel('Organised crime')).toBeChecked();
  for (const controller of waiting) controller.abort();
});
