/**
 * The sign-in slow-down as an attacker and as the account's owner meet it:
 * a browser that signed in before keeps getting in while the username is
 * slowed down for everyone else; a device cookie with too many failures
 * stops helping; recovery works throughout; unknown and known usernames get
 * the same answers after the same Argon2id work.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEVICE_FAILURE_LIMIT } from '../../server/auth/device-trust';
import { MAX_DEVICE_TOKENS } from '../../server/auth/sign-in-guard';
import { createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, addStaffAccount, CookieJar, staffRequest } from '../support/staff';

const DEVICE = 'tipline_device';
const PASSWORD = 'owner password 1234';
const WRONG = 'attacker guess 0000';

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(() => t.close());

interface Answer {
  status: number;
  retryAfter: number | null;
  body: unknown;
}

/** Sign in from a browser (its cookie jar, or none: a fresh browser each time). */
async function login(username: string, password: string, jar: CookieJar | null = null): Promise<Answer> {
  const res = await staffRequest(t, jar?.header() ?? null, 'POST', '/api/staff/login', { username, password });
  jar?.take(res);
  const retryAfter = res.headers.get('retry-after');
  return { status: res.status, retryAfter: retryAfter === null ? null : Number(retryAfter), body: await res.json() };
}

/**
 * Guess wrong passwords from fresh browsers, waiting out each delay as a
 * patient attacker would, until the username is refused for at least
 * `seconds` (long enough that the real time a slow machine takes cannot end it).
 */
async function slowDown(username: string, seconds = 60): Promise<void> {
  for (let guess = 0; guess < 30; guess += 1) {
    const answer = await login(username, WRONG);
    if (answer.status === 429 && (answer.retryAfter ?? 0) >= seconds) return;
    if (answer.status === 429) t.clock.advance((answer.retryAfter ?? 1) * 1000);
    else expect(answer.status).toBe(401);
  }
  throw new Error(`${username} was never slowed down`);
}

describe('a browser that signed in before (device cookie)', () => {
  it('gets the right password accepted while the username is slowed down for everyone else', async () => {
    await addStaff(t, { username: 'owner', password: PASSWORD, role: 'triager', channels: [] });
    const ownBrowser = new CookieJar();
    expect((await login('owner', PASSWORD, ownBrowser)).status).toBe(200);
    expect(ownBrowser.get(DEVICE)).toBeDefined();

    await slowDown('owner');
    const elsewhere = await login('owner', PASSWORD);
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.body).toMatchObject({ error: { code: 'login_throttled' } });

    expect((await login('owner', PASSWORD, ownBrowser)).status).toBe(200);
    // Its success does not lift the slow-down for the attacker's browsers.
    expect((await login('owner', PASSWORD)).status).toBe(429);
    // And it keeps working, sign-in after sign-in.
    expect((await login('owner', PASSWORD, ownBrowser)).status).toBe(200);
  });

  it('is set only after a successful sign-in: HttpOnly, SameSite=Strict, only for /api/staff, long-lived', async () => {
    await addStaff(t, { username: 'cookie-check', password: PASSWORD, role: 'triager', channels: [] });
    const failed = await staffRequest(t, null, 'POST', '/api/staff/login', { username: 'cookie-check', password: WRONG });
    expect(failed.status).toBe(401);
    expect(failed.headers.getSetCookie()).toEqual([]);
    const ok = await staffRequest(t, null, 'POST', '/api/staff/login', { username: 'cookie-check', password: PASSWORD });
    const line = ok.headers.getSetCookie().find((cookie) => cookie.startsWith(`${DEVICE}=`)) ?? '';
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Strict/i);
    expect(line).toMatch(/Path=\/api\/staff(;|$)/);
    expect(Number(/Max-Age=(\d+)/.exec(line)?.[1])).toBeGreaterThanOrEqual(30 * 86_400);
    expect(line).not.toMatch(/Secure/i); // plain http here
  });

  it(`stops helping after ${DEVICE_FAILURE_LIMIT} wrong passwords sent with it`, async () => {
    await addStaff(t, { username: 'stolen', password: PASSWORD, role: 'triager', channels: [] });
    const browser = new CookieJar();
    expect((await login('stolen', PASSWORD, browser)).status).toBe(200);
    await slowDown('stolen');

    // Whoever holds the cookie gets a few guesses past the slow-down, no more.
    for (let guess = 0; guess < DEVICE_FAILURE_LIMIT; guess += 1) expect((await login('stolen', WRONG, browser)).status).toBe(401);
    expect((await login('stolen', PASSWORD, browser)).status).toBe(429);
    expect((await login('stolen', WRONG, browser)).status).toBe(429);
  });

  it('helps only for the account it was issued for, and only when signed by this instance', async () => {
    await addStaff(t, { username: 'first-acct', password: PASSWORD, role: 'triager', channels: [] });
    await addStaff(t, { username: 'second-acct', password: PASSWORD, role: 'triager', channels: [] });
    const browser = new CookieJar();
    expect((await login('first-acct', PASSWORD, browser)).status).toBe(200);
    await slowDown('second-acct');
    expect((await login('second-acct', PASSWORD, browser)).status).toBe(429);

    await slowDown('first-acct');
    const token = browser.get(DEVICE) ?? '';
    const forged = new CookieJar();
    forged.set(DEVICE, `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`);
    expect((await login('first-acct', PASSWORD, forged)).status).toBe(429);
    expect((await login('first-acct', PASSWORD, browser)).status).toBe(200);
  });

  it(`keeps one per account for the ${MAX_DEVICE_TOKENS} accounts it signed in to most recently`, async () => {
    const names = Array.from({ length: MAX_DEVICE_TOKENS + 1 }, (_, n) => `shared-${n}`);
    for (const username of names) await addStaff(t, { username, password: PASSWORD, role: 'triager', channels: [] });
    const browser = new CookieJar();
    for (const username of names) expect((await login(username, PASSWORD, browser)).status).toBe(200);
    // Signing in again to one account renews its token rather than adding another.
    expect((await login(names.at(-1) ?? '', PASSWORD, browser)).status).toBe(200);
    expect(browser.get(DEVICE)?.split('~')).toHaveLength(MAX_DEVICE_TOKENS);

    const [oldest = '', stillKept = ''] = names;
    await slowDown(oldest);
    expect((await login(oldest, PASSWORD, browser)).status).toBe(429);
    await slowDown(stillKept);
    expect((await login(stillKept, PASSWORD, browser)).status).toBe(200);
  });

  it('is Secure and named __Secure- when PUBLIC_ORIGIN is https', async () => {
    const tls = await createTestInstance({ PUBLIC_ORIGIN: 'https://tips.example.org' });
    try {
      const res = await staffRequest(tls, null, 'POST', '/api/staff/login', { username: 'admin', password: 'correct horse battery staple' });
      expect(res.status).toBe(200);
      const line = res.headers.getSetCookie().find((cookie) => cookie.startsWith(`__Secure-${DEVICE}=`)) ?? '';
      expect(line).toMatch(/; Secure/i);
      expect(line).toMatch(/Path=\/api\/staff(;|$)/);
    } finally {
      tls.close();
    }
  });
});

