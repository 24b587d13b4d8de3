/**
 * The queue for real work (issue 14 item 2): closed leads out of the default
 * view, sorting, the needs-action, source, priority and date-range filters,
 * and the unread marker.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyQueue, jsonOf, submit } from '../support/casework';
import { createTestInstance, postJson, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';
import { multipart, noise, postMultipart } from '../support/uploads';

const PASSWORD = 'a long enough password';

interface Row {
  id: number;
  status: string;
  priority: number;
  source: string;
  receivedAt: string;
  unread: boolean;
}
interface Page {
  reports: Row[];
  nextCursor: string | null;
}

let t: TestInstance;
let alice: string;
let bob: string;
beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'alice', password: PASSWORD, role: 'triager', channels: ['official_protection', 'organised_crime'] });
  await addStaff(t, { username: 'bob', password: PASSWORD, role: 'triager', channels: ['official_protection', 'organised_crime'] });
});
afterAll(() => t.close());
/** Sessions time out while a test moves the clock on: sign in again afterwards. */
async function signInBoth(): Promise<void> {
  alice = await signIn(t, 'alice', PASSWORD);
  bob = await signIn(t, 'bob', PASSWORD);
}
beforeEach(async () => {
  emptyQueue(t);
  await signInBoth();
});

const list = async (cookie: string, query: string): Promise<Row[]> => (await jsonOf<Page>(await staffRequest(t, cookie, 'GET', `/api/staff/reports?${query}`), 200)).reports;
const ids = async (cookie: string, query: string): Promise<number[]> => (await list(cookie, query)).map((row) => row.id);
const post = async (cookie: string, path: string, body: unknown, status = 200): Promise<unknown> => jsonOf(await staffRequest(t, cookie, 'POST', path, body), status);
const status = (cookie: string, id: number, to: string): Promise<unknown> => post(cookie, `/api/staff/reports/${id}/status`, { status: to });
const reporterWrites = async (trackingCode: string): Promise<void> => {
  const res = await postJson(t.app, '/api/status/messages', { trackingCode, body: 'He came back with two others last night.' });
  expect(res.status).toBeLessThan(300);
};
const view = async (cookie: string, id: number): Promise<unknown> => jsonOf(await staffRequest(t, cookie, 'GET', `/api/staff/reports/${id}`), 200);

describe('GET /api/staff/reports: the default view and the status filter', () => {
  it('leaves closed leads out unless a status filter asks for them', async () => {
    const open = await submit(t, { region: 'Closing' });
    const closed = await submit(t, { region: 'Closing' });
    await post(alice, `/api/staff/reports/${closed.id}/close`, { outcome: 'spam' });
    expect(await ids(alice, 'region=Closing')).toEqual([open.id]);
    expect(await ids(alice, 'region=Closing&status=closed')).toEqual([closed.id]);
    expect((await ids(alice, 'region=Closing&status=all')).sort()).toEqual([open.id, closed.id].sort());
    expect((await staffRequest(t, alice, 'GET', '/api/staff/reports?status=everything')).status).toBe(400);
  });
});

