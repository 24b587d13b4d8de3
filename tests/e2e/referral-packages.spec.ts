/**
 * Referral packages in a real browser: an admin registers an authority on
 * the administration page with its age public key; a triager makes the
 * package on the case page and the browser downloads it; the authority's
 * key opens it with the `age` CLI and tar, and the case page shows the
 * recorded referral. axe on both pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { apiSession, createMember, firstAdminPassword, MEMBER_PASSWORD, signIn } from './staff-setup';

const TRIAGER = { username: 'package-triager', role: 'triager' as const, channels: ['official_protection'] };
const AUTHORITY = 'Keelung District Prosecutors';

async function queueIds(api: APIRequestContext): Promise<number[]> {
  return ((await (await api.get('/api/staff/reports?limit=200')).json()) as { reports: { id: number }[] }).reports.map((report) => report.id);
}

test('an admin registers an authority; a triager downloads a referral package from the case page that the authority opens', async ({ page: adminPage, browser, baseURL, server }) => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tipline-package-e2e-'));
  const keyFile = path.join(scratch, 'authority-key.txt');
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
  const recipient = /# public key: (age1\S+)/.exec(readFileSync(keyFile, 'utf8'))?.[1] ?? '';

  const adminPassword = firstAdminPassword(server.output());
  const admin = await apiSession(baseURL, 'admin', adminPassword);
  await createMember(admin, baseURL, TRIAGER);
  const api = await apiSession(baseURL, TRIAGER.username, MEMBER_PASSWORD);
  const before = new Set(await queueIds(api));
  const details = 'The port inspector waves unweighed trucks through for cash. e2e-package-marker';
  expect((await admin.post('/api/reports', { data: { category: 'official_protection', details } })).status()).toBe(201);
  const lead = (await queueIds(api)).find((id) => !before.has(id));
  expect(lead).toBeDefined();
  await api.dispose();
  await admin.dispose();

  // The admin registers the authority: a bad key first, then the real one.
  await signIn(adminPage, 'admin', adminPassword);
  await adminPage.goto('/en/staff/admin/');
  const form = adminPage.getByRole('form', { name: 'Add authority' });
  await form.getByLabel('Name').fill(AUTHORITY);
  await form.getByLabel('Jurisdiction').fill('Keelung, corruption');
  await form.getByLabel('age public key').fill('age1notakey');
  await form.getByRole('button', { name: 'Add authority' }).click();
  await expect(form.getByLabel('age public key')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('must start with age1 or age1pq1');
  await form.getByLabel('age public key').fill(recipient);
  await form.getByRole('button', { name: 'Add authority' }).click();
  await expect(adminPage.getByText('Authority added.')).toBeVisible();
  await expect(adminPage.getByRole('table', { name: 'Registered authorities' }).getByRole('rowheader', { name: AUTHORITY })).toBeVisible();
  expect(await seriousViolations(adminPage)).toEqual([]);

  // The triager makes the package on the case page, in a browser context of their own.
  const page = await (await browser.newContext()).newPage();
  await signIn(page, TRIAGER.username);
  await page.goto(`/en/staff/report/?id=${lead}`);
  await page.getByRole('button', { name: 'Referral package' }).click();
  const authority = page.getByLabel('Authority', { exact: true });
  await expect(authority.getByRole('option', { name: new RegExp(AUTHORITY) })).toHaveCount(1);
  await authority.selectOption({ label: `${AUTHORITY} — Keelung, corruption` });
  await expect(page.getByLabel('Language of the case file')).toHaveValue('en');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Make and download the package' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^referral-${lead}-\\d{8}\\.tar\\.age$`));
  const saved = path.join(scratch, download.suggestedFilename());
  await download.saveAs(saved);
  await expect(page.getByRole('status').filter({ hasText: 'Package made and downloaded' })).toContainText(/SHA-256 of the package: [0-9a-f]{64}/);
  await expect(page.locator('#h-records ~ *').getByText(AUTHORITY).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // What the authority does with it.
  const out = path.join(scratch, 'opened');
  execFileSync('mkdir', ['-p', out]);
  execFileSync('sh', ['-c', 'age -d -i "$1" "$2" | tar x -C "$3"', 'sh', keyFile, saved, out]);
  const html = readFileSync(path.join(out, 'case.html'), 'utf8');
  expect(html).toContain('e2e-package-marker');
  expect(html).toContain(`Case file: lead ${lead}`);
  expect(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))).toMatchObject({ reportId: lead, authority: { name: AUTHORITY } });
});
