/**
 * The queue for real work in a real browser (JavaScript on): the unread
 * marker appears when the reporter writes and goes when the lead is opened,
 * the unread filter, a bulk close as spam that asks first, naming how many
 * leads, after which the closed leads leave the default view, and a tag made,
 * put on a lead and used as a filter. axe stays
 * clean with the confirmation open.
 */
import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiSession, createMember, firstAdminPassword, signIn } from './staff-setup';

const UNREAD = 'Unread: the reporter wrote since you last opened it';


/** Send a tip in a region of its own; its id (from the admin's queue) and tracking code. */
async function tip(api: APIRequestContext, admin: APIRequestContext, region: string): Promise<{ id: number; code: string }> {
  const sent = await api.post('/api/reports', { data: { category: 'other', region, details: 'Trucks dump oil into the river every Friday night.' } });
  expect(sent.status()).toBe(201);
  const { trackingCode } = (await sent.json()) as { trackingCode: string };
  const list = (await (await admin.get(`/api/staff/reports?region=${region}&sort=received`)).json()) as { reports: { id: number }[] };
  return { id: Math.max(...list.reports.map((r) => r.id)), code: trackingCode };
}

test('the queue marks a lead unread when the reporter writes, filters by it, closes selected leads as spam after a confirmation, and tags a lead and filters by the tag', async ({ page, baseURL, server, request }) => {
  const username = `queue-worker-${randomBytes(3).toString('hex')}`;
  const region = `Region${randomBytes(4).toString('hex')}`;
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await createMember(admin, baseURL, { username, role: 'triager', channels: ['other'] });
  const first = await tip(request, admin, region);
  const second = await tip(request, admin, region);
  const third = await tip(request, admin, region);
  const answered = await request.post('/api/status/messages', { data: { trackingCode: second.code, body: 'There were three trucks this time.' } });
  expect(answered.ok()).toBe(true);
  await admin.dispose();

  await signIn(page, username);
  const row = (id: number) => page.getByRole('row').filter({ has: page.getByRole('link', { name: `Report ${id}`, exact: true }) });
  await page.goto(`/en/staff/queue/?region=${region}`);
  await expect(page.getByText('3 reports shown')).toBeVisible();
  await expect(row(second.id).getByText(UNREAD)).toBeVisible();
  await expect(row(first.id).getByText(UNREAD)).toHaveCount(0);

  await page.getByLabel('Unread only').check();
  await page.getByRole('button', { name: 'Show reports' }).click();
  await expect(page.getByText('1 report shown')).toBeVisible();
  await expect(row(second.id)).toBeVisible();

  // Opening the lead clears the marker.
  await row(second.id).getByRole('link', { name: `Report ${second.id}` }).click();
  await page.waitForURL(/\/staff\/report\//);
  await expect(page.getByText('There were three trucks this time.')).toBeVisible();
  await page.goto(`/en/staff/queue/?region=${region}&unread=true`);
  await expect(page.getByText('No reports match these filters.')).toBeVisible();

  await page.goto(`/en/staff/queue/?region=${region}`);
  await expect(page.getByText('3 reports shown')).toBeVisible();
  await page.getByLabel(`Select lead #${first.id}`).check();
  await page.getByLabel(`Select lead #${third.id}`).check();
  await expect(page.getByText('2 leads selected')).toBeVisible();
  await page.getByRole('combobox', { name: 'What to do' }).selectOption({ label: 'Close as spam' });
  await page.getByRole('button', { name: 'Apply to the selected leads' }).click();
  await expect(page.getByRole('heading', { name: 'Please confirm' })).toBeFocused();
  await expect(page.getByText('Close 2 leads as spam?')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  // Cancel changes nothing.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Close 2 leads as spam?')).toHaveCount(0);
  await expect(page.getByText('3 reports shown')).toBeVisible();

  await page.getByRole('button', { name: 'Apply to the selected leads' }).click();
  await page.getByRole('button', { name: 'Yes, do it' }).click();
  await expect(page.getByText('2 leads changed.')).toBeVisible();
  await expect(page.getByText('1 report shown')).toBeVisible();
  await expect(row(second.id)).toBeVisible();
  await expect(row(first.id)).toHaveCount(0);

  // A tag for the channel, put on the lead that is left, then used as a filter.
  const tagName = `Oil trucks ${randomBytes(2).toString('hex')}`;
  await page.getByLabel('Tag name').fill(tagName);
  await page.getByRole('button', { name: 'Make tag' }).click();
  await expect(page.getByText(`Tag “${tagName}” made.`)).toBeVisible();
  await page.getByLabel(`Select lead #${second.id}`).check();
  await page.getByRole('combobox', { name: 'What to do' }).selectOption({ label: 'Tag' });
  await page.getByRole('combobox', { name: 'Tag', exact: true }).last().selectOption({ label: tagName });
  await page.getByRole('button', { name: 'Apply to the selected leads' }).click();
  await expect(page.getByText(`Tag 1 lead with “${tagName}”?`)).toBeVisible();
  await page.getByRole('button', { name: 'Yes, do it' }).click();
  await expect(page.getByText('1 lead changed.')).toBeVisible();
  await expect(row(second.id).getByText(`Tags: ${tagName}`)).toBeVisible();
  await page.getByRole('combobox', { name: 'Tag', exact: true }).first().selectOption({ label: tagName });
  await page.getByRole('button', { name: 'Show reports' }).click();
  await expect(page.getByText('1 report shown')).toBeVisible();
  await expect(page).toHaveURL(/tag=\d+/);

  await page.goto(`/en/staff/queue/?region=${region}&status=closed`);
  await expect(page.getByText('2 reports shown')).toBeVisible();
  await expect(row(first.id)).toBeVisible();
  await expect(row(third.id)).toBeVisible();
});