describe('GET /api/staff/reports: sorting', () => {
  it('sorts by priority, arrival and next deadline, both ways, and pages each sort without repeats or gaps', async () => {
    const a = await submit(t);
    t.clock.advance(2 * 3_600_000);
    const b = await submit(t);
    t.clock.advance(2 * 3_600_000);
    const c = await submit(t);
    await signInBoth();
    await post(alice, `/api/staff/reports/${b.id}/priority`, { priority: 3 });
    // Acknowledging a moves its next deadline to feedback, months away.
    await post(alice, `/api/staff/reports/${a.id}/replies`, { body: 'We have your report.' }, 201);

    expect(await ids(alice, '')).toEqual([b.id, a.id, c.id]);
    expect(await ids(alice, 'sort=priority&order=asc')).toEqual([c.id, a.id, b.id]);
    expect(await ids(alice, 'sort=received')).toEqual([c.id, b.id, a.id]);
    expect(await ids(alice, 'sort=received&order=asc')).toEqual([a.id, b.id, c.id]);
    expect(await ids(alice, 'sort=deadline')).toEqual([b.id, c.id, a.id]);
    expect(await ids(alice, 'sort=deadline&order=desc')).toEqual([a.id, c.id, b.id]);

    for (const query of ['sort=priority', 'sort=priority&order=asc', 'sort=received', 'sort=deadline', 'sort=deadline&order=desc']) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await jsonOf<Page>(await staffRequest(t, alice, 'GET', `/api/staff/reports?${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`), 200);
        seen.push(...page.reports.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen, query).toEqual(await ids(alice, query));
    }
  });

  it('refuses an unknown sort and a cursor from another sort with 400', async () => {
    await submit(t);
    await submit(t);
    expect((await staffRequest(t, alice, 'GET', '/api/staff/reports?sort=size')).status).toBe(400);
    expect((await staffRequest(t, alice, 'GET', '/api/staff/reports?order=up')).status).toBe(400);
    const page = await jsonOf<Page>(await staffRequest(t, alice, 'GET', '/api/staff/reports?limit=1'), 200);
    expect(page.nextCursor).not.toBeNull();
    const res = await staffRequest(t, alice, 'GET', `/api/staff/reports?limit=1&sort=received&cursor=${page.nextCursor ?? ''}`);
    expect(await jsonOf(res, 400)).toMatchObject({ error: { code: 'invalid_input', fields: { cursor: 'invalid' } } });
  });
});

