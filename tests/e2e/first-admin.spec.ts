/**
 * The first admin's password, which `npm start` generated and printed on a
 * terminal (perhaps into a journal): the console makes its first sign-in
 * replace it, as it does for an account an admin made. This worker's server
 * keeps the printed password (the fixture changes it for every other spec).
 */
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { printedAdminPassword } from './staff-setup';

test.use({ firstSignInDone: false });

test('the first admin signs in with the printed password and must choose their own first; the printed one is refused as the new one and stops working', async ({
  page,
  server,
}) => {
  const printed = printedAdminPassword(server.output());
  await page.goto('/en/staff/');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill(printed);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByText('printed when Tipline was installed')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing but the change is open to this session.
  expect((await page.request.get('/api/staff/reports')).status()).toBe(403);

  await page.getByLabel('Current password').fill(printed);
  await page.getByLabel('New password', { exact: true }).fill(printed);
  await page.getByLabel('New password again').fill(printed);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toContainText('The new password must differ from the current one.');

  await page.getByLabel('New password', { exact: true }).fill('the first admin chose this');
  await page.getByLabel('New password again').fill('the first admin chose this');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery code' })).toBeVisible();
  await page.getByLabel('I have stored the recovery code somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/staff\/queue\//);
  expect((await page.request.get('/api/staff/reports')).status()).toBe(200);

  const again = await page.request.post('/api/staff/login', {
    data: { username: 'admin', password: printed },
    headers: {
      Origin: new URL(page.url()).origin,
      'Sec-Fetch-Site': 'same-origin',
    },
  });
  expect(again.status()).toBe(401);
});
