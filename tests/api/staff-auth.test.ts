import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../server/services/totp';
import { ADMIN, createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, ORIGIN, staffRequest } from '../support/staff';

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'mei', password: 'mei password 1234', role: 'triager', channels: ['organised_crime'] });
});
afterAll(() => t.close());

/** Sign in through the route; returns the response and the Cookie header to send back. */
async function login(username: string, password: string, totp?: string): Promise<{ res: Response; cookie: string | null }> {
  const res = await staffRequest(t, null, 'POST', '/api/staff/login', { username, password, ...(totp === undefined ? {} : { totp }) });
  const setCookie = res.headers.get('set-cookie');
  return { res, cookie: setCookie ? (setCookie.split(';')[0] ?? null) : null };
}

describe('POST /api/staff/login', () => {
  it('opens a session with an HttpOnly, SameSite=Strict cookie and unwraps the channel keys', async () => {
    const { res, cookie } = await login('mei', 'mei password 1234');
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http here; Secure comes with an https PUBLIC_ORIGIN
    expect(await res.json()).toMatchObject({ username: 'mei', role: 'triager', channels: [{ slug: 'organised_crime' }], restriction: null });
    const me = await staffRequest(t, cookie, 'GET', '/api/staff/me');
    expect(me.status).toBe(200);
  });

  it('keeps no trace of the session token anywhere in the data directory', async () => {
    const { cookie } = await login('mei', 'mei password 1234');
    const token = cookie?.split('=')[1] ?? '';
    expect(token.length).toBeGreaterThan(30);
    for (const entry of readdirSync(t.dataDir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) expect(readFileSync(path.join(entry.parentPath, entry.name)).includes(Buffer.from(token))).toBe(false);
    }
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrong = await login('mei', 'not the password!!');
    const unknown = await login('nobody-here', 'not the password!!');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(await wrong.res.json()).toEqual(await unknown.res.json());
    expect(wrong.cookie).toBeNull();
  });

  it('backs off per username after repeated failures, with Retry-After, then lets the right password in', async () => {
    await addStaff(t, { username: 'target', password: 'target password 12', role: 'triager', channels: [] });
    for (let i = 0; i < 4; i += 1) expect((await login('target', 'wrong password 000')).res.status).toBe(401);
    const throttled = await login('target', 'target password 12');
    expect(throttled.res.status).toBe(429);
    expect(Number(throttled.res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other accounts are unaffected: the limit is per username, never per address.
    expect((await login('mei', 'mei password 1234')).res.status).toBe(200);
    t.clock.advance(60_000);
    expect((await login('target', 'target password 12')).res.status).toBe(200);
  });

  it('refuses a cross-site request (CSRF) before looking at the credentials', async () => {
    const res = await t.app.request(`${ORIGIN}/api/staff/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
      body: JSON.stringify({ username: 'mei', password: 'mei password 1234' }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'csrf_rejected' } });
    const noHeaders = await t.app.request(`${ORIGIN}/api/staff/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'mei', password: 'mei password 1234' }),
    });
    expect(noHeaders.status).toBe(403);
  });
});