describe('GET /api/staff/reports: filters', () => {
  it('filters by source and priority', async () => {
    const web = await submit(t);
    const phoned = await submit(t);
    t.db.prepare("UPDATE reports SET source = 'phone' WHERE id = ?").run(phoned.id);
    await post(alice, `/api/staff/reports/${web.id}/priority`, { priority: 2 });
    expect(await ids(alice, 'source=phone')).toEqual([phoned.id]);
    expect(await ids(alice, 'source=web')).toEqual([web.id]);
    expect(await ids(alice, 'priority=2')).toEqual([web.id]);
    expect(await ids(alice, 'priority=0')).toEqual([phoned.id]);
    expect((await staffRequest(t, alice, 'GET', '/api/staff/reports?source=fax')).status).toBe(400);
    expect((await staffRequest(t, alice, 'GET', '/api/staff/reports?priority=9')).status).toBe(400);
  });

  it('pages one priority in queue order across the low-effort marker, both ways', async () => {
    const made = [await submit(t), await submit(t), await submit(t), await submit(t)].map((r) => r.id);
    const [a, b, c, d] = made as [number, number, number, number];
    t.db.prepare('UPDATE reports SET low_effort = 1 WHERE id IN (?, ?)').run(a, c);
    const all = async (query: string): Promise<number[]> => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await jsonOf<Page>(await staffRequest(t, alice, 'GET', `/api/staff/reports?${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`), 200);
        seen.push(...page.reports.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return seen;
    };
    expect(await all('priority=0')).toEqual([b, d, a, c]);
    expect(await all('priority=0&order=asc')).toEqual([c, a, d, b]);
  });

  it('filters by the day received, both ends included, and refuses a range that ends before it starts', async () => {
    // The public form stamps arrival from the wall clock, so the days are set here.
    const [first, second, third] = [await submit(t), await submit(t), await submit(t)];
    const [d1, d2, d3] = ['2026-11-02', '2026-11-03', '2026-11-04'];
    const arrived = t.db.prepare<[string, number]>('UPDATE reports SET received_at = ? WHERE id = ?');
    arrived.run(`${d1}T23:00:00Z`, first.id);
    arrived.run(`${d2}T00:00:00Z`, second.id);
    arrived.run(`${d3}T00:00:00Z`, third.id);
    expect(await ids(alice, `from=${d2}&to=${d2}&sort=received&order=asc`)).toEqual([second.id]);
    expect(await ids(alice, `from=${d2}&sort=received&order=asc`)).toEqual([second.id, third.id]);
    expect(await ids(alice, `to=${d2}&sort=received&order=asc`)).toEqual([first.id, second.id]);
    expect(await ids(alice, `from=${d1}&to=${d3}&sort=received&order=asc`)).toEqual([first.id, second.id, third.id]);
    const backwards = await staffRequest(t, alice, 'GET', `/api/staff/reports?from=${d3}&to=${d1}`);
    expect(await jsonOf(backwards, 400)).toMatchObject({ error: { code: 'invalid_input', fields: { to: expect.any(String) } } });
    expect((await staffRequest(t, alice, 'GET', '/api/staff/reports?from=2026-13-01')).status).toBe(400);
  });

  it('needsAction: unacknowledged new leads, leads the reporter answered while awaited, and overdue ones', async () => {
    const fresh = await submit(t);
    const acknowledged = await submit(t);
    const awaited = await submit(t);
    const answered = await submit(t);
    await post(alice, `/api/staff/reports/${acknowledged.id}/replies`, { body: 'We have your report.' }, 201);
    await status(alice, acknowledged.id, 'investigating');
    for (const lead of [awaited, answered]) {
      await post(alice, `/api/staff/reports/${lead.id}/replies`, { body: 'Which street was it?' }, 201);
      await status(alice, lead.id, 'awaiting_reporter');
    }
    expect((await ids(alice, 'needsAction=true')).sort()).toEqual([fresh.id].sort());
    await reporterWrites(answered.trackingCode);
    expect((await ids(alice, 'needsAction=true')).sort()).toEqual([fresh.id, answered.id].sort());
    // Setting a status again means staff have dealt with what the reporter wrote.
    await status(alice, answered.id, 'investigating');
    expect(await ids(alice, 'needsAction=true')).toEqual([fresh.id]);
    // Past the feedback deadline every open lead needs action.
    t.clock.advance(91 * 86_400_000);
    await signInBoth();
    expect((await ids(alice, 'needsAction=true')).sort()).toEqual([fresh.id, acknowledged.id, awaited.id, answered.id].sort());
  });
});

describe('the unread marker', () => {
  it('marks a lead unread for each member until they open it after the reporter wrote, and filters by it', async () => {
    const lead = await submit(t, { region: 'Unread' });
    const quiet = await submit(t, { region: 'Unread' });
    const row = async (cookie: string): Promise<Row | undefined> => (await list(cookie, 'region=Unread')).find((r) => r.id === lead.id);
    // A new lead is not "unread": the reporter has written nothing since submitting.
    expect((await row(alice))?.unread).toBe(false);
    await view(alice, lead.id);
    await reporterWrites(lead.trackingCode);
    expect((await row(alice))?.unread).toBe(true);
    expect((await row(bob))?.unread).toBe(true);
    expect(await ids(alice, 'region=Unread&unread=true')).toEqual([lead.id]);
    // Opening it clears the marker for the one who opened it only.
    await view(alice, lead.id);
    expect((await row(alice))?.unread).toBe(false);
    expect(await ids(alice, 'region=Unread&unread=true')).toEqual([]);
    expect((await row(bob))?.unread).toBe(true);
    // A follow-up file alone counts as the reporter writing, too, within the same hour as the view.
    const upload = await postMultipart(t, '/api/status/messages', multipart({ trackingCode: lead.trackingCode }, [{ name: 'photo.bin', bytes: noise(100) }]));
    expect(upload.status).toBe(201);
    expect((await row(alice))?.unread).toBe(true);
    expect((await list(alice, 'region=Unread')).find((r) => r.id === quiet.id)?.unread).toBe(false);
  });
});
