/**
 * Signed decisions (簽字確認, issue 15 item 3) on the case page, in a real
 * browser: a note marked as a formal record and a referral each show who
 * signed them and when, verified by the server; a plain note shows no
 * signature; the line reads the same after a reload (checked again), in
 * Traditional Chinese too; axe stays clean.
 */
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { apiSession, createMember, firstAdminPassword, signIn } from './staff-setup';

const SIGNER = { username: 'decision-signer', role: 'triager' as const, channels: ['case_interference'] };

test('the case page says who signed each decision and that it verified', async ({ page, baseURL, server }) => {
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await createMember(admin, baseURL, SIGNER);
  const submitted = await admin.post('/api/reports', {
    data: { category: 'case_interference', details: 'A council member asked the officer to drop the file.' },
  });
  expect(submitted.status()).toBe(201);
  // Other specs share this server: the lead is the newest one in this channel.
  const list = (await (await admin.get('/api/staff/reports?channel=case_interference&limit=200')).json()) as { reports: { id: number }[] };
  const id = Math.max(...list.reports.map((report) => report.id));
  await admin.dispose();

  await signIn(page, SIGNER.username);
  await page.goto(`/en/staff/report/?id=${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(id));
  const records = page.locator('ol.records');

  await page.getByLabel('Note', { exact: true }).fill('An ordinary working note.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('#result-note')).toContainText('Note added');

  await page.getByLabel('Note', { exact: true }).fill('Interview with the officer, read back to him and confirmed.');
  await page.getByLabel('Formal record: sign this note with my signing key').check();
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('#result-note')).toContainText('Note added');
  const formal = records.locator('li', { hasText: 'Interview with the officer' });
  await expect(formal).toContainText('Formal record');
  await expect(formal).toContainText(new RegExp(`Signed by ${SIGNER.username} at .+, verified`));
  await expect(records.locator('li', { hasText: 'An ordinary working note.' })).not.toContainText('Signed by');

  await page.getByRole('button', { name: 'Record a referral', expanded: false }).click();
  await page.getByLabel('Agency referred to').fill('District Prosecutors Office');
  await page.getByRole('button', { name: 'Record referral' }).click();
  await expect(page.locator('#result-referral')).toContainText('Referral recorded');
  await expect(records.locator('li', { hasText: 'District Prosecutors Office' })).toContainText(new RegExp(`Signed by ${SIGNER.username} at .+, verified`));
  expect(await seriousViolations(page)).toEqual([]);

  // After a reload the server checks each signature again, with the decrypted content.
  await page.reload();
  await expect(records.locator('li', { hasText: 'District Prosecutors Office' })).toContainText(new RegExp(`Signed by ${SIGNER.username} at .+, verified`));
  await expect(records.getByText(/, verified$/)).toHaveCount(2);

  await page.goto(`/staff/report/?id=${id}`);
  await expect(records.locator('li', { hasText: 'District Prosecutors Office' })).toContainText(new RegExp(`由 ${SIGNER.username} 於 .+ 簽字確認，簽章已驗證`));
  expect(await seriousViolations(page)).toEqual([]);
});
