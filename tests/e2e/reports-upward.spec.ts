/**
 * Reports upward in the console (issue 15 item 5): an auditor downloads the
 * statistics report for the days shown, signed by the instance key, and the
 * audit trail's export; both verify as a supervising body would check them,
 * and the page stays free of serious accessibility problems.
 */
import { readFile } from 'node:fs/promises';
import { verifyUpward } from '../../server/services/upward-verify';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { apiSession, createMember, firstAdminPassword, signIn } from './staff-setup';

test('an auditor downloads the signed statistics report and the audit export from the console, and both verify', async ({ page, baseURL, server }) => {
  const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
  await createMember(admin, baseURL, { username: 'upward-auditor', role: 'auditor', channels: [] });
  await admin.dispose();
  const today = new Date().toISOString().slice(0, 10);

  await signIn(page, 'upward-auditor');
  await page.goto('/en/staff/audit/');
  const stats = page.getByRole('region', { name: 'Statistics' });
  await stats.getByLabel('From', { exact: true }).fill('2000-01-01');
  await stats.getByLabel('To', { exact: true }).fill(today);
  await stats.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(stats.locator('#stats-range-shown')).toHaveText(new RegExp(`from 2000-01-01 to ${today} inclusive`));
  expect(await seriousViolations(page)).toEqual([]);

  const statsDownload = page.waitForEvent('download');
  await stats.getByRole('link', { name: 'Report to supervising body' }).click();
  const statsFile = await statsDownload;
  expect(statsFile.suggestedFilename()).toBe(`tipline-statistics-2000-01-01-${today}.json`);
  const statsBytes = await readFile(await statsFile.path());
  const report = JSON.parse(statsBytes.toString('utf8')) as { report: { range: unknown; generatedBy: string; instance: { publicKey: string } } };
  expect(report.report).toMatchObject({ range: { from: '2000-01-01', to: today }, generatedBy: 'upward-auditor' });
  expect(verifyUpward(statsBytes)).toMatchObject({ kind: 'statistics', ok: true, problems: [] });

  const trailDownload = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Audit trail' }).getByRole('link', { name: 'Export for a supervising body (signed)' }).click();
  const trailBytes = await readFile(await (await trailDownload).path());
  const verified = verifyUpward(trailBytes, report.report.instance.publicKey);
  expect(verified).toMatchObject({ kind: 'audit-export', ok: true, problems: [] });
  // The statistics download is in the trail the supervising body receives.
  expect(trailBytes.toString('utf8')).toContain('"action":"upward.statistics_signed"');
});
