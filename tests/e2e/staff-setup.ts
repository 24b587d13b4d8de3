/**
 * Setting up staff for console tests through the real API, as an admin
 * would: the first account's password comes from the server's first-run
 * output; new members are created with a first password and sign in once to
 * replace it.
 */
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';

export const MEMBER_PASSWORD = 'console test password 1';

/** The generated first-account password the server printed on first start. */
export function firstAdminPassword(output: string): string {
  const password = /password: (\S+)/.exec(output)?.[1];
  if (!password) throw new Error(`no first-account password in the server output:\n${output}`);
  return password;
}

/** An API client signed in as someone (its own cookie jar), sending same-origin headers. */
export async function apiSession(baseURL: string, username: string, password: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL, 'Sec-Fetch-Site': 'same-origin' } });
  const res = await api.post('/api/staff/login', { data: { username, password } });
  if (!res.ok()) throw new Error(`sign-in as ${username} failed: ${res.status()} ${await res.text()}`);
  return api;
}

/**
 * Create a member with the admin's session and sign in once to set their own
 * password (admin-made accounts must change it first); returns the password.
 */
export async function createMember(
  admin: APIRequestContext,
  baseURL: string,
  member: { username: string; role: 'admin' | 'triager' | 'auditor'; channels: string[] },
): Promise<string> {
  const first = `${MEMBER_PASSWORD} first`;
  const created = await admin.post('/api/staff/admin/staff', { data: { ...member, password: first } });
  if (created.status() !== 201) throw new Error(`creating ${member.username} failed: ${created.status()} ${await created.text()}`);
  const session = await apiSession(baseURL, member.username, first);
  const changed = await session.post('/api/staff/password', { data: { currentPassword: first, newPassword: MEMBER_PASSWORD } });
  if (!changed.ok()) throw new Error(`password change for ${member.username} failed: ${changed.status()}`);
  await session.dispose();
  return MEMBER_PASSWORD;
}

/** Sign in on the console's English sign-in page and wait for the page a role lands on (the queue, or the audit page). */
export async function signIn(page: Page, username: string, password: string = MEMBER_PASSWORD): Promise<void> {
  await page.goto('/en/staff/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/staff\/(queue|audit)\//);
}

/** A new page of its own, signed in as a member: two people at two browsers. */
export async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, username);
  return page;
}
