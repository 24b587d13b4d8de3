/**
 * The staff console in a real browser (JavaScript on): a tip sent through
 * the public form is pulled, read and answered; the reporter sees the answer
 * and the referral; the interference record reaches the register; an auditor
 * sees the chain verified; a triager cannot reach another channel's report by
 * editing the URL; every console page passes axe; the queue works from the
 * keyboard alone; an open report page does not outlive the idle timeout.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { seriousViolations } from './axe';
import { Secret, TOTP } from 'otpauth';
import type { Page } from '@playwright/test';
import { formatBytes } from '../../contract/attachments';
import { expect, test } from './fixtures';
import { lookUp, pdfFile, receivedCode } from './reporter-steps';
import { apiSession, createMember, firstAdminPassword, MEMBER_PASSWORD, signIn } from './staff-setup';

const LANG_PREFIXES = ['', '/zh-hans', '/en'];

/** Staff created once per server (the server is shared by the whole run). */
const created = new Set<string>();

async function ensureMember(baseURL: string, output: string, member: { username: string; role: 'admin' | 'triager' | 'auditor'; channels: string[] }): Promise<void> {
  if (created.has(member.username)) return;
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(output));
  await createMember(admin, baseURL, member);
  await admin.dispose();
  created.add(member.username);
}


