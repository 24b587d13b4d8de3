/**
 * An evidence file damaged on the server (issue 16, item 3), in the console
 * (JavaScript on): "Download" names the damage on the case page, in the
 * page's language, and nothing is saved; an intact file beside it still
 * downloads whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { apiSession, createMember, firstAdminPassword, MEMBER_PASSWORD, signIn } from './staff-setup';

const MEMBER = { username: 'damage-triager', role: 'triager' as const, channels: ['other'] };
let created = false;

test('downloading a file damaged on the server shows why in the page’s language and saves nothing; an intact file still downloads', async ({ page, baseURL, server }) => {
  if (!created) {
    const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
    await createMember(admin, baseURL, MEMBER);
    await admin.dispose();
    created = true;
  }
  // A lead taken by phone with two files handed over, entered through the API.
  const intact = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200_000)]);
  const damaged = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * 1024 * 1024)]);
  const member = await apiSession(baseURL, MEMBER.username, MEMBER_PASSWORD);
  const entered = await member.post('/api/staff/leads', {
    multipart: {
      source: 'phone',
      category: 'other',
      details: 'The caller read out the ledger of the sand dredging company.',
      files: { name: 'ledger-scan.pdf', mimeType: 'application/pdf', buffer: damaged },
    },
  });
  expect(entered.status(), await entered.text()).toBe(201);
  const { id } = (await entered.json()) as { id: number };
  // An intact file, with a second lead.
  const second = await member.post('/api/staff/leads', {
    multipart: { source: 'phone', category: 'other', details: 'The same caller, a second letter.', files: { name: 'letter.pdf', mimeType: 'application/pdf', buffer: intact } },
  });
  expect(second.status()).toBe(201);
  const { id: intactId } = (await second.json()) as { id: number };
  await member.dispose();

  // Damage on disk: one byte of the stored age file, well inside its payload.
  const db = new Database(path.join(server.dataDir, 'tipline.db'), { readonly: true });
  const row = db.prepare<[number], { storageName: string }>('SELECT storage_name AS storageName FROM report_files WHERE report_id = ?').get(id);
  db.close();
  if (!row) throw new Error('the lead has no file');
  const stored = path.join(server.dataDir, 'files', `${row.storageName}.age`);
  const bytes = readFileSync(stored);
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 2_000_000) ^ 0x01, bytes.length - 2_000_000);
  writeFileSync(stored, bytes);

  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await signIn(page, MEMBER.username, MEMBER_PASSWORD);

  await page.goto(`/en/staff/report/?id=${id}`);
  await page.getByRole('link', { name: 'Download ledger-scan.pdf' }).click();
  await expect(page.getByText('This file is damaged on the server: it fails its integrity check, so it was not downloaded.')).toBeVisible();
  // The check answered before any download could start, and none did.
  expect(downloads).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/staff/report/?id=${id}`);
  await page.getByRole('link', { name: '下載 ledger-scan.pdf' }).click();
  await expect(page.getByText('這個檔案在伺服器上已損壞，未通過完整性檢查，所以沒有下載。')).toBeVisible();
  expect(downloads).toBe(0);

  await page.goto(`/en/staff/report/?id=${intactId}`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download letter.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('letter.pdf');
  expect((await readFile(await download.path())).equals(intact)).toBe(true);
  await expect(page.getByText('This file is damaged on the server')).toHaveCount(0);
});
