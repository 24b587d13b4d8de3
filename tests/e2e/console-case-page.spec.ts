/**
 * The case page built for work (issue 14 item 4), in a real browser: the
 * status menu offers exactly the state machine's next steps (the same table
 * the server enforces) and says why the others are missing; closing asks
 * first, naming the outcome; a lead is assigned by picking a person; the page
 * is navigable by section with its record forms folded; shortcuts move
 * through the queue, reach the reply box and show their help; printing hides
 * every form and control; axe stays clean.
 */
import { seriousViolations } from './axe';
import type { APIRequestContext } from '@playwright/test';
import { STATUS_TRANSITIONS } from '../../contract/status-transitions';
import { expect, test } from './fixtures';
import { apiSession, createMember, firstAdminPassword, MEMBER_PASSWORD, signIn } from './staff-setup';

const WORKER = { username: 'case-worker', role: 'triager' as const, channels: ['organised_crime'] };
const COLLEAGUE = { username: 'case-colleague', role: 'triager' as const, channels: ['organised_crime'] };


async function statusOf(api: APIRequestContext, id: string): Promise<{ status: string; assignee: { username: string } | null }> {
  return (await (await api.get(`/api/staff/reports/${id}`)).json()) as { status: string; assignee: { username: string } | null };
}

async function queueIds(api: APIRequestContext): Promise<number[]> {
  return ((await (await api.get('/api/staff/reports?limit=200')).json()) as { reports: { id: number }[] }).reports.map((report) => report.id);
}

