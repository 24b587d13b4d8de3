/**
 * Search in the console (issue 14 item 1): a triager searches the queue page
 * for a name typed in Simplified Chinese, finds the lead written in
 * Traditional, opens it, and sees the lead sharing its plate and company
 * among the possibly related leads; a member of another channel finds
 * nothing.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiSession, createMember, firstAdminPassword, signedInPage } from './staff-setup';

const SEARCHER = { username: 'search-triager', role: 'triager' as const, channels: ['organised_crime'] };
const STRANGER = { username: 'search-stranger', role: 'triager' as const, channels: ['official_protection'] };


/** Search until the background indexer (started by the sign-in) has caught up and a lead is listed. */
async function searchUntilFound(page: Page, query: string, results: Locator): Promise<void> {
  await page.getByRole('searchbox', { name: /Name, phone number, plate/ }).fill(query);
  await expect(async () => {
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(results.getByRole('link')).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test('a triager finds a lead by a Simplified name, opens it, and sees the related lead; another channel finds nothing', async ({ browser, baseURL, server }) => {
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  for (const member of [SEARCHER, STRANGER]) await createMember(admin, baseURL, member);
  const send = async (details: string): Promise<void> => {
    expect((await admin.post('/api/reports', { data: { category: 'organised_crime', details } })).status()).toBe(201);
  };
  await send('喬峯 collects protection money for Jade Lotus Holdings; his car has plate QF-8812.');
  await send('A Jade Lotus Holdings van with plate QF 8812 was seen at the warehouse at night.');
  await admin.dispose();

  const page = await signedInPage(browser, SEARCHER.username);
  const found = page.getByRole('region', { name: 'Leads found, newest first' });
  await searchUntilFound(page, '乔峰', found);
  await expect(page.getByRole('status').filter({ hasText: '1 lead found' })).toBeVisible();
  await found.getByRole('link', { name: /^Report \d+$/ }).click();
  await page.waitForURL(/\/staff\/report\/\?id=\d+/);
  await expect(page.getByText(/喬峯 collects protection money/)).toBeVisible();
  const related = page.getByRole('region', { name: 'Possibly related leads' });
  await related.getByRole('link', { name: /^Report \d+$/ }).first().click();
  await expect(page.getByText('A Jade Lotus Holdings van with plate QF 8812 was seen at the warehouse at night.')).toBeVisible();

  const stranger = await signedInPage(browser, STRANGER.username);
  await stranger.getByRole('searchbox', { name: /Name, phone number, plate/ }).fill('Jade Lotus');
  await stranger.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(stranger.getByText('No leads in your channels match.')).toBeVisible();
});
