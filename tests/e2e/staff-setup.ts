/**
 * Setting up staff for console tests through the real API, as an admin
 * would: the first account's password comes from the server's first-run
 * output and is replaced once, at the worker's start (fixtures.ts), because
 * the first sign-in must change it; new members are created with a first
 * password and sign in once to replace it.
 */
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';

export const MEMBER_PASSWORD = 'console test password 1';
/** What the first admin's printed password is changed to when the worker's server starts. */
export const FIRST_ADMIN_PASSWORD = 'console test first admin password';

/** The generated first-account password the server printed on first start (valid until the first change). */
export function printedAdminPassword(output: string): string {
  const password = /password: (\S+)/.exec(output)?.[1];
  if (!password) throw new Error(`no first-account password in the server output:\n${output}`);
  return password;
}

/**
 * The first admin's password in a browser test: the printed one, already
 * replaced by the server fixture's `completeFirstSignIn`. Takes the output so
 * a server that printed no first account fails loudly here.
 */
export function firstAdminPassword(output: string): string {
  printedAdminPassword(output);
  return FIRST_ADMIN_PASSWORD;
}

/** The first sign-in's forced change, done once through the API: the printed password becomes FIRST_ADMIN_PASSWORD. */
export async function completeFirstSignIn(baseURL: string, output: string): Promise<void> {
  const printed = printedAdminPassword(output);
  const admin = await apiSession(baseURL, 'admin', printed);
  const changed = await admin.post('/api/staff/password', { data: { currentPassword: printed, newPassword: FIRST_ADMIN_PASSWORD } });
  await admin.dispose();
  if (!changed.ok()) throw new Error(`the first admin's password change failed: ${changed.status()}`);
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