/**
 * Wait until the page has no request in flight. With the page's clock faked, an answer that
 * arrives after a fast-forward is dated by the new time: a person's request (the queue's
 * own load) would then restart the idle countdown from there, as it should in real life.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}


// Only this file sends "Abuses in a trade or industry" reports, so this
// triager's queue holds exactly what these tests put there.
const SECTOR_TRIAGER = { username: 'sector-triager', role: 'triager' as const, channels: ['sector_disorder'] };

test('a tip is pulled, read and answered in the console; the reporter sees the answer and the referral; the interference reaches the register', async ({ page, browser, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), SECTOR_TRIAGER);

  // The reporter, in their own browser context.
  const reporter = await browser.newPage();
  await reporter.goto('/en/report/');
  await expect(reporter.locator('astro-island[ssr]')).toHaveCount(0);
  await reporter.getByLabel('Abuses in a trade or industry').check();
  await reporter.getByLabel('What happened?').fill('Three gravel firms share out every county road contract and pay the clerk.');
  await reporter.getByRole('button', { name: 'Send report' }).click();
  const code = (await reporter.getByTestId('tracking-code').textContent())?.trim() ?? '';

  // Staff pull it and answer.
  await signIn(page, SECTOR_TRIAGER.username, MEMBER_PASSWORD);
  await page.getByRole('button', { name: 'Pull next report' }).click();
  await page.waitForURL(/\/staff\/report\/\?id=\d+/);
  await expect(page.getByText('Three gravel firms share out every county road contract and pay the clerk.')).toBeVisible();
  await page.getByLabel('Your reply').fill('Thank you. Which county office handles the tenders?');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('#result-reply')).not.toBeEmpty();
  // Changing the status prompts an update of what the reporter reads, with focus in its field.
  await page.getByLabel('New status').selectOption('awaiting_reporter');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.locator('#result-status')).toContainText('The reporter sees no public message yet');
  await expect(page.getByLabel('Public message', { exact: true })).toBeFocused();
  // The record forms are folded behind disclosure buttons named by their headings.
  await page.getByRole('button', { name: 'Record interference', expanded: false }).click();
  const interference = page.locator('form[data-action="interference"]');
  await interference.getByLabel('Name', { exact: true }).fill('A county councillor');
  await interference.getByLabel('About the time (optional)').fill('After the first complaint');
  await interference.getByLabel('How').selectOption({ label: 'Phone call' });
  await interference.getByLabel('What they asked for').fill('To lose the complaint file.');
  await interference.getByRole('button', { name: 'Record interference' }).click();
  await expect(page.locator('#result-interference')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Record a referral', expanded: false }).click();
  await page.getByLabel('Agency referred to').fill('Agency Against Corruption');
  await expect(page.getByLabel('Tell the reporter which agency')).toBeChecked();
  await page.getByRole('button', { name: 'Record referral' }).click();
  await expect(page.locator('#result-referral')).not.toBeEmpty();

  // The reporter sees the reply and the new status.
  await reporter.goto('/en/status/');
  await expect(reporter.locator('astro-island[ssr]')).toHaveCount(0);
  await reporter.getByLabel('Tracking code').fill(code);
  await reporter.getByRole('button', { name: 'Check' }).click();
  await expect(reporter.getByText('Thank you. Which county office handles the tenders?')).toBeVisible();
  await expect(reporter.locator('.facts').getByText('Referred', { exact: true })).toBeVisible();
  await expect(reporter.locator('.facts .referral')).toHaveText('Agency Against Corruption');
  await reporter.close();

  // The interference record is in the register.
  await page.goto('/en/staff/registers/');
  await expect(page.getByRole('cell', { name: 'A county councillor' })).toBeVisible();
});

test('interference recorded from the registers page for a lead by its number is in the register and in the statistics', async ({ page, browser, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'register-triager', role: 'triager', channels: ['case_interference'] });
  await ensureMember(baseURL, server.output(), { username: 'stats-auditor', role: 'auditor', channels: [] });
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await admin.post('/api/reports', { data: { category: 'case_interference', details: 'The precinct chief asked the investigator to go slow on the land case.' } });
  const list = (await (await admin.get('/api/staff/reports?channel=case_interference')).json()) as { reports: { id: number }[] };
  const id = Math.max(...list.reports.map((report) => report.id));
  type Counts = { interference: { byChannel: { key: string; count: number }[] } };
  const counted = async (): Promise<number> =>
    ((await (await admin.get('/api/staff/stats')).json()) as Counts).interference.byChannel.find((c) => c.key === 'case_interference')?.count ?? 0;
  const before = await counted();

  await signIn(page, 'register-triager', MEMBER_PASSWORD);
  await page.goto('/en/staff/registers/');
  const form = page.locator('form[data-action="interference"]');
  await form.getByLabel('Lead number').fill(String(id));
  await form.getByLabel('Name', { exact: true }).fill('Inspector Hsu');
  await form.getByLabel('Position or rank (optional)').fill('Precinct chief');
  await form.getByLabel('Unit or office (optional)').fill('Third precinct');
  await form.getByLabel('Date it happened').fill('2026-11-02');
  await form.getByLabel('How').selectOption({ label: 'Visit in person' });
  await form.getByLabel('What they asked for').fill('To go slow on the land case.');
  await form.getByLabel('It was reported to a superior').check();
  await form.getByRole('button', { name: 'Record interference' }).click();
  await expect(page.locator('#result-interference')).toHaveText(`Recorded in the register for lead ${id}.`);

  const row = page.getByRole('table', { name: 'Interference records' }).getByRole('row').filter({ hasText: 'Inspector Hsu' });
  await expect(row.getByRole('link', { name: `Report ${id}`, exact: true })).toBeVisible();
  for (const cell of ['Precinct chief', 'Third precinct', '2026-11-02', 'Visit in person', 'To go slow on the land case.', 'Yes', 'register-triager']) {
    await expect(row.getByRole('cell', { name: cell, exact: true })).toBeVisible();
  }
  // The entry is a signed decision: the register shows the server's check of it.
  await expect(row.getByRole('cell', { name: /^Signed by register-triager at .+, verified$/ })).toBeVisible();
  // The CSV export has the same columns, the method named as on screen.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const lines = (await readFile(await (await download).path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('Record,Lead,Channel,Who interfered,Position,Unit,When,How,What they asked for,Reported to a superior,What followed,Recorded by,Recorded at,Signature');
  expect(lines.find((line) => line.includes('Inspector Hsu'))).toContain(
    `,${id},Interference in cases,Inspector Hsu,Precinct chief,Third precinct,2026-11-02,Visit in person,To go slow on the land case.,Yes,,register-triager,`,
  );

  expect(await counted()).toBe(before + 1);
  await admin.dispose();

  const auditor = await browser.newPage();
  await signIn(auditor, 'stats-auditor', MEMBER_PASSWORD);
  await auditor.goto('/en/staff/audit/');
  const byChannel = auditor.getByRole('table', { name: 'Interference entries by channel' });
  await expect(byChannel.getByRole('row').filter({ has: auditor.getByRole('rowheader', { name: 'Interference in cases' }) }).getByRole('cell')).toHaveText(String(before + 1));
  await auditor.close();
});

test('a lead a colleague holds refuses an entry from the registers page, naming the holder, as its own page would', async ({ page, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'register-triager', role: 'triager', channels: ['case_interference'] });
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await admin.post('/api/reports', { data: { category: 'case_interference', details: 'A councillor keeps calling about the demolition case.' } });
  const list = (await (await admin.get('/api/staff/reports?channel=case_interference')).json()) as { reports: { id: number }[] };
  const id = Math.max(...list.reports.map((report) => report.id));
  expect((await admin.post(`/api/staff/reports/${id}/lease`, { data: { action: 'take_over' } })).status()).toBe(200);

  await signIn(page, 'register-triager', MEMBER_PASSWORD);
  await page.goto('/en/staff/registers/');
  const form = page.locator('form[data-action="interference"]');
  await form.getByLabel('Lead number').fill(String(id));
  await form.getByLabel('Name', { exact: true }).fill('Councillor Wu');
  await form.getByLabel('What they asked for').fill('To stop the demolition.');
  await form.getByRole('button', { name: 'Record interference' }).click();
  await expect(page.locator('#result-interference')).toContainText(`admin holds lead ${id} until`);
  await expect(page.getByRole('link', { name: `Open lead ${id}` })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Councillor Wu' })).toHaveCount(0);

  await admin.post(`/api/staff/reports/${id}/lease`, { data: { action: 'release' } });
  await admin.dispose();
});

test('an auditor sees the audit chain verified', async ({ page, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'auditor-one', role: 'auditor', channels: [] });
  await signIn(page, 'auditor-one', MEMBER_PASSWORD);
  await page.goto('/en/staff/audit/');
  await expect(page.getByText(/^Audit chain verified: \d+ entries/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Reports by category' })).toBeVisible();
  // The console's name leads an auditor back to the audit page, never to the queue they cannot open.
  await page.goto('/en/staff/account/');
  await page.locator('a.brand').click();
  await expect(page).toHaveURL(/\/en\/staff\/audit\/$/);
});

test('an auditor counts a range of days on the statistics page and exports the statistics and the audit trail as CSV', async ({ page, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'range-auditor', role: 'auditor', channels: [] });
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await admin.post('/api/reports', { data: { category: 'organised_crime', details: 'A card room on the harbour road stays open after the raid.' } });
  await admin.dispose();
  const today = new Date().toISOString().slice(0, 10);

  await signIn(page, 'range-auditor', MEMBER_PASSWORD);
  await page.goto('/en/staff/audit/');
  const stats = page.getByRole('region', { name: 'Statistics' });
  const shown = stats.locator('#stats-range-shown');
  const total = stats.locator('.figures div').filter({ hasText: 'Reports in total' }).locator('dd');
  await expect(shown).toHaveText('Showing every lead received and every register entry recorded, on any day.');
  await expect(stats.getByRole('region', { name: 'Referrals by channel' })).toBeVisible();

  // Days long before the instance existed: nothing counted, and the page says which days.
  await stats.getByLabel('From', { exact: true }).fill('2000-01-01');
  await stats.getByLabel('To', { exact: true }).fill('2000-01-31');
  await stats.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(shown).toHaveText('Showing leads received, and register entries recorded, from 2000-01-01 to 2000-01-31 inclusive.');
  await expect(total).toHaveText('0');
  await expect(stats.getByRole('table', { name: 'Reports by channel' })).toHaveCount(0);
  await expect(stats.getByRole('region', { name: 'Overdue leads by region' })).toContainText('No lead received in these days is overdue.');

  // A reversed range is refused on the form, and the days shown stay as they were.
  await stats.getByLabel('From', { exact: true }).fill('2000-02-01');
  await stats.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(stats.getByText('The first day is after the last day: change one of them.')).toBeVisible();
  await expect(shown).toHaveText(/from 2000-01-01 to 2000-01-31 inclusive/);

  await stats.getByLabel('From', { exact: true }).fill(today);
  await stats.getByLabel('To', { exact: true }).fill(today);
  await stats.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(shown).toHaveText(`Showing leads received, and register entries recorded, from ${today} to ${today} inclusive.`);
  const organised = stats.getByRole('table', { name: 'Reports by channel' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Organised crime' }) });
  await expect(organised.getByRole('cell')).toHaveText(/^[1-9]\d*$/);

  const statsDownload = page.waitForEvent('download');
  await stats.getByRole('link', { name: 'Export CSV' }).click();
  const statsLines = (await readFile(await (await statsDownload).path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(statsLines[0]).toBe('Table,Item,Count,From,To');
  expect(statsLines.find((line) => line.startsWith('Reports by channel,Organised crime,'))).toMatch(new RegExp(`^Reports by channel,Organised crime,[1-9]\\d*,${today},${today}$`));

  // The whole page can go back to every day.
  await stats.getByRole('button', { name: 'Show all days' }).click();
  await expect(shown).toHaveText('Showing every lead received and every register entry recorded, on any day.');

  const trailDownload = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Audit trail' }).getByRole('link', { name: 'Export CSV' }).click();
  const trailLines = (await readFile(await (await trailDownload).path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(trailLines[0]).toBe('Entry,Time,Staff member,Action,Action code,Report,Channel,Detail,Hash');
  expect(trailLines.some((line) => /,range-auditor,Signed in,login\.succeeded,/.test(line))).toBe(true);
});

test('an admin names a channel in each language; the console shows the reader’s language, and the audit trail reads the change as a sentence', async ({ page, baseURL, server }) => {
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  expect((await admin.post('/api/staff/admin/channels', { data: { slug: 'harbour', name: 'Harbour' } })).status()).toBe(201);
  await admin.dispose();
  await signIn(page, 'admin', firstAdminPassword(server.output()));
  await page.goto('/en/staff/admin/');
  await page.getByRole('button', { name: 'Rename Harbour' }).click();
  await expect(page.getByRole('heading', { name: 'Rename Harbour' })).toBeFocused();
  await page.getByLabel('Name in Traditional Chinese').fill('港口');
  await page.getByLabel('What it is for, in Traditional Chinese').fill('港口走私與收賄');
  await page.getByLabel('Name in English').fill('Harbour and customs');
  await page.getByRole('button', { name: 'Save names' }).click();
  await expect(page.getByText('Harbour and customs was renamed.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Channels with their key holders and reports' }).getByRole('rowheader', { name: 'Harbour and customs' })).toBeVisible();

  await page.goto('/staff/admin/');
  const channels = page.getByRole('table', { name: '各受理分組的金鑰持有人數與線索數' });
  await expect(channels.getByRole('rowheader', { name: '港口', exact: true })).toBeVisible();
  await expect(channels.getByRole('cell', { name: '港口走私與收賄' })).toBeVisible();
  // Simplified Chinese was left empty: that page shows the default name.
  await page.goto('/zh-hans/staff/admin/');
  await expect(page.getByRole('rowheader', { name: 'Harbour', exact: true }).first()).toBeVisible();

  await page.goto('/staff/audit/');
  const renamed = page.getByRole('row').filter({ hasText: 'channel.renamed' }).first();
  await expect(renamed).toContainText('變更受理分組的名稱或說明');
});

test('an admin adds a post-quantum channel from the console and sees its key type in the list', async ({ page, server }) => {
  await signIn(page, 'admin', firstAdminPassword(server.output()));
  await page.goto('/en/staff/admin/');
  const form = page.getByRole('form', { name: 'Add a channel' });
  await form.getByLabel('Short name').fill('customs_pq');
  await form.getByLabel('Name', { exact: true }).fill('Customs');
  await form.getByLabel('Key type').selectOption('pq');
  await form.getByRole('button', { name: 'Add channel' }).click();
  await expect(page.getByText('Channel Customs was added.')).toBeVisible();
  const row = page.getByRole('table', { name: 'Channels with their key holders and reports' }).getByRole('row').filter({ hasText: 'customs_pq' });
  await expect(row.getByRole('cell', { name: 'Post-quantum (ML-KEM-768 + X25519)' })).toBeVisible();
  // The default channels of this instance kept the default key type.
  await expect(page.getByRole('row').filter({ hasText: 'organised_crime' }).getByRole('cell', { name: 'X25519', exact: true })).toBeVisible();
});

test('a triager cannot open another channel\'s report by editing the URL', async ({ page, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), SECTOR_TRIAGER);
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await admin.post('/api/reports', { data: { category: 'organised_crime', details: 'A report the sector triager must never see.' } });
  const list = (await (await admin.get('/api/staff/reports?channel=organised_crime')).json()) as { reports: { id: number }[] };
  await admin.dispose();
  const foreignId = list.reports[0]?.id;
  expect(foreignId).toBeGreaterThan(0);

  await signIn(page, SECTOR_TRIAGER.username, MEMBER_PASSWORD);
  await page.goto(`/en/staff/report/?id=${foreignId}`);
  await expect(page.getByRole('alert')).toContainText('not found, or it is not in your channels');
  await expect(page.getByText('A report the sector triager must never see.')).toHaveCount(0);
});

test('staff see a report\'s evidence files and download exactly the bytes the reporter sent', async ({ page, browser, baseURL, server }) => {
  const member = { username: 'files-triager', role: 'triager' as const, channels: ['other'] };
  await ensureMember(baseURL, server.output(), member);
  const annex = { name: 'contract-annex.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(5000)]) };
  const photo = { name: 'site.jpg', mimeType: 'image/jpeg', buffer: await readFile('tests/fixtures/images/with-metadata.jpg') };

  // The reporter sends a document and a photo, then a second document with a follow-up message.
  const reporter = await browser.newPage();
  await reporter.goto('/en/report/');
  await expect(reporter.locator('astro-island[ssr]')).toHaveCount(0);
  await reporter.getByLabel('Something else').check();
  await reporter.getByLabel('What happened?').fill('The annex to the road contract was signed after the tender had closed.');
  await reporter.getByLabel('Choose files').setInputFiles([annex, photo]);
  await reporter.getByRole('button', { name: 'Send report' }).click();
  const code = await receivedCode(reporter);
  await lookUp(reporter, code, true);
  await reporter.getByLabel('Add information').fill('The minutes of the tender meeting.');
  await reporter.getByLabel('Choose files').setInputFiles(pdfFile('minutes.pdf', 900));
  await reporter.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(reporter.getByText('Your message has been sent.')).toBeVisible();
  await reporter.close();

  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  const list = (await (await admin.get('/api/staff/reports?channel=other')).json()) as { reports: { id: number }[] };
  await admin.dispose();
  const id = Math.max(...list.reports.map((report) => report.id));

  await signIn(page, member.username, MEMBER_PASSWORD);
  await page.goto(`/en/staff/report/?id=${id}`);
  await expect(page.getByText('The annex to the road contract was signed after the tender had closed.')).toBeVisible();
  const files = page.locator('section', { has: page.getByRole('heading', { name: 'Evidence files', level: 2 }) }).getByRole('listitem');
  await expect(files).toHaveCount(3);
  const annexItem = files.filter({ has: page.getByRole('heading', { name: 'contract-annex.pdf' }) });
  await expect(annexItem).toContainText(formatBytes(annex.buffer.length));
  await expect(annexItem).toContainText('application/pdf');
  await expect(annexItem).toContainText(createHash('sha256').update(annex.buffer).digest('hex'));
  await expect(annexItem).toContainText('Not touched: this type is stored as sent');
  await expect(annexItem).toContainText('Came withThe report');
  const photoItem = files.filter({ has: page.getByRole('heading', { name: 'site.jpg' }) });
  await expect(photoItem).toContainText('image/jpeg');
  await expect(photoItem).toContainText('Removed (location, camera, time');
  // The cleaned photo is shown inline, decrypted in the session; the PDF is not.
  const preview = photoItem.getByRole('img', { name: 'Preview of site.jpg' });
  await expect(preview).toBeVisible();
  // Loaded lazily, when scrolled to: a preview is audited as seen.
  await preview.scrollIntoViewIfNeeded();
  await expect.poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await expect(annexItem.getByRole('img')).toHaveCount(0);
  await expect(files.filter({ has: page.getByRole('heading', { name: 'minutes.pdf' }) })).toContainText('The reporter’s message of');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download contract-annex.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('contract-annex.pdf');
  expect((await readFile(await download.path())).equals(annex.buffer)).toBe(true);

  const exporting = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export encrypted (.age) contract-annex.pdf' }).click();
  const exported = await readFile(await (await exporting).path());
  expect(exported.subarray(0, 'age-encryption.org/v1'.length).toString()).toBe('age-encryption.org/v1');
  expect(exported.includes(annex.buffer.subarray(0, 64))).toBe(false);
});

for (const prefix of LANG_PREFIXES) {
  test(`every console page in ${prefix || '/'} passes axe with no serious or critical violations`, async ({ page, baseURL, server }) => {
    test.setTimeout(140_000); // seven pages, each analysed in full
    await page.goto(`${prefix}/staff/`);
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, 'admin', firstAdminPassword(server.output()));
    const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
    const list = (await (await admin.get('/api/staff/reports')).json()) as { reports: { id: number }[] };
    await admin.dispose();
    const paths = ['/staff/queue/', '/staff/intake/', `/staff/report/?id=${list.reports[0]?.id ?? 1}`, '/staff/registers/', '/staff/admin/', '/staff/audit/', '/staff/account/'];
    for (const path of paths) {
      await page.goto(`${prefix}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page), `${prefix}${path}`).toEqual([]);
    }
  });
}

test('a triager opts in to e-mail notifications on My account, and an admin sees them listed without the address', async ({ page, browser, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'notified-triager', role: 'triager', channels: ['other'] });
  await signIn(page, 'notified-triager', MEMBER_PASSWORD);
  await page.getByRole('link', { name: 'My account' }).click();
  await expect(page.getByRole('heading', { name: 'E-mail notifications' })).toBeVisible();
  await page.getByLabel('E-mail address').fill('not an address');
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('Enter an e-mail address such as name@example.org.')).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toBeFocused();
  await page.getByLabel('E-mail address').fill('notified.triager@example.org');
  await page.getByLabel('A new lead arrives in my channels').check();
  await page.getByLabel('A lead in my channels becomes overdue').check();
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('E-mail address')).toHaveValue('notified.triager@example.org');
  await expect(page.getByLabel('A lead in my channels becomes overdue')).toBeChecked();
  await expect(page.getByLabel('A reporter replies on a lead in my channels')).not.toBeChecked();

  const adminPage = await (await browser.newContext({ baseURL })).newPage();
  await signIn(adminPage, 'admin', firstAdminPassword(server.output()));
  await adminPage.goto('/en/staff/admin/');
  const deliveries = adminPage.getByRole('region', { name: 'Notification mails by staff member' });
  await expect(deliveries.getByRole('row', { name: /notified-triager/ })).toContainText('never');
  await expect(deliveries).not.toContainText('@');
  await adminPage.context().close();
});

test('signing in and pulling the next report work from the keyboard alone', async ({ page, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'keyboard-triager', role: 'triager', channels: ['sector_disorder', 'other'] });
  const reporter = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await reporter.post('/api/reports', { data: { category: 'other', details: 'Someone is dumping chemical drums by the river at night.' } });
  await reporter.dispose();

  await page.goto('/en/staff/');
  await page.getByLabel('Username').focus();
  await page.keyboard.type('keyboard-triager');
  await page.keyboard.press('Tab');
  await page.keyboard.type(MEMBER_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff\/queue\//);
  const pull = page.getByRole('button', { name: 'Pull next report' });
  await expect(pull).toBeVisible();
  for (let presses = 0; presses < 60 && !(await pull.evaluate((el) => el === document.activeElement)); presses += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(pull).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff\/report\/\?id=\d+/);
  await expect(page.getByRole('heading', { name: /^Report \d+$/ })).toBeVisible();
});

test('first sign-in: own password, recovery code confirmed as stored, then a second factor enrolled from a locally drawn QR code', async ({ page, baseURL, server }) => {
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  const created = await admin.post('/api/staff/admin/staff', { data: { username: 'newcomer', password: 'set by the admin 1', role: 'triager', channels: ['other'] } });
  expect(created.status()).toBe(201);
  await admin.dispose();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto('/en/staff/');
  await page.getByLabel('Username').fill('newcomer');
  await page.getByLabel('Password', { exact: true }).fill('set by the admin 1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('Current password').fill('set by the admin 1');
  await page.getByLabel('New password', { exact: true }).fill('my own long password');
  await page.getByLabel('New password again').fill('my own long password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery code' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Tick the box');
  await page.getByLabel('I have stored the recovery code somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/staff\/queue\//);

  await page.getByRole('link', { name: 'Set up an authenticator app for signing in' }).click();
  const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((el) => el.tagName.toLowerCase() === 'svg' || el.querySelector('svg') !== null)).toBe(true);
  const secret = (await page.locator('.totp-secret code').textContent())?.trim() ?? '';
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  await page.getByLabel('Code from the app').fill(totp.generate());
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  await expect(page.getByText('Your authenticator app is set up.')).toBeVisible();

  // Signing out clears the session; signing in now needs the code.
  await page.getByRole('link', { name: 'Continue to the console' }).click();
  await page.waitForURL(/\/staff\/queue\//);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0); // the session bar is live
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/staff\/$/);
  expect((await page.request.get('/api/staff/me')).status()).toBe(401);
  await page.getByLabel('Username').fill('newcomer');
  await page.getByLabel('Password', { exact: true }).fill('my own long password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  // A fresh code (the enrolment one cannot be used twice).
  await page.waitForTimeout(Math.max(0, 30_000 - (Date.now() % 30_000)) + 200);
  await page.getByLabel('Authentication code (if you set one up)').fill(totp.generate());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/staff\/queue\//);

  // Nothing was fetched from anywhere but this site (the QR code included).
  const origin = new URL(baseURL).origin;
  for (const url of requests) expect(new URL(url).origin).toBe(origin);
});


test('overdue reports are highlighted in the queue and listed in the slow-progress register', async ({ page, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'slow-triager', role: 'triager', channels: ['case_interference'] });
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await admin.post('/api/reports', { data: { category: 'case_interference', details: 'An officer was told to lose the evidence in the fraud case.' } });
  const list = (await (await admin.get('/api/staff/reports?channel=case_interference')).json()) as { reports: { id: number }[] };
  await admin.dispose();
  const id = list.reports[0]?.id ?? 0;
  // Move the deadlines into the past, as eight days of nobody acknowledging would.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(`${server.dataDir}/tipline.db`);
  db.prepare("UPDATE reports SET ack_due_at = '2000-01-01T00:00:00Z' WHERE id = ?").run(id);
  db.close();

  await signIn(page, 'slow-triager', MEMBER_PASSWORD);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Report ${id}`, exact: true }) });
  await expect(row.getByText('Acknowledgement overdue')).toBeVisible();
  await page.goto('/en/staff/registers/');
  const register = page.getByRole('region', { name: 'Overdue acknowledgements' });
  await expect(register.getByRole('link', { name: `Report ${id}`, exact: true })).toBeVisible();
});

test('the idle warning comes before the session ends, and "Stay signed in" keeps the session', async ({ page, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'idle-triager', role: 'triager', channels: ['official_protection'] });
  await page.clock.install();
  await signIn(page, 'idle-triager', MEMBER_PASSWORD);
  // The countdown starts once the session bar has heard from /me, which shows the name;
  // fast-forwarding before that would only move a clock nobody is counting with yet.
  await expect(page.getByText('Signed in as idle-triager')).toBeVisible();
  await settled(page);
  await page.clock.fastForward('28:30'); // the queue page makes no calls of its own meanwhile
  await expect(page.getByText(/You have been idle for a while/)).toBeVisible();
  await page.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(page.getByText(/You have been idle for a while/)).toHaveCount(0);
  expect((await page.request.get('/api/staff/me')).status()).toBe(200);
});

/** The id of the newest report in a channel, as the admin's queue lists it. */
async function newestReportId(admin: Awaited<ReturnType<typeof apiSession>>, channel: string): Promise<number> {
  let newest = 0;
  let cursor: string | null = null;
  do {
    const query: string = `/api/staff/reports?channel=${channel}&limit=200${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const page = (await (await admin.get(query)).json()) as { reports: { id: number }[]; nextCursor: string | null };
    for (const report of page.reports) newest = Math.max(newest, report.id);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return newest;
}

test('a report page renewing its lease does not keep the session alive: the warning comes on time, and at the end the report leaves the screen', async ({ page, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'idle-reader', role: 'triager', channels: ['official_protection'] });
  const secret = `The customs chief keeps the seized cigarettes in his own garage, case ${randomBytes(4).toString('hex')}.`;
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await admin.post('/api/reports', { data: { category: 'official_protection', details: secret } });
  // The most urgent report of the channel, so "Pull next report" brings exactly this one.
  const id = await newestReportId(admin, 'official_protection');
  expect((await admin.post(`/api/staff/reports/${id}/priority`, { data: { priority: 3 } })).status()).toBe(200);
  await admin.dispose();

  await page.clock.install();
  await signIn(page, 'idle-reader', MEMBER_PASSWORD);
  await page.getByRole('button', { name: 'Pull next report' }).click();
  await page.waitForURL(new RegExp(`/staff/report/\\?id=${id}$`));
  await expect(page.getByText(secret)).toBeVisible();
  // Both countdowns have started: the bar's (the name shows) and the lease renewal's.
  await expect(page.getByText('Signed in as idle-reader')).toBeVisible();
  await expect(page.getByText(/You are handling this report/)).toBeVisible();
  await settled(page);
  const renewals: { background: string | undefined; status: number }[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.url().endsWith(`/reports/${id}/lease`) && (request.postData() ?? '').includes('renew')) {
      renewals.push({ background: request.headers()['x-tipline-background'], status: response.status() });
    }
  });

  // Twenty-five minutes of nobody at the screen while the page keeps its lease.
  for (let round = 1; round <= 5; round += 1) {
    await page.clock.fastForward('05:00');
    await expect.poll(() => renewals.length).toBeGreaterThanOrEqual(round);
  }
  expect(renewals.every((renewal) => renewal.status === 200 && renewal.background === '1')).toBe(true);
  await expect(page.getByText(/You have been idle for a while/)).toHaveCount(0);
  await page.clock.fastForward('03:30'); // 28:30: the warning is due two minutes before the end
  await expect(page.getByText(/You have been idle for a while/)).toBeVisible();

  // At the end the screen is cleared before anything else (here, while the sign-out is still on its way).
  let pageWhileSigningOut = null as string | null; // set in the route handler below
  await page.route('**/api/staff/logout', async (route) => {
    pageWhileSigningOut = await page.evaluate(() => document.body.innerHTML);
    await route.continue();
  });
  await page.clock.fastForward('02:00');
  await page.waitForURL(/\/en\/staff\/\?ended=1$/);
  expect(pageWhileSigningOut).not.toBeNull();
  expect(pageWhileSigningOut?.includes(secret), 'the report\'s text was still in the page while signing out').toBe(false);
  await expect(page.getByText('Your session has ended. Sign in again to continue.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  expect((await page.request.get('/api/staff/me')).status()).toBe(401);
});

test('a person active in another tab keeps the session: the idle bar finds out in the background instead of signing out', async ({ page, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'two-tabs', role: 'triager', channels: ['official_protection'] });
  await page.clock.install();
  await signIn(page, 'two-tabs', MEMBER_PASSWORD);
  await expect(page.getByText('Signed in as two-tabs')).toBeVisible();
  await settled(page);
  await page.clock.fastForward('10:00');
  // Another tab of the same browser: a person's request, which this page never hears of.
  expect((await page.request.get('/api/staff/reports')).status()).toBe(200);
  const check = page.waitForResponse((response) => response.url().endsWith('/api/staff/me') && response.request().headers()['x-tipline-background'] === '1');
  await page.clock.fastForward('18:30'); // 28:30 by this page's own count: it asks the server first
  expect((await check).status()).toBe(200);
  await page.clock.fastForward('02:00'); // 30:30: past this page's own end
  // The countdown now runs from the other tab's request: the warning comes about 28 minutes after it.
  await page.clock.fastForward('26:45');
  await expect(page.getByText(/You have been idle for a while/)).toBeVisible();
  await expect(page).toHaveURL(/\/en\/staff\/queue\/$/);
});

test('the lease is renewed while a report is open', async ({ page, baseURL, server }) => {
  await ensureMember(baseURL, server.output(), { username: 'lease-triager', role: 'triager', channels: ['official_protection'] });
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await admin.post('/api/reports', { data: { category: 'official_protection', details: 'The harbour master waves through the smugglers every week.' } });
  await admin.dispose();
  await page.clock.install();
  await signIn(page, 'lease-triager', MEMBER_PASSWORD);
  await page.getByRole('button', { name: 'Pull next report' }).click();
  await page.waitForURL(/\/staff\/report\/\?id=\d+/);
  await expect(page.getByRole('heading', { name: /^Report \d+$/ })).toBeVisible();
  const renewals: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/lease') && (request.postData() ?? '').includes('renew')) renewals.push(request.url());
  });
  // The renewal is scheduled once the page knows the caller holds the lease.
  await expect(page.getByText(/You are handling this report/)).toBeVisible();
  await page.clock.fastForward('05:30');
  await expect.poll(() => renewals.length).toBeGreaterThan(0);
});

test('low-effort reports are marked in the queue and on the report page, filtered, and an admin discards a batch after confirming', async ({ page, browser, baseURL, server }) => {
  test.setTimeout(120_000); // three pages analysed by axe on the way
  const triager = { username: 'junk-triager', role: 'triager' as const, channels: ['organised_crime'] };
  await ensureMember(baseURL, server.output(), triager);
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  for (const details of ['Free spins every hour, claim your bonus now!!', 'Claim your bonus now, free spins for everyone!!', 'The port inspector takes cash to let the containers through.']) {
    expect((await admin.post('/api/reports', { data: { category: 'organised_crime', details } })).status()).toBe(201);
  }
  const list = (await (await admin.get('/api/staff/reports?channel=organised_crime')).json()) as { reports: { id: number }[] };
  await admin.dispose();
  const [junkA, junkB, honest] = list.reports.map((report) => report.id).sort((a, b) => a - b).slice(-3);
  // Admitted at low effort during a flood long ago, as the admission layer would have marked them.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(`${server.dataDir}/tipline.db`);
  db.prepare("UPDATE reports SET low_effort = 1, received_at = '2021-03-04T05:00:00Z' WHERE id IN (?, ?)").run(junkA, junkB);
  db.close();

  await signIn(page, triager.username, MEMBER_PASSWORD);
  const row = (id: number | undefined) => page.getByRole('row').filter({ has: page.getByRole('link', { name: `Report ${id}`, exact: true }) });
  await expect(row(junkA).getByText('Low effort', { exact: true })).toBeVisible();
  await expect(row(honest)).toBeVisible();
  await expect(row(honest).getByText('Low effort', { exact: true })).toHaveCount(0);
  await page.getByLabel('Low-effort marker').selectOption({ label: 'Marked low effort only' });
  await page.getByRole('button', { name: 'Show reports' }).click();
  await expect(row(honest)).toHaveCount(0);
  await expect(row(junkA)).toBeVisible();
  await expect(row(junkB)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await row(junkA).getByRole('link').click();
  await expect(page.getByText('with little or no proof of work while the site was under heavy load')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const adminPage = await (await browser.newContext({ baseURL })).newPage();
  await signIn(adminPage, 'admin', firstAdminPassword(server.output()));
  await adminPage.goto('/en/staff/admin/');
  const batches = adminPage.getByRole('table', { name: 'Marked reports by the hour they arrived, newest first' });
  const batch = batches.getByRole('row').filter({ hasText: '2021' });
  await expect(batch.getByRole('cell')).toHaveText(['2', '2', 'Discard…']); // marked, nobody worked on them, action
  const discard = batch.getByRole('button', { name: /^Discard 2 reports received / });
  await discard.click();
  await expect(adminPage.getByRole('heading', { name: 'Discard these reports?' })).toBeFocused();
  await expect(adminPage.getByRole('group', { name: 'Discard these reports?' })).toContainText('2 marked reports received');
  expect(await seriousViolations(adminPage)).toEqual([]);
  await adminPage.getByRole('button', { name: 'Cancel' }).click();
  await expect(adminPage.getByRole('heading', { name: 'Discard these reports?' })).toHaveCount(0);
  await expect(discard).toBeFocused();
  await expect(batch).toHaveCount(1); // nothing happened

  await discard.click();
  await adminPage.getByRole('button', { name: 'Yes, discard them' }).click();
  await expect(adminPage.getByText('2 reports were discarded.')).toBeVisible();
  await expect(batch).toHaveCount(0);
  await adminPage.context().close();

  // The triager's filtered queue no longer holds them; the unmarked report is untouched.
  await page.goto('/en/staff/queue/?lowEffort=true&channel=organised_crime');
  await expect(page.getByText('0 reports shown')).toBeVisible();
  await page.goto('/en/staff/queue/?lowEffort=false&channel=organised_crime');
  await expect(row(honest)).toBeVisible();
});
