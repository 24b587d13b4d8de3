/**
 * The idle timeout counts only what a person does (issue 10 item 7): a
 * report page renewing its lease, or the console checking the session by
 * itself, never keeps a session alive; a person's request does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKGROUND_HEADER, IDLE_ENDS_HEADER } from '../../contract/staff-session-headers';
import { emptyQueue, jsonOf, submit } from '../support/casework';
import { createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const PASSWORD = 'an idle triager password';
const MINUTE = 60_000;
const BACKGROUND = { [BACKGROUND_HEADER]: '1' };

interface Me {
  idleTimeoutSeconds: number;
  idleEndsAt: string;
  idleSecondsLeft: number;
}

let t: TestInstance;
let idleMs: number;
beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'ines', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  idleMs = t.config.staff.idleMinutes * MINUTE;
});
afterAll(() => t.close());

const me = (cookie: string, headers: Record<string, string> = {}): Promise<Response> => staffRequest(t, cookie, 'GET', '/api/staff/me', undefined, headers);
const lease = (cookie: string, id: number, action: 'renew' | 'release', headers: Record<string, string> = {}): Promise<Response> =>
  staffRequest(t, cookie, 'POST', `/api/staff/reports/${id}/lease`, { action }, headers);

/** Sign in and open a report as the report page does (claim: the lease is the caller's). */
async function openReportPage(): Promise<{ cookie: string; id: number; idleEndsAt: string }> {
  await submit(t);
  const cookie = await signIn(t, 'ines', PASSWORD);
  const claimed = await staffRequest(t, cookie, 'POST', '/api/staff/queue/claim');
  const { id } = await jsonOf<{ id: number }>(claimed, 200);
  return { cookie, id, idleEndsAt: claimed.headers.get(IDLE_ENDS_HEADER) ?? '' };
}

describe('the idle timeout', () => {
  beforeEach(() => emptyQueue(t));

  it('ends the session on time while a report page keeps renewing its lease, with or without the background header', async () => {
    for (const headers of [{}, BACKGROUND]) {
      const { cookie, id, idleEndsAt } = await openReportPage();
      let waited = 0;
      // The page renews every 5 minutes; the lease stays the caller's all along.
      while (waited + 5 * MINUTE < idleMs) {
        t.clock.advance(5 * MINUTE);
        waited += 5 * MINUTE;
        const renewed = await lease(cookie, id, 'renew', headers);
        expect((await jsonOf<{ lease: { holder: { username: string } } | null }>(renewed, 200)).lease?.holder.username).toBe('ines');
        expect(renewed.headers.get(IDLE_ENDS_HEADER)).toBe(idleEndsAt);
      }
      t.clock.advance(idleMs - waited + 1_000);
      expect((await lease(cookie, id, 'renew', headers)).status).toBe(401);
      expect((await me(cookie)).status).toBe(401);
    }
  });

  it('is not extended by requests the console marks as its own', async () => {
    const cookie = await signIn(t, 'ines', PASSWORD);
    for (let waited = 0; waited + 5 * MINUTE < idleMs; waited += 5 * MINUTE) {
      t.clock.advance(5 * MINUTE);
      expect((await me(cookie, BACKGROUND)).status).toBe(200);
      expect((await staffRequest(t, cookie, 'GET', '/api/staff/reports', undefined, BACKGROUND)).status).toBe(200);
    }
    t.clock.advance(5 * MINUTE);
    expect((await me(cookie, BACKGROUND)).status).toBe(401);
  });

  it('is extended by a person\'s request, and by releasing a lease', async () => {
    const cookie = await signIn(t, 'ines', PASSWORD);
    t.clock.advance(idleMs - MINUTE);
    expect((await staffRequest(t, cookie, 'GET', '/api/staff/reports')).status).toBe(200);
    t.clock.advance(idleMs - MINUTE);
    expect((await me(cookie, BACKGROUND)).status).toBe(200); // 2 × idle − 2 min after sign-in, still alive

    const page = await openReportPage();
    t.clock.advance(10 * MINUTE); // within the lease
    const released = await lease(page.cookie, page.id, 'release');
    expect((await jsonOf<{ lease: unknown }>(released, 200)).lease).toBeNull();
    t.clock.advance(idleMs - MINUTE);
    expect((await me(page.cookie, BACKGROUND)).status).toBe(200); // idle + 9 min after the claim
  });
});

describe('GET /api/staff/me', () => {
  it('says when the idle timeout ends without extending it, and a person\'s request moves that time', async () => {
    const cookie = await signIn(t, 'ines', PASSWORD);
    const first = await me(cookie, BACKGROUND);
    const start = await jsonOf<Me>(first, 200);
    expect(first.headers.get(IDLE_ENDS_HEADER)).toBe(start.idleEndsAt);
    expect(start.idleTimeoutSeconds).toBe(idleMs / 1000);
    expect(start.idleSecondsLeft).toBeLessThanOrEqual(idleMs / 1000);
    expect(start.idleSecondsLeft).toBeGreaterThan(idleMs / 1000 - 5);
    const ends = Date.parse(start.idleEndsAt);
    expect(Math.abs(ends - (t.clock.now().getTime() + idleMs))).toBeLessThan(5_000);

    t.clock.advance(10 * MINUTE);
    const later = await jsonOf<Me>(await me(cookie, BACKGROUND), 200);
    expect(later.idleEndsAt).toBe(start.idleEndsAt);
    expect(later.idleSecondsLeft).toBeLessThanOrEqual(start.idleSecondsLeft - 600);
    expect(later.idleSecondsLeft).toBeGreaterThan(start.idleSecondsLeft - 605);

    // Asking without the header is a person's request (opening a console page): it counts.
    const moved = await jsonOf<Me>(await me(cookie), 200);
    expect(Date.parse(moved.idleEndsAt) - ends).toBeGreaterThanOrEqual(10 * MINUTE);
    expect(moved.idleSecondsLeft).toBeGreaterThan(idleMs / 1000 - 5);

    // The end it announced is the end: just past it the session is gone.
    t.clock.advance(Date.parse(moved.idleEndsAt) - t.clock.now().getTime() + 1_000);
    expect((await me(cookie, BACKGROUND)).status).toBe(401);
  });
});
