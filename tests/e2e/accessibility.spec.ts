/**
 * axe-core on every public page in every language, and on the pages the
 * server renders after a form post: no serious or critical violations.
 * (Console pages are checked in console.spec.ts, signed in.)
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

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
