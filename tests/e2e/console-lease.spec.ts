/**
 * The lease holds in the console (issue 14 item 5): a second staff member
 * opening a lead someone holds sees who holds it and until when, finds every
 * form read-only, takes it over after confirming and can then write; the
 * former holder's page, refused on its next write, turns read-only naming
 * the new holder.
 */
import { expect, test } from './fixtures';
import { apiSession, createMember, firstAdminPassword, MEMBER_PASSWORD, signedInPage } from './staff-setup';

const HOLDER = { username: 'lease-holder', role: 'triager' as const, channels: ['official_protection'] };
const TAKER = { username: 'lease-taker', role: 'triager' as const, channels: ['official_protection'] };


test('a lead held by someone else is read-only with its holder and expiry shown, until taken over after a confirmation; then the new holder writes and the former holder is refused', async ({ browser, baseURL, server }) => {
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  for (const member of [HOLDER, TAKER]) await createMember(admin, baseURL, member);
  expect((await admin.post('/api/reports', { data: { category: 'official_protection', details: 'The port inspector lets the same trucks through unchecked.' } })).status()).toBe(201);
  await admin.dispose();

  // The holder pulls a lead and keeps its page open.
  const holder = await signedInPage(browser, HOLDER.username);
  await holder.getByRole('button', { name: 'Pull next report' }).click();
  await holder.waitForURL(/\/staff\/report\/\?id=\d+/);
  await expect(holder.getByText(/You are handling this report/)).toBeVisible();
  const id = new URL(holder.url()).searchParams.get('id') ?? '';

  // Someone else opens it: the holder's name, read-only forms, a take-over button.
  const taker = await signedInPage(browser, TAKER.username);
  await taker.goto(`/en/staff/report/?id=${id}`);
  await expect(taker.getByText(/^Held by lease-holder until .+\.$/)).toBeVisible();
  await expect(taker.getByLabel('Note', { exact: true })).toBeDisabled();
  await expect(taker.getByRole('button', { name: 'Add note' })).toBeDisabled();
  await expect(taker.getByRole('button', { name: 'Send reply' })).toBeDisabled();
  await expect(taker.getByRole('button', { name: 'Close report' })).toBeDisabled();

  // Taking over asks first; cancelling changes nothing.
  await taker.getByRole('button', { name: 'Take over' }).click();
  await expect(taker.getByText('Take this lead over from lease-holder?', { exact: false })).toBeVisible();
  await taker.getByRole('button', { name: 'Cancel' }).click();
  await expect(taker.getByLabel('Note', { exact: true })).toBeDisabled();
  await taker.getByRole('button', { name: 'Take over' }).click();
  await taker.getByRole('button', { name: 'Yes, take it over' }).click();
  await expect(taker.locator('#result-lease')).toHaveText('You have taken over this lead. It is reserved for you now.');
  await expect(taker.getByText(/You are handling this report/)).toBeVisible();

  // Now the taker can write.
  await taker.getByLabel('Note', { exact: true }).fill('Taken over while the first officer is at the port.');
  await taker.getByRole('button', { name: 'Add note' }).click();
  await expect(taker.locator('#result-note')).toHaveText('Note added.');

  // The former holder's page is refused on its next write and turns read-only, naming the new holder.
  await holder.getByLabel('Note', { exact: true }).fill('Written after losing the lead.');
  await holder.getByRole('button', { name: 'Add note' }).click();
  await expect(holder.locator('#result-note')).toContainText('Another staff member holds this lead');
  await expect(holder.getByText(/^Held by lease-taker until .+\.$/)).toBeVisible();
  await expect(holder.getByRole('button', { name: 'Add note' })).toBeDisabled();
  await holder.close();
  await taker.close();
});

test('when the other holder’s lease runs out the forms open again, and a write the server still refuses turns the page read-only with the new expiry', async ({ browser, baseURL, server }) => {
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  const member = { username: 'lease-waiter', role: 'triager' as const, channels: ['official_protection'] };
  await createMember(admin, baseURL, member);
  await createMember(admin, baseURL, { ...member, username: 'lease-keeper' });
  expect((await admin.post('/api/reports', { data: { category: 'official_protection', details: 'The weighbridge readings at the quarry are faked.' } })).status()).toBe(201);
  await admin.dispose();
  // The keeper holds a lead from another device (no page renewing it).
  const keeper = await apiSession(baseURL, 'lease-keeper', MEMBER_PASSWORD);
  const claimed = await keeper.post('/api/staff/queue/claim');
  expect(claimed.status()).toBe(200);
  const { id, lease } = (await claimed.json()) as { id: number; lease: { until: string } };

  const page = await browser.newPage();
  await page.clock.install();
  await page.goto('/en/staff/');
  await page.getByLabel('Username').fill('lease-waiter');
  await page.getByLabel('Password', { exact: true }).fill(MEMBER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/staff\/queue\//);
  await page.goto(`/en/staff/report/?id=${id}`);
  await expect(page.getByText(/^Held by lease-keeper until .+\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add note' })).toBeDisabled();

  // The page's clock passes the expiry it was told: the forms open again.
  await page.clock.fastForward(new Date(lease.until).getTime() - Date.now() + 5_000);
  await expect(page.getByText('Nobody has reserved this report.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add note' })).toBeEnabled();

  // Meanwhile the keeper renewed: the server still refuses, and the page says so with the new expiry.
  expect((await keeper.post(`/api/staff/reports/${id}/lease`, { data: { action: 'renew' } })).status()).toBe(200);
  await page.getByLabel('Note', { exact: true }).fill('Written while the lead is still held.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('#result-note')).toContainText('Another staff member holds this lead');
  await expect(page.getByText(/^Held by lease-keeper until .+\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add note' })).toBeDisabled();
  await keeper.dispose();
  await page.close();
});
