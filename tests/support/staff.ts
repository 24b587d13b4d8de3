/**
 * Staff helpers for API tests: make accounts with chosen channels (granted
 * by the first admin, who holds every key), open sessions without going
 * through the login route, and send requests as a browser on this site would.
 */
import { findChannelBySlug } from '../../server/data/channels';
import { addChannelGrant, createStaff } from '../../server/data/staff';
import type { StaffRole } from '../../contract/vocabulary';
import { prepareStaffAccount, unlockStaff, wrapChannelIdentity } from '../../server/services/staff-keys';
import { ADMIN, type TestInstance } from './instance';

export const ORIGIN = 'http://localhost';

/** Create an account holding the given channels' keys; returns its id. */
export async function addStaff(
  t: TestInstance,
  account: { username: string; password: string; role: StaffRole; channels: readonly string[] },
): Promise<number> {
  return (await addStaffAccount(t, account)).id;
}

/** Create an account holding the given channels' keys; returns its id and recovery code. */
export async function addStaffAccount(
  t: TestInstance,
  account: { username: string; password: string; role: StaffRole; channels: readonly string[] },
): Promise<{ id: number; recoveryCode: string }> {
  const admin = await unlockStaff(t.db, t.kdf.staff, ADMIN.username, ADMIN.password);
  if (!admin) throw new Error('the first admin should unlock');
  const prepared = await prepareStaffAccount(t.kdf.staff, account);
  const at = new Date().toISOString();
  const id = createStaff(t.db, prepared.account, at);
  for (const slug of account.channels) {
    const channel = findChannelBySlug(t.db, slug);
    const identity = channel ? admin.channelIdentities.get(channel.id) : undefined;
    if (!channel || !identity) throw new Error(`unknown channel ${slug}`);
    addChannelGrant(t.db, { staffId: id, channelId: channel.id, wrappedIdentity: await wrapChannelIdentity(prepared.account.recipient, identity), grantedBy: admin.id }, at);
  }
  return { id, recoveryCode: prepared.recoveryCode };
}

/** A session for an existing account, as the login route would make it; returns the Cookie header value. */
export async function signIn(t: TestInstance, username: string, password: string): Promise<string> {
  const unlocked = await unlockStaff(t.db, t.kdf.staff, username, password);
  if (!unlocked) throw new Error(`cannot unlock ${username}`);
  const { token } = t.sessions.create(
    {
      staffId: unlocked.id,
      username: unlocked.username,
      role: unlocked.role,
      personalIdentity: unlocked.personalIdentity,
      personalRecipient: unlocked.recipient,
      channelIdentities: unlocked.channelIdentities,
      signingKey: unlocked.signingKey,
      restriction: null,
    },
    t.clock.now().getTime(),
  );
  return `tipline_staff=${token}`;
}

/** A request from a staff browser on this site (cookie + same-origin headers). */
export function staffRequest(
  t: TestInstance,
  cookie: string | null,
  method: string,
  url: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin', Accept: 'application/json', ...extraHeaders };
  if (cookie) headers['Cookie'] = cookie;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return Promise.resolve(
    t.app.request(`${ORIGIN}${url}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
  );
}

/** One browser's cookies, as a browser keeps them: set by responses, sent back with requests. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Keep what a response sets (Max-Age=0 removes). */
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      if (/;\s*Max-Age=0(;|$)/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1));
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** The Cookie header to send, or null when empty. */
  header(): string | null {
    return this.cookies.size === 0 ? null : [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
