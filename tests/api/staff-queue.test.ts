import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEntries, emptyQueue, jsonOf, submit } from '../support/casework';
import { createTestInstance, reportWithMarker, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const PASSWORD = 'a long enough password';
const MARKER = 'QUEUEMARK41d2';

interface Row {
  id: number;
  channel: string;
  status: string;
  priority: number;
  region: string | null;
  leased: boolean;
  lease: { holder: { id: number; username: string }; until: string; mine: boolean } | null;
  assignee: { id: number; username: string } | null;
  overdue: { acknowledgement: boolean; feedback: boolean };
  ackDueAt: string;
}
interface Page {
  reports: Row[];
  nextCursor: string | null;
}

let t: TestInstance;
let alice: string;
let bob: string;
let aliceId: number;
beforeAll(async () => {
  t = await createTestInstance();
  aliceId = await addStaff(t, { username: 'alice', password: PASSWORD, role: 'triager', channels: ['official_protection', 'organised_crime'] });
  await addStaff(t, { username: 'bob', password: PASSWORD, role: 'triager', channels: ['official_protection', 'organised_crime'] });
  alice = await signIn(t, 'alice', PASSWORD);
  bob = await signIn(t, 'bob', PASSWORD);
});
afterAll(() => t.close());

const claim = (cookie: string): Promise<Response> => staffRequest(t, cookie, 'POST', '/api/staff/queue/claim');
const lease = (cookie: string, id: number, action: 'renew' | 'release'): Promise<Response> =>
  staffRequest(t, cookie, 'POST', `/api/staff/reports/${id}/lease`, { action });

describe('POST /api/staff/queue/claim', () => {
  beforeEach(() => emptyQueue(t));

  it('returns the report decrypted and leased to the caller, without the contact details, and audits a claim and a view', async () => {
    const { id } = await submit(t, reportWithMarker(MARKER));
    const claimed = await jsonOf<Row & { content: { details: string; location: string }; hasContact: boolean }>(await claim(alice), 200);
    expect(claimed.id).toBe(id);
    expect(claimed.content.details).toContain(`${MARKER}-details`);
    expect(claimed.content.location).toContain(`${MARKER}-location`);
    expect(claimed.hasContact).toBe(true);
    expect(JSON.stringify(claimed)).not.toContain(`${MARKER}-name`);
    expect(claimed.leased).toBe(true);
    expect(claimed.lease).toMatchObject({ holder: { id: aliceId, username: 'alice' }, mine: true });
    expect(auditEntries(t, 'report.claimed').at(-1)).toMatchObject({ reportId: id, actorStaffId: aliceId });
    expect(auditEntries(t, 'report.viewed').at(-1)).toMatchObject({ reportId: id, actorStaffId: aliceId });
  });

  it('answers 204 when nothing is claimable', async () => {
    const res = await claim(alice);
    expect(res.status).toBe(204);
  });

  it('takes the highest priority first, then the oldest', async () => {
    const older = await submit(t);
    const newer = await submit(t);
    const urgent = await submit(t);
    await jsonOf(await staffRequest(t, alice, 'POST', `/api/staff/reports/${urgent.id}/priority`, { priority: 3 }), 200);
    const order = [];
    for (let i = 0; i < 3; i++) order.push((await jsonOf<Row>(await claim(alice), 200)).id);
    expect(order).toEqual([urgent.id, older.id, newer.id]);
  });

  it('never gives one report to two staff claiming at once (one report)', async () => {
    const { id } = await submit(t);
    const [a, b] = await Promise.all([claim(alice), claim(bob)]);
    expect([a.status, b.status].sort()).toEqual([200, 204]);
    const winner = (await (a.status === 200 ? a : b).json()) as Row;
    expect(winner.id).toBe(id);
  });

  it('never gives one report to two staff claiming at once (two reports)', async () => {
    const first = await submit(t);
    const second = await submit(t);
    const [a, b] = await Promise.all([claim(alice), claim(bob)]);
    const ids = [(await jsonOf<Row>(a, 200)).id, (await jsonOf<Row>(b, 200)).id];
    expect(ids.sort((x, y) => x - y)).toEqual([first.id, second.id]);
  });

  it('puts a report back in the queue when its lease expires', async () => {
    const { id } = await submit(t);
    expect((await jsonOf<Row>(await claim(alice), 200)).id).toBe(id);
    expect((await claim(bob)).status).toBe(204);
    t.clock.advance((t.config.staff.leaseMinutes + 1) * 60_000);
    const reclaimed = await jsonOf<Row>(await claim(bob), 200);
    expect(reclaimed.id).toBe(id);
    expect(reclaimed.lease?.holder.username).toBe('bob');
    // The former holder's lease is gone: renewing it is refused.
    expect((await lease(alice, id, 'renew')).status).toBe(409);
  });
});

describe('POST /api/staff/reports/:id/lease', () => {
  beforeEach(() => emptyQueue(t));

  it('release gives the report back to the queue', async () => {
    const { id } = await submit(t);
    await jsonOf(await claim(alice), 200);
    const released = await jsonOf<Row>(await lease(alice, id, 'release'), 200);
    expect(released.leased).toBe(false);
    expect((await jsonOf<Row>(await claim(bob), 200)).id).toBe(id);
  });

  it('renew extends the holder’s lease; anyone else gets 409 lease_held naming the holder', async () => {
    const { id } = await submit(t);
    const claimed = await jsonOf<Row>(await claim(alice), 200);
    t.clock.advance(60_000);
    const renewed = await jsonOf<Row>(await lease(alice, id, 'renew'), 200);
    expect(renewed.lease?.until && claimed.lease?.until && renewed.lease.until > claimed.lease.until).toBe(true);
    const res = await lease(bob, id, 'renew');
    expect(await jsonOf(res, 409)).toMatchObject({ error: { code: 'lease_held', lease: { holder: { id: aliceId, username: 'alice' }, until: renewed.lease?.until } } });
    expect((await lease(bob, id, 'release')).status).toBe(409);
    expect(auditEntries(t, 'report.lease_renewed').at(-1)).toMatchObject({ reportId: id, actorStaffId: aliceId });
  });

  it('refuses an unknown action with 400', async () => {
    const { id } = await submit(t);
    expect((await staffRequest(t, alice, 'POST', `/api/staff/reports/${id}/lease`, { action: 'steal' })).status).toBe(400);
  });
});

describe('GET /api/staff/reports', () => {
  const list = async (cookie: string, query: string): Promise<Page> => jsonOf<Page>(await staffRequest(t, cookie, 'GET', `/api/staff/reports?${query}`), 200);

  it('lists metadata only, filtered by channel, status, category and region', async () => {
    const taipei = await submit(t, { ...reportWithMarker(MARKER), region: 'Taipei' });
    const tainan = await submit(t, { category: 'organised_crime', region: 'Tainan' });
    const page = await list(alice, 'region=Taipei');
    expect(page.reports.map((r) => r.id)).toContain(taipei.id);
    expect(page.reports.every((r) => r.region === 'Taipei')).toBe(true);
    expect(JSON.stringify(page)).not.toContain(MARKER);
    expect((await list(alice, 'channel=organised_crime')).reports.map((r) => r.id)).toContain(tainan.id);
    expect((await list(alice, 'channel=organised_crime')).reports.every((r) => r.channel === 'organised_crime')).toBe(true);
    expect((await list(alice, 'category=organised_crime&status=new')).reports.map((r) => r.id)).toContain(tainan.id);
    expect((await list(alice, 'status=investigating')).reports.map((r) => r.id)).not.toContain(tainan.id);
    // A channel the caller does not hold lists like an empty one.
    expect((await list(alice, 'channel=sector_disorder')).reports).toEqual([]);
  });

  it('filters by assignee (an id, "me" or "none")', async () => {
    const mine = await submit(t);
    await jsonOf(await staffRequest(t, alice, 'POST', `/api/staff/reports/${mine.id}/assignee`, { staffId: aliceId }), 200);
    const ids = (await list(bob, `assignee=${aliceId}`)).reports.map((r) => r.id);
    expect(ids).toEqual([mine.id]);
    expect((await list(alice, 'assignee=me')).reports.map((r) => r.id)).toEqual([mine.id]);
    expect((await list(alice, 'assignee=none')).reports.map((r) => r.id)).not.toContain(mine.id);
    expect((await staffRequest(t, alice, 'GET', '/api/staff/reports?assignee=someone')).status).toBe(400);
  });

  it('pages with an opaque cursor in priority-then-age order, without repeats or gaps', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await submit(t, { category: 'organised_crime', region: 'Pager' })).id);
    await jsonOf(await staffRequest(t, alice, 'POST', `/api/staff/reports/${made[3]}/priority`, { priority: 2 }), 200);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(alice, `region=Pager&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.reports.length).toBeLessThanOrEqual(2);
      seen.push(...page.reports.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([made[3], made[0], made[1], made[2], made[4]]);
    expect((await staffRequest(t, alice, 'GET', '/api/staff/reports?cursor=bogus')).status).toBe(400);
    expect((await staffRequest(t, alice, 'GET', '/api/staff/reports?limit=201')).status).toBe(400);
  });

  it('overdue=true is the slow-progress register: unacknowledged after 7 days, open after 90', async () => {
    const silent = await submit(t, { region: 'Overdue' });
    const answered = await submit(t, { region: 'Overdue' });
    const closed = await submit(t, { region: 'Overdue' });
    await jsonOf(await staffRequest(t, alice, 'POST', `/api/staff/reports/${answered.id}/replies`, { body: 'We have your report.' }), 201);
    await jsonOf(await staffRequest(t, alice, 'POST', `/api/staff/reports/${closed.id}/close`, { outcome: 'spam' }), 200);
    expect((await list(alice, 'region=Overdue&overdue=true')).reports).toEqual([]);

    t.clock.advance(8 * 86_400_000);
    const fresh = await signIn(t, 'alice', PASSWORD); // the old session timed out meanwhile
    const overdue = await list(fresh, 'region=Overdue&overdue=true');
    expect(overdue.reports.map((r) => r.id)).toEqual([silent.id]);
    expect(overdue.reports[0]?.overdue).toEqual({ acknowledgement: true, feedback: false });
    const all = await list(fresh, 'region=Overdue');
    expect(all.reports.find((r) => r.id === answered.id)?.overdue).toEqual({ acknowledgement: false, feedback: false });

    t.clock.advance(83 * 86_400_000);
    const later = await signIn(t, 'alice', PASSWORD);
    const feedbackDue = await list(later, 'region=Overdue&overdue=true');
    expect(feedbackDue.reports.map((r) => r.id)).toEqual([silent.id, answered.id]);
    expect(feedbackDue.reports[1]?.overdue).toEqual({ acknowledgement: false, feedback: true });
  });
});