describe('recovery', () => {
  it('works while the username is slowed down, and lets that browser sign in with the new password', async () => {
    const { recoveryCode } = await addStaffAccount(t, { username: 'forgetful', password: PASSWORD, role: 'triager', channels: [] });
    await slowDown('forgetful');
    expect((await login('forgetful', PASSWORD)).status).toBe(429);

    const browser = new CookieJar();
    const recovered = await staffRequest(t, browser.header(), 'POST', '/api/staff/recover', {
      username: 'forgetful',
      recoveryCode,
      newPassword: 'forgetful new password',
    });
    expect(recovered.status).toBe(200);
    browser.take(recovered);
    expect((await login('forgetful', 'forgetful new password', browser)).status).toBe(200);
    // The attacker's browsers are still slowed down.
    expect((await login('forgetful', 'forgetful new password')).status).toBe(429);
  });

  it('is not slowed down by wrong recovery codes either (about 124 bits: guessing is hopeless anyway)', async () => {
    const { recoveryCode } = await addStaffAccount(t, { username: 'recoverer', password: PASSWORD, role: 'triager', channels: [] });
    for (let guess = 0; guess < 8; guess += 1) {
      const wrong = await staffRequest(t, null, 'POST', '/api/staff/recover', { username: 'recoverer', recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', newPassword: 'whatever password 1' });
      expect(wrong.status).toBe(401);
    }
    const right = await staffRequest(t, null, 'POST', '/api/staff/recover', { username: 'recoverer', recoveryCode, newPassword: 'recoverer new password' });
    expect(right.status).toBe(200);
  });
});

describe('unknown and known usernames', () => {
  /** The same patient attack on one username: every answer, and the Argon2id derivations it cost. */
  async function attack(username: string): Promise<{ answers: Answer[]; derivations: number }> {
    const derive = vi.spyOn(t.kdf.staff.limiter, 'run');
    const answers: Answer[] = [];
    for (let guess = 0; guess < 14; guess += 1) {
      const answer = await login(username, WRONG);
      answers.push(answer);
      // Wait out every other delay, so both waiting and trying again are compared.
      if (answer.status === 429 && guess % 2 === 1) t.clock.advance((answer.retryAfter ?? 1) * 1000);
    }
    const derivations = derive.mock.calls.length;
    derive.mockRestore();
    return { answers, derivations };
  }

  it('get the same statuses, bodies and Retry-After under repeated failures, after the same Argon2id work', async () => {
    await addStaff(t, { username: 'known-name', password: PASSWORD, role: 'triager', channels: [] });
    const known = await attack('known-name');
    const unknown = await attack('nobody-by-this-name');

    expect(unknown.answers.map((a) => a.status)).toEqual(known.answers.map((a) => a.status));
    expect(unknown.answers.map((a) => a.body)).toEqual(known.answers.map((a) => a.body));
    expect(known.answers.filter((a) => a.status === 429).length).toBeGreaterThan(3); // the slow-down did kick in
    // Retry-After is there for the same answers, with the same value (give or take the second the test itself took).
    known.answers.forEach((answer, n) => {
      const other = unknown.answers[n]?.retryAfter ?? null;
      expect(other === null).toBe(answer.retryAfter === null);
      if (answer.retryAfter !== null) expect(Math.abs((other ?? 0) - answer.retryAfter)).toBeLessThanOrEqual(1);
    });
    expect(unknown.derivations).toBe(known.derivations);
    expect(known.derivations).toBe(known.answers.filter((a) => a.status === 401).length);
  });
});