test('the case page offers only valid status steps, confirms closing, assigns by name, has sections, shortcuts and a clean print', async ({ page, baseURL, server }) => {
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  for (const member of [WORKER, COLLEAGUE]) await createMember(admin, baseURL, member);
  const api = await apiSession(baseURL, WORKER.username, MEMBER_PASSWORD);
  // Other specs share this server: the lead to work is the first of the two made here, not the queue's first.
  const before = new Set(await queueIds(api));
  for (const details of ['The harbour crane operator moves sealed containers at night.', 'A second container went missing from berth seven.']) {
    expect((await admin.post('/api/reports', { data: { category: 'organised_crime', details } })).status()).toBe(201);
  }
  await admin.dispose();
  const made = (await queueIds(api)).filter((id) => !before.has(id));
  expect(made).toHaveLength(2);
  const current = String(Math.min(...made));

  await page.goto('/en/staff/');
  await page.getByLabel('Username').fill(WORKER.username);
  await page.getByLabel('Password', { exact: true }).fill(MEMBER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/staff\/queue\//);
  await page.goto(`/en/staff/report/?id=${current}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(current);

  // The status menu: exactly the table's steps from the current status, and why the others are missing.
  const start = (await statusOf(api, current)).status as keyof typeof STATUS_TRANSITIONS;
  const menu = page.getByLabel('New status');
  const offered = async (): Promise<string[]> => menu.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(await offered()).toEqual([...STATUS_TRANSITIONS[start]]);
  await expect(page.getByText(/Only the steps possible from .+ are listed/)).toBeVisible();
  await menu.selectOption('investigating');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.locator('#result-status')).toContainText('Status changed');
  expect(await offered()).toEqual([...STATUS_TRANSITIONS.investigating]);

  // Assignment by picking a person of the channel.
  await page.getByLabel('Assign to').selectOption({ label: COLLEAGUE.username });
  await page.getByRole('button', { name: 'Change assignment' }).click();
  await expect(page.locator('#result-assignee')).toContainText('Assignment changed');
  expect((await statusOf(api, current)).assignee?.username).toBe(COLLEAGUE.username);

  // Sections: in-page navigation, record forms folded behind disclosure buttons, the history listing what was done.
  const nav = page.getByRole('navigation', { name: 'Parts of this lead' });
  await nav.getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/#h-history$/);
  await expect(page.getByRole('heading', { name: 'History', level: 2 })).toBeInViewport();
  await expect(page.locator('.history li').first()).toContainText(WORKER.username);
  await expect(page.getByLabel('Agency referred to')).toBeHidden();
  await page.getByRole('button', { name: 'Record a referral', expanded: false }).click();
  await expect(page.getByLabel('Agency referred to')).toBeVisible();

  // Closing asks first and names the outcome: Cancel keeps the lead open.
  await page.getByLabel('Closing outcome').selectOption({ label: 'Duplicate' });
  await page.getByRole('button', { name: 'Close report' }).click();
  await expect(page.getByText(`Close lead ${current} with the outcome “Duplicate”?`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Yes, close it' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Yes, close it' })).toHaveCount(0);
  expect((await statusOf(api, current)).status).toBe('investigating');
  await page.getByRole('button', { name: 'Close report' }).click();
  await page.getByRole('button', { name: 'Yes, close it' }).click();
  await expect(page.locator('#result-close')).toContainText('Report closed');
  expect((await statusOf(api, current)).status).toBe('closed');
  expect(await offered()).toEqual([...STATUS_TRANSITIONS.closed]);
  await expect(page.getByText(/This lead is closed: it can only be reopened/)).toBeVisible();

  // Print: the case file without forms, buttons or navigation.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('The harbour crane operator moves sealed containers at night.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History', level: 2 })).toBeVisible();
  for (const selector of ['form', 'button', 'nav', 'input', 'textarea', 'select']) {
    expect(await page.locator(selector).evaluateAll((all) => all.filter((el) => (el as HTMLElement).offsetParent !== null).length), selector).toBe(0);
  }
  await page.emulateMedia({ media: 'screen' });

  // Shortcuts: never while typing; r reaches the reply box, ? shows the help, j/k move through the queue.
  await page.getByLabel('Your reply').focus();
  await page.keyboard.type('jk?');
  await expect(page.getByLabel('Your reply')).toHaveValue('jk?');
  await expect(page).toHaveURL(new RegExp(`id=${current}`));
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('r');
  await expect(page.getByLabel('Your reply')).toBeFocused();
  await page.getByRole('heading', { level: 1 }).click();
  // A closed lead leaves the open queue: reopen it so it has neighbours there.
  await page.getByLabel('New status').selectOption('triage');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.locator('#result-status')).toContainText('Status changed');
  await page.getByRole('heading', { level: 1 }).click();
  const order = await queueIds(api);
  const at = order.indexOf(Number(current));
  expect(at).toBeGreaterThanOrEqual(0);
  const [key, neighbour] = at + 1 < order.length ? ['j', order[at + 1]] : ['k', order[at - 1]];
  await page.keyboard.press(key ?? 'j');
  await expect(page).toHaveURL(new RegExp(`id=${neighbour}$`));
  await api.dispose();
});

const LINKER = { username: 'case-linker', role: 'triager' as const, channels: ['organised_crime'] };

test('a linked lead shows its category and status (a lead in a channel the member does not hold is not listed); the decrypted-downloads hint only where there are files', async ({ page, baseURL, server }) => {
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await createMember(admin, baseURL, LINKER);
  const api = await apiSession(baseURL, LINKER.username, MEMBER_PASSWORD);
  const before = new Set(await queueIds(api));
  expect((await admin.post('/api/reports', { data: { category: 'organised_crime', details: 'The tow-truck firm blocks the market road until stall owners pay.' } })).status()).toBe(201);
  const withFile = await admin.post('/api/reports', {
    headers: { Accept: 'application/json' },
    multipart: {
      category: 'organised_crime',
      details: 'The same firm keeps a ledger of the payments; a page of it is attached.',
      files: { name: 'ledger.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n${'x'.repeat(1_491)}`) },
    },
  });
  expect(withFile.status()).toBe(201);
  const [lead, linked] = (await queueIds(api)).filter((id) => !before.has(id)).sort((a, b) => a - b);
  if (lead === undefined || linked === undefined) throw new Error('the two leads were not made');
  expect((await api.post(`/api/staff/reports/${linked}/status`, { data: { status: 'triage' } })).status()).toBe(200);
  // A lead of a channel the member does not hold, linked by the admin, who holds every channel.
  expect((await admin.post('/api/reports', { data: { category: 'other', details: 'A lead of another channel.' } })).status()).toBe(201);
  const others = ((await (await admin.get('/api/staff/reports?channel=other')).json()) as { reports: { id: number }[] }).reports;
  const elsewhere = Math.max(...others.map((report) => report.id));
  expect((await admin.post(`/api/staff/reports/${lead}/links`, { data: { relatedId: elsewhere } })).status()).toBe(201);
  await admin.dispose();

  await signIn(page, LINKER.username);
  await page.goto(`/en/staff/report/?id=${lead}`);
  const section = (name: string) => page.locator('section', { has: page.getByRole('heading', { name, level: 2 }) });
  const links = section('Related reports');
  await expect(links).toContainText('No related reports linked.');
  await expect(section('Evidence files')).toContainText('The reporter sent no files.');
  await expect(page.getByText('Downloads are decrypted')).toHaveCount(0);

  await links.getByRole('button', { name: 'Link report', expanded: false }).click();
  await page.getByLabel('Related report number').fill(String(linked));
  await links.locator('form').getByRole('button', { name: 'Link report' }).click();
  await expect(links.getByRole('listitem')).toHaveText([`Report ${linked} · Organised crime · In triage`]);
  await expect(links.getByRole('link', { name: `Report ${linked}` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The same from the case view itself, in Traditional Chinese; then the linked lead, which has a file.
  await page.goto(`/staff/report/?id=${lead}`);
  const zhLinks = page.locator('section', { has: page.getByRole('heading', { name: '相關線索', level: 2 }) });
  await expect(zhLinks.getByRole('listitem')).toHaveText([`線索 ${linked} · 組織犯罪 · 初步研判`]);
  await page.goto(`/en/staff/report/?id=${linked}`);
  await expect(section('Related reports').getByRole('listitem')).toHaveText([`Report ${lead} · Organised crime · New`]);
  const files = section('Evidence files');
  await expect(files.getByRole('heading', { name: 'ledger.pdf' })).toBeVisible();
  await expect(files).toContainText('1.5 kB');
  await expect(files.getByText('Downloads are decrypted')).toBeVisible();
  await api.dispose();
});
