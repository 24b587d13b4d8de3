/**
 * A console as a witness of the audit trail: it remembers the signed
 * checkpoint it saw at sign-in; after someone with write access to the
 * database cuts the trail's tail (and deletes the checkpoints that covered
 * it), the next sign-in in that browser shows a warning before the console
 * opens, and the server writes the mismatch to the trail.
 */
import { cutTail, deleteCheckpointsBeyond } from '../support/audit-attacks';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { Secret, TOTP } from 'otpauth';
import { apiSession, firstAdminPassword } from './staff-setup';

// A server of its own: this spec damages its audit trail.
test.use({ serverEnv: { AUDIT_CHECKPOINT_MINUTES: '60' } });

test('a console that saw a checkpoint warns at the next sign-in after the trail was cut, and the warning is audited', async ({ page, server, baseURL }) => {
  const password = firstAdminPassword(server.output());
  const signInForm = async (): Promise<void> => {
    await page.goto('/en/staff/');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  // Some audited work first (each search is an entry), so there is a tail to cut.
  const worker = await apiSession(baseURL, 'admin', password);
  for (const q of ['quarry', 'trucks', 'night', 'tickets']) expect((await worker.post('/api/staff/search', { data: { q } })).ok()).toBe(true);
  await worker.dispose();

  await signInForm();
  await page.waitForURL(/\/staff\/queue\//);
  const seen = await page.evaluate(() => JSON.parse(localStorage.getItem('tipline.auditWitness') ?? 'null') as { checkpoint: { entries: number; sequence: number } } | null);
  expect(seen?.checkpoint.entries).toBeGreaterThan(3);
  const entries = seen?.checkpoint.entries ?? 0;

  // The intruder: cut three entries off the end, and the checkpoints that covered them.
  cutTail(server.dataDir, entries - 3);
  deleteCheckpointsBeyond(server.dataDir, entries - 3);

  // Leave the console first: a console page that loses its session goes to the sign-in page by itself.
  await page.goto('about:blank');
  await page.context().clearCookies();
  await signInForm();
  const warning = page.getByRole('alert');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Warning: the audit trail was changed');
  await expect(warning).toContainText(`${entries} entries, signed as checkpoint ${seen?.checkpoint.sequence ?? 0}`);
  await expect(warning).toContainText('entries were cut off its end');
  expect(page.url()).toMatch(/\/en\/staff\/$/);
  expect(await seriousViolations(page)).toEqual([]);

  const admin = await apiSession(baseURL, 'admin', password);
  const trail = (await (await admin.get('/api/staff/audit?limit=20')).json()) as { entries: { action: string; detail: Record<string, unknown> }[] };
  expect(trail.entries.find((entry) => entry.action === 'audit.witness_mismatch')?.detail).toEqual({ problem: 'cut', sequence: seen?.checkpoint.sequence, entries });
  await admin.dispose();

  // Passing the warning opens the console; the browser keeps what it saw, so the next sign-in warns again.
  await page.getByRole('button', { name: 'I have noted this: continue to the console' }).click();
  await page.waitForURL(/\/staff\/queue\//);
  expect(await page.evaluate(() => (JSON.parse(localStorage.getItem('tipline.auditWitness') ?? 'null') as { checkpoint: { entries: number } }).checkpoint.entries)).toBe(entries);

  // The audit page, where the plain hash chain still verifies, says the checkpoints do not match.
  await page.goto('/en/staff/audit/');
  await expect(page.getByRole('alert').filter({ hasText: 'The signed checkpoints do NOT match the audit trail.' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the console checks the checkpoint it is given against the key it pinned, in the browser (WebCrypto Ed25519)', async ({ page, server }) => {
  const password = firstAdminPassword(server.output());
  const signInForm = async (): Promise<void> => {
    await page.goto('/en/staff/');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  await signInForm();
  await page.waitForURL(/\/staff\/queue\//);

  // Something between the browser and the server answers with a checkpoint the instance key did not sign.
  await page.route('**/api/staff/audit/consistency', async (route) => {
    const response = await route.fetch();
    const answer = (await response.json()) as { current: { head: string } };
    answer.current.head = answer.current.head.startsWith('0') ? `1${answer.current.head.slice(1)}` : `0${answer.current.head.slice(1)}`;
    await route.fulfill({ response, json: answer });
  });
  // Leave the console first: a console page that loses its session goes to the sign-in page by itself.
  await page.goto('about:blank');
  await page.context().clearCookies();
  await signInForm();
  await expect(page.getByRole('alert')).toContainText('not signed by the key this browser saw at its first sign-in');
});

test('setting up an authenticator app, which leads straight into the console, passes through the same check first', async ({ page, server }) => {
  await page.goto('/en/staff/');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill(firstAdminPassword(server.output()));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/staff\/queue\//);
  // What this browser remembers no longer matches what the server holds (as after a rewrite it witnessed).
  await page.evaluate(() => {
    const kept = JSON.parse(localStorage.getItem('tipline.auditWitness') ?? 'null') as { checkpoint: { head: string } };
    kept.checkpoint.head = kept.checkpoint.head.startsWith('0') ? `1${kept.checkpoint.head.slice(1)}` : `0${kept.checkpoint.head.slice(1)}`;
    localStorage.setItem('tipline.auditWitness', JSON.stringify(kept));
  });

  await page.goto('/en/staff/?enrol=totp');
  const secret = (await page.locator('.totp-secret code').textContent())?.trim() ?? '';
  await page.getByLabel('Code from the app').fill(new TOTP({ secret: Secret.fromBase32(secret) }).generate());
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Warning: the audit trail was changed');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(page.url()).toMatch(/\/en\/staff\/\?enrol=totp$/);
});
