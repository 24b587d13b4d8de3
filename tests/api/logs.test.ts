/**
 * The logs never hold an identity or a secret. The whole reporter flow
 * (report with contact details and a file, status, follow-up, a mistyped
 * code) and the staff flow (sign-in through the real route, a failed one,
 * queue, view, reply, contact reveal, file download, sign-out) run with
 * client addresses and a user agent in the headers; then every log line is
 * searched for each of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChannelBySlug } from '../../server/data/channels';
import { unlockStaff } from '../../server/services/staff-keys';
import { ADMIN, createTestInstance, type TestInstance } from '../support/instance';
import { ORIGIN } from '../support/staff';
import { multipart, noise } from '../support/uploads';

const IP = '203.0.113.77';
const IPV6 = '2001:db8::4242';
const AGENT = 'Mozilla/5.0 (Marker-Agent-7731)';
const CONTENT = 'Secret-Content-5519';
const CONTACT = 'Contact-Name-8842';
const FILE_NAME = 'ledger-9931.pdf';

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(() => t.close());

/** Headers a reverse proxy or browser would add that identify the client. */
const identifying = { 'X-Forwarded-For': `${IP}, ${IPV6}`, 'X-Real-IP': IP, Forwarded: `for="[${IPV6}]"`, 'User-Agent': AGENT };

function send(url: string, init: { method?: string; body?: BodyInit; headers?: Record<string, string>; cookie?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { ...identifying, Accept: 'application/json', Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin', ...init.headers };
  if (init.cookie) headers['Cookie'] = init.cookie;
  return Promise.resolve(t.app.request(`${ORIGIN}${url}`, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: init.body }) }));
}

const json = (body: unknown): { body: string; headers: Record<string, string> } => ({
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json' },
});

describe('the logs', () => {
  it('hold no address, user agent, tracking code, password, key, session token, file name or content after both flows', async () => {
    // Reporter.
    const form = multipart(
      { category: 'organised_crime', details: `The gang collects protection money every Monday. ${CONTENT}`, 'contact.name': CONTACT },
      [{ name: FILE_NAME, bytes: noise(2000) }],
    );
    const submitted = await send('/api/reports', { method: 'POST', body: form });
    expect(submitted.status).toBe(201);
    const { trackingCode } = (await submitted.json()) as { trackingCode: string };
    const digits = trackingCode.replace(/\D/g, '');
    expect((await send('/api/status', { method: 'POST', ...json({ trackingCode }) })).status).toBe(200);
    expect((await send('/api/status/messages', { method: 'POST', ...json({ trackingCode, body: `More: ${CONTENT}-2` }) })).status).toBe(201);
    expect((await send('/api/status', { method: 'POST', ...json({ trackingCode: digits.slice(0, 19) + ((Number(digits[19]) + 1) % 10) }) })).status).toBe(400);

    // Staff, through the real sign-in route.
    expect((await send('/api/staff/login', { method: 'POST', ...json({ username: ADMIN.username, password: 'wrong-password-1234' }) })).status).toBe(401);
    const login = await send('/api/staff/login', { method: 'POST', ...json({ username: ADMIN.username, password: ADMIN.password }) });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie') ?? '';
    const cookie = setCookie.split(';')[0] ?? '';
    const token = cookie.split('=')[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    const claimed = await send('/api/staff/queue/claim', { method: 'POST', cookie, ...json({}) });
    expect(claimed.status).toBe(200);
    const { id, files } = (await claimed.json()) as { id: number; files: { id: number }[] };
    expect((await send(`/api/staff/reports/${id}`, { cookie })).status).toBe(200);
    expect((await send(`/api/staff/reports/${id}/replies`, { method: 'POST', cookie, ...json({ body: `Reply ${CONTENT}-3` }) })).status).toBe(201);
    expect((await send(`/api/staff/reports/${id}/reveal-contact`, { method: 'POST', cookie, ...json({ reason: `Reason ${CONTENT}-4` }) })).status).toBe(200);
    expect((await send(`/api/staff/reports/${id}/files/${files[0]?.id}`, { cookie })).status).toBe(200);
    expect((await send('/api/staff/logout', { method: 'POST', cookie, ...json({}) })).status).toBe(204);

    const admin = await unlockStaff(t.db, t.kdf.staff, ADMIN.username, ADMIN.password);
    const channel = findChannelBySlug(t.db, 'organised_crime');
    const channelKey = (channel && admin?.channelIdentities.get(channel.id)) ?? 'missing';

    const log = t.logLines.join('\n');
    expect(t.logLines.length).toBeGreaterThan(5); // the staff routes did log
    const secrets = {
      IP,
      IPV6,
      '4242': '4242',
      AGENT,
      'Marker-Agent': 'Marker-Agent',
      trackingCode,
      digits,
      firstGroup: digits.slice(0, 8),
      password: ADMIN.password,
      wrongPassword: 'wrong-password-1234',
      token,
      channelKey,
      personalKey: admin?.personalIdentity ?? 'missing',
      'AGE-SECRET-KEY': 'AGE-SECRET-KEY',
      CONTENT,
      CONTACT,
      FILE_NAME,
      ledger: 'ledger-9931',
    };
    for (const [what, secret] of Object.entries(secrets)) expect(log, what).not.toContain(secret);
  });
});