describe('sessions', () => {
  it('end at logout: the cookie no longer works', async () => {
    const { cookie } = await login('mei', 'mei password 1234');
    expect((await staffRequest(t, cookie, 'POST', '/api/staff/logout')).status).toBe(204);
    expect((await staffRequest(t, cookie, 'GET', '/api/staff/me')).status).toBe(401);
  });

  it('end after the idle timeout', async () => {
    const { cookie } = await login('mei', 'mei password 1234');
    t.clock.advance((t.config.staff.idleMinutes + 1) * 60_000);
    const res = await staffRequest(t, cookie, 'GET', '/api/staff/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('end after the absolute timeout even when kept busy', async () => {
    const { cookie } = await login('mei', 'mei password 1234');
    const step = (t.config.staff.idleMinutes - 5) * 60_000;
    let elapsed = 0;
    while (elapsed + step < t.config.staff.maxHours * 3_600_000) {
      t.clock.advance(step);
      elapsed += step;
      expect((await staffRequest(t, cookie, 'GET', '/api/staff/me')).status).toBe(200);
    }
    t.clock.advance(step);
    expect((await staffRequest(t, cookie, 'GET', '/api/staff/me')).status).toBe(401);
  });
});

describe('password change and recovery', () => {
  it('re-wraps the identity: the new password signs in, the old one does not, and a new recovery code is issued', async () => {
    await addStaff(t, { username: 'chen', password: 'chen password 1234', role: 'triager', channels: ['other'] });
    const { cookie } = await login('chen', 'chen password 1234');
    const bad = await staffRequest(t, cookie, 'POST', '/api/staff/password', { currentPassword: 'wrong wrong wrong', newPassword: 'chen new password 99' });
    expect(bad.status).toBe(401);
    const res = await staffRequest(t, cookie, 'POST', '/api/staff/password', { currentPassword: 'chen password 1234', newPassword: 'chen new password 99' });
    expect(res.status).toBe(200);
    const { recoveryCode } = (await res.json()) as { recoveryCode: string };
    expect(recoveryCode).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){4}$/);
    expect((await login('chen', 'chen password 1234')).res.status).toBe(401);
    const fresh = await login('chen', 'chen new password 99');
    expect(await fresh.res.json()).toMatchObject({ channels: [{ slug: 'other' }] });

    // Forgotten password: the recovery code resets it, keeps the keys, and is itself replaced.
    const recovered = await staffRequest(t, null, 'POST', '/api/staff/recover', { username: 'chen', recoveryCode: recoveryCode.toLowerCase(), newPassword: 'chen third password' });
    expect(recovered.status).toBe(200);
    const again = await staffRequest(t, null, 'POST', '/api/staff/recover', { username: 'chen', recoveryCode, newPassword: 'chen fourth password' });
    expect(again.status).toBe(401);
    const after = await login('chen', 'chen third password');
    expect(await after.res.json()).toMatchObject({ channels: [{ slug: 'other' }] });
  });

  it('refuses a new password that is the current one, so a forced change cannot keep it', async () => {
    const { cookie } = await login('mei', 'mei password 1234');
    const res = await staffRequest(t, cookie, 'POST', '/api/staff/password', { currentPassword: 'mei password 1234', newPassword: 'mei password 1234' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', fields: { newPassword: 'invalid' } } });
    expect((await login('mei', 'mei password 1234')).res.status).toBe(200);
  });

  it('refuses a short new password', async () => {
    const { cookie } = await login('mei', 'mei password 1234');
    const res = await staffRequest(t, cookie, 'POST', '/api/staff/password', { currentPassword: 'mei password 1234', newPassword: 'short' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: { newPassword: 'too_short' } } });
  });
});

describe('second factor (TOTP)', () => {
  it('enrols, confirms, is then required at sign-in, refuses a replayed code, and is disabled only with a fresh code', async () => {
    await addStaff(t, { username: 'wang', password: 'wang password 1234', role: 'triager', channels: [] });
    const { cookie } = await login('wang', 'wang password 1234');
    const enrol = await staffRequest(t, cookie, 'POST', '/api/staff/totp/enrol');
    const { secret, uri } = (await enrol.json()) as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/Tipline:wang\?/);
    expect((await staffRequest(t, cookie, 'POST', '/api/staff/totp/confirm', { code: '000000' })).status).toBe(400);
    const code = currentTotpCode(secret, t.clock.now());
    expect((await staffRequest(t, cookie, 'POST', '/api/staff/totp/confirm', { code })).status).toBe(200);

    expect((await login('wang', 'wang password 1234')).res.status).toBe(401); // no code
    t.clock.advance(30_000);
    const code2 = currentTotpCode(secret, t.clock.now());
    const withCode = await login('wang', 'wang password 1234', code2);
    expect(withCode.res.status).toBe(200);
    expect((await login('wang', 'wang password 1234', code2)).res.status).toBe(401); // replayed

    expect((await staffRequest(t, withCode.cookie, 'POST', '/api/staff/totp/disable', { code: code2 })).status).toBe(400);
    t.clock.advance(30_000);
    const code3 = currentTotpCode(secret, t.clock.now());
    expect((await staffRequest(t, withCode.cookie, 'POST', '/api/staff/totp/disable', { code: code3 })).status).toBe(200);
    expect((await login('wang', 'wang password 1234')).res.status).toBe(200);
  });

  it('with REQUIRE_TOTP=true, a member without it can do nothing but enrol until confirmed', async () => {
    const strict = await createTestInstance({ REQUIRE_TOTP: 'true' });
    try {
      const res = await staffRequest(strict, null, 'POST', '/api/staff/login', ADMIN);
      const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? null;
      expect(await res.json()).toMatchObject({ restriction: 'enrol_totp' });
      const blocked = await staffRequest(strict, cookie, 'GET', '/api/staff/admin/staff');
      expect(blocked.status).toBe(403);
      expect(await blocked.json()).toMatchObject({ error: { code: 'totp_enrolment_required' } });
      const { secret } = (await (await staffRequest(strict, cookie, 'POST', '/api/staff/totp/enrol')).json()) as { secret: string };
      await staffRequest(strict, cookie, 'POST', '/api/staff/totp/confirm', { code: currentTotpCode(secret, strict.clock.now()) });
      expect((await staffRequest(strict, cookie, 'GET', '/api/staff/admin/staff')).status).toBe(200);
    } finally {
      strict.close();
    }
  });
});
