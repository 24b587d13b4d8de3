/**
 * Reply templates in a real browser: an admin adds one on the admin page
 * and deletes another after confirming in the page; a caseworker picks the
 * template on a lead and the reply box holds its text, unsent.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiSession, createMember, firstAdminPassword, MEMBER_PASSWORD } from './staff-setup';

const WORKER = { username: 'template-worker', role: 'triager' as const, channels: ['organised_crime'] };

async function queueIds(api: APIRequestContext): Promise<number[]> {
  return ((await (await api.get('/api/staff/reports?limit=200')).json()) as { reports: { id: number }[] }).reports.map((report) => report.id);
}

test('an admin adds a reply template; a caseworker picks it on a lead and the reply box holds its text', async ({ page, browser, baseURL, server }) => {
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await createMember(admin, baseURL, WORKER);
  const api = await apiSession(baseURL, WORKER.username, MEMBER_PASSWORD);
  const before = new Set(await queueIds(api));
  expect((await admin.post('/api/reports', { data: { category: 'organised_crime', details: 'Trucks leave the quarry at night without weighbridge tickets.' } })).status()).toBe(201);
  await admin.dispose();
  const lead = (await queueIds(api)).find((id) => !before.has(id));
  expect(lead).toBeDefined();
  await api.dispose();

  // The admin, in a context of their own.
  const adminPage = await browser.newPage();
  await adminPage.goto('/en/staff/');
  await adminPage.getByLabel('Username').fill('admin');
  await adminPage.getByLabel('Password', { exact: true }).fill(firstAdminPassword(server.output()));
  await adminPage.getByRole('button', { name: 'Sign in' }).click();
  await adminPage.waitForURL(/\/staff\/(queue|audit)\//);
  await adminPage.goto('/en/staff/admin/');
  const form = adminPage.getByRole('form', { name: 'Add a template' });
  for (const [title, text] of [
    ['Where did it happen', 'Thank you. Can you say where this happened?'],
    ['To delete', 'A template that goes away.'],
  ] as const) {
    await form.getByLabel('Language').selectOption('en');
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Text').fill(text);
    await form.getByRole('button', { name: 'Add template' }).click();
    await expect(adminPage.getByText(`The template ${title} was added.`)).toBeVisible();
  }
  const table = adminPage.getByRole('table', { name: 'Reply templates in English' });
  await expect(table.getByRole('rowheader', { name: 'Where did it happen' })).toBeVisible();
  await adminPage.getByRole('button', { name: 'Delete To delete' }).click();
  await expect(adminPage.getByRole('heading', { name: 'Delete To delete' })).toBeFocused();
  await adminPage.getByRole('button', { name: 'Delete template' }).click();
  await expect(adminPage.getByText('The template To delete was deleted.')).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'To delete' })).toHaveCount(0);
  await adminPage.close();

  // The caseworker.
  await page.goto('/en/staff/');
  await page.getByLabel('Username').fill(WORKER.username);
  await page.getByLabel('Password', { exact: true }).fill(MEMBER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/staff\/queue\//);
  await page.goto(`/en/staff/report/?id=${lead}`);
  await expect(page.getByLabel('Template language')).toHaveValue('en');
  let replies = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/replies')) replies += 1;
  });
  await page.getByRole('combobox', { name: 'Use a template' }).selectOption({ label: 'Where did it happen' });
  await expect(page.getByLabel('Your reply')).toHaveValue('Thank you. Can you say where this happened?');
  await expect(page.getByLabel('Your reply')).toBeFocused();
  expect(replies).toBe(0);
});
