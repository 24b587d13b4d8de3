/**
 * Junk cannot bury the queue (issue 10, item 5): reports admitted at low
 * effort carry a marker that staff see in the queue, the case view and the
 * claim; "Pull next" takes unmarked reports first; the queue filters on the
 * marker; and an admin discards a marked batch that nobody has worked on in
 * one audited action, files and all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/data/audit';
import { listReportFiles } from '../../server/data/report-files';
import { MAX_DISCARD_HOURS } from '../../contract/low-effort';
import { discardLowEffort } from '../../server/services/low-effort';
import { auditEntries, emptyQueue, jsonOf, reporterView } from '../support/casework';
import { ADMIN, countRows, createTestInstance, postJson, type TestInstance } from '../support/instance';
import { HOUR_MS, hourAgo, storeThroughIntake } from '../support/low-effort';
import { addStaff, ORIGIN, signIn, staffRequest } from '../support/staff';
import { filesOnDisk } from '../support/uploads';

const PASSWORD = 'a long enough password';

interface Row {
  id: number;
  lowEffort: boolean;
  priority: number;
}
interface Batch {
  hour: string;
  marked: number;
  discardable: number;
}

let t: TestInstance;
let admin: string;
let adminId: number;
let triager: string;
let triagerId: number;
let auditor: string;
beforeAll(async () => {
  t = await createTestInstance();
  triagerId = await addStaff(t, { username: 'tri', password: PASSWORD, role: 'triager', channels: ['organised_crime', 'other'] });
  await addStaff(t, { username: 'aud', password: PASSWORD, role: 'auditor', channels: [] });
  admin = await signIn(t, ADMIN.username, ADMIN.password);
  triager = await signIn(t, 'tri', PASSWORD);
  auditor = await signIn(t, 'aud', PASSWORD);
  adminId = t.db.prepare<[string], { id: number }>('SELECT id FROM staff WHERE username = ?').get(ADMIN.username)?.id ?? 0;
});
afterAll(() => t.close());

const marked = (hoursAgo = 2, extra: { region?: string; files?: number } = {}): Promise<{ id: number; trackingCode: string }> =>
  storeThroughIntake(t, { lowEffort: true, at: hourAgo(t, hoursAgo).at, ...extra });
const unmarked = (hoursAgo = 2, extra: { region?: string } = {}): Promise<{ id: number; trackingCode: string }> =>
  storeThroughIntake(t, { lowEffort: false, at: hourAgo(t, hoursAgo).at, ...extra });
const claim = async (): Promise<Row | null> => {
  const res = await staffRequest(t, triager, 'POST', '/api/staff/queue/claim');
  return res.status === 204 ? null : jsonOf<Row>(res, 200);
};
const batches = async (cookie = admin, query = ''): Promise<{ batches: Batch[]; nextBefore: string | null }> =>
  jsonOf(await staffRequest(t, cookie, 'GET', `/api/staff/admin/low-effort${query}`), 200);
const discard = (body: unknown, cookie = admin): Promise<Response> => staffRequest(t, cookie, 'POST', '/api/staff/admin/low-effort/discard', body);
const reportIds = (): number[] => t.db.prepare<[], { id: number }>('SELECT id FROM reports ORDER BY id').all().map((row) => row.id);

describe('the marker reaches staff', () => {
  beforeEach(() => emptyQueue(t));

  it('shows in the queue list, the case view and the claim answer; the reporter never sees it', async () => {
    const junk = await marked(3);
    const honest = await unmarked(1);
    const page = await jsonOf<{ reports: Row[] }>(await staffRequest(t, triager, 'GET', '/api/staff/reports?status=new'), 200);
    expect(page.reports.find((r) => r.id === junk.id)?.lowEffort).toBe(true);
    expect(page.reports.find((r) => r.id === honest.id)?.lowEffort).toBe(false);
    expect((await jsonOf<Row>(await staffRequest(t, triager, 'GET', `/api/staff/reports/${junk.id}`), 200)).lowEffort).toBe(true);
    expect((await jsonOf<Row>(await staffRequest(t, triager, 'GET', `/api/staff/reports/${honest.id}`), 200)).lowEffort).toBe(false);

    // The older marked report waits behind the newer unmarked one.
    expect(await claim()).toMatchObject({ id: honest.id, lowEffort: false });
    expect(await claim()).toMatchObject({ id: junk.id, lowEffort: true });

    const seen = await jsonOf<Record<string, unknown>>(await postJson(t.app, '/api/status', { trackingCode: junk.trackingCode }), 200);
    expect(JSON.stringify(seen)).not.toMatch(/effort/i);
  });

  it('"Pull next" takes every unmarked report before any marked one, then priority, then age', async () => {
    const oldJunk = await marked(9);
    const urgentJunk = await marked(8);
    const older = await unmarked(5);
    const newer = await unmarked(4);
    const urgent = await unmarked(3);
    const newJunk = await marked(2);
    for (const [id, priority] of [[urgent.id, 2], [urgentJunk.id, 3]] as const) {
      await jsonOf(await staffRequest(t, triager, 'POST', `/api/staff/reports/${id}/priority`, { priority }), 200);
    }
    const order = [];
    for (let row = await claim(); row !== null; row = await claim()) order.push(row.id);
    expect(order).toEqual([urgent.id, older.id, newer.id, urgentJunk.id, oldJunk.id, newJunk.id]);
  });
});

describe('GET /api/staff/reports?lowEffort=', () => {
  const list = async (query: string): Promise<{ reports: Row[]; nextCursor: string | null }> =>
    jsonOf(await staffRequest(t, triager, 'GET', `/api/staff/reports?region=Junkville${query}`), 200);

  it('true lists only marked reports, false only unmarked, none both (unmarked first); pages cross the boundary without repeats or gaps', async () => {
    const junk = [(await marked(6, { region: 'Junkville' })).id, (await marked(5, { region: 'Junkville' })).id, (await marked(4, { region: 'Junkville' })).id];
    const honest = [(await unmarked(3, { region: 'Junkville' })).id, (await unmarked(2, { region: 'Junkville' })).id];
    expect((await list('&lowEffort=true')).reports.map((r) => r.id)).toEqual(junk);
    expect((await list('&lowEffort=false')).reports.map((r) => r.id)).toEqual(honest);
    expect((await list('')).reports.map((r) => r.id)).toEqual([...honest, ...junk]);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { reports: Row[]; nextCursor: string | null } = await list(`&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.reports.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([...honest, ...junk]);

    const res = await staffRequest(t, triager, 'GET', '/api/staff/reports?lowEffort=maybe');
    expect(await jsonOf(res, 400)).toMatchObject({ error: { code: 'invalid_input', fields: { lowEffort: 'invalid_choice' } } });
  });
});

describe('discarding a marked batch', () => {
  it('deletes only the marked reports of those hours nobody worked on, with their files, in one audited action', async () => {
    emptyQueue(t);
    const target = hourAgo(t, 30);
    const claimed = await marked(30);
    expect((await claim())?.id).toBe(claimed.id);
    const untouched = await marked(30, { files: 2 });
    const untouchedToo = await marked(30);
    // A reporter's own follow-up is not work on the report: it goes too.
    const followUp = await postJson(t.app, '/api/status/messages', { trackingCode: untouchedToo.trackingCode, body: 'Buy now, big wins.' });
    expect(followUp.status).toBe(201);
    const answered = await marked(30);
    const assigned = await marked(30);
    const noted = await marked(30);
    const prioritised = await marked(30);
    const honest = await unmarked(30);
    const otherHour = await marked(31);
    await jsonOf(await staffRequest(t, triager, 'POST', `/api/staff/reports/${answered.id}/replies`, { body: 'Please tell us more.' }), 201);
    await jsonOf(await staffRequest(t, triager, 'POST', `/api/staff/reports/${assigned.id}/assignee`, { staffId: triagerId }), 200);
    await jsonOf(await staffRequest(t, triager, 'POST', `/api/staff/reports/${noted.id}/notes`, { body: 'Looks like spam, check later.' }), 201);
    await jsonOf(await staffRequest(t, triager, 'POST', `/api/staff/reports/${prioritised.id}/priority`, { priority: 1 }), 200);

    const files = listReportFiles(t.db, untouched.id).map((file) => `${file.storageName}.age`);
    expect(files).toHaveLength(2);
    for (const name of files) expect(filesOnDisk(t.dataDir).stored).toContain(name);
    expect((await batches()).batches.find((b) => b.hour === target.hour)).toEqual({ hour: target.hour, marked: 7, discardable: 2 });

    const before = countRows(t.db, 'audit_log');
    const answer = await jsonOf<{ discarded: number; reportIds: number[] }>(await discard({ from: target.hour, to: target.hour }), 200);
    expect(answer).toMatchObject({ discarded: 2, reportIds: [untouched.id, untouchedToo.id], more: false });

    const left = reportIds();
    expect(left).not.toContain(untouched.id);
    expect(left).not.toContain(untouchedToo.id);
    expect(left).toEqual(expect.arrayContaining([claimed.id, answered.id, assigned.id, noted.id, prioritised.id, honest.id, otherHour.id]));
    for (const name of files) expect(filesOnDisk(t.dataDir).stored).not.toContain(name);
    expect(t.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM report_messages WHERE report_id = ?').get(untouchedToo.id)?.n).toBe(0);
    // The tracking code of a discarded report finds nothing.
    expect((await postJson(t.app, '/api/status', { trackingCode: untouched.trackingCode })).status).toBe(404);
    expect((await reporterView(t, answered.trackingCode)).status).toBeDefined();

    // One audit entry, by the admin, naming the count and the ids; the chain still verifies.
    expect(countRows(t.db, 'audit_log')).toBe(before + 1);
    expect(auditEntries(t, 'low_effort.discarded')).toEqual([
      {
        reportId: null,
        actorStaffId: adminId,
        detail: { count: 2, reportIds: `${untouched.id},${untouchedToo.id}`, from: target.hour, to: target.hour, more: false },
      },
    ]);
    expect(verifyAuditChain(t.db).ok).toBe(true);

    expect((await batches()).batches.find((b) => b.hour === target.hour)).toEqual({ hour: target.hour, marked: 5, discardable: 0 });
    // Discarding the same hour again finds nothing and writes nothing.
    expect(await jsonOf(await discard({ from: target.hour, to: target.hour }), 200)).toMatchObject({ discarded: 0, reportIds: [] });
    expect(countRows(t.db, 'audit_log')).toBe(before + 1);
  });

  it('covers every hour of a range, both ends included, and lists batches newest first, a page at a time', async () => {
    const hours = [50, 49, 48, 47].map((h) => hourAgo(t, h).hour);
    const made = [];
    for (const h of [50, 49, 48, 47]) made.push((await marked(h)).id);
    const firstPage = await batches(admin, '?limit=2');
    expect(firstPage.batches).toHaveLength(2);
    expect(firstPage.batches[0]!.hour > firstPage.batches[1]!.hour).toBe(true);
    const all: Batch[] = [];
    let before: string | null = null;
    do {
      const page: { batches: Batch[]; nextBefore: string | null } = await batches(admin, `?limit=2${before ? `&before=${before}` : ''}`);
      all.push(...page.batches);
      before = page.nextBefore;
    } while (before !== null);
    for (const hour of hours) expect(all.filter((b) => b.hour === hour)).toEqual([{ hour, marked: 1, discardable: 1 }]);

    const answer = await jsonOf<{ reportIds: number[] }>(await discard({ from: hours[1], to: hours[2] }), 200);
    expect(answer.reportIds).toEqual([made[1], made[2]]);
    expect(reportIds()).toEqual(expect.arrayContaining([made[0], made[3]]));
  });

  it('deletes at most the cap per action, oldest first, and says when more remain', async () => {
    const hours = [82, 81].map((h) => hourAgo(t, h).hour);
    const made = [(await marked(82)).id, (await marked(82)).id, (await marked(81)).id];
    const session = t.sessions.get(admin.replace('tipline_staff=', ''), t.clock.now().getTime());
    if (!session) throw new Error('the admin should be signed in');
    const deps = { db: t.db, files: t.files, now: t.clock.now, maxPerAction: 2 };
    const first = await discardLowEffort(deps, session, { from: hours[0]!, to: hours[1]! });
    expect(first).toMatchObject({ discarded: 2, reportIds: [made[0], made[1]], more: true });
    expect(auditEntries(t, 'low_effort.discarded').at(-1)?.detail).toMatchObject({ count: 2, more: true });
    const second = await discardLowEffort(deps, session, { from: hours[0]!, to: hours[1]! });
    expect(second).toMatchObject({ discarded: 1, reportIds: [made[2]], more: false });
    for (const id of made) expect(reportIds()).not.toContain(id);
    expect(verifyAuditChain(t.db).ok).toBe(true);
  });

  it('refuses a bad range with 400 invalid_input and deletes nothing', async () => {
    await marked(60);
    const from = hourAgo(t, 61).hour;
    const to = hourAgo(t, 59).hour;
    const tooLong = new Date(Date.parse(from) + MAX_DISCARD_HOURS * HOUR_MS).toISOString().replace('.000Z', 'Z');
    const bad: [unknown, string][] = [
      [{ from: to, to: from }, 'to'],
      [{ from, to: tooLong }, 'to'],
      [{ from: from.replace(':00:00Z', ':30:00Z'), to }, 'from'],
      [{ from: '2026-02-30T00:00:00Z', to }, 'from'],
      [{ from: '2026-11-28', to }, 'from'],
      [{ from }, 'to'],
      [{ from, to: 17 }, 'to'],
    ];
    const rows = countRows(t.db, 'reports');
    const audit = countRows(t.db, 'audit_log');
    for (const [body, field] of bad) {
      const error = await jsonOf<{ error: { code: string; fields: Record<string, string> } }>(await discard(body), 400);
      expect(error.error.code, JSON.stringify(body)).toBe('invalid_input');
      expect(Object.keys(error.error.fields), JSON.stringify(body)).toContain(field);
    }
    expect((await staffRequest(t, admin, 'GET', '/api/staff/admin/low-effort?before=yesterday')).status).toBe(400);
    expect(countRows(t.db, 'reports')).toBe(rows);
    expect(countRows(t.db, 'audit_log')).toBe(audit);
  });

  it('is for admins only, and only from this site', async () => {
    const junk = await marked(70);
    const range = { from: hourAgo(t, 70).hour, to: hourAgo(t, 70).hour };
    for (const cookie of [triager, auditor]) {
      expect(await jsonOf(await staffRequest(t, cookie, 'GET', '/api/staff/admin/low-effort'), 403)).toMatchObject({ error: { code: 'forbidden' } });
      expect(await jsonOf(await discard(range, cookie), 403)).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await staffRequest(t, null, 'GET', '/api/staff/admin/low-effort')).status).toBe(401);
    expect((await discard(range, null as unknown as string)).status).toBe(401);
    // An admin's cookie sent from another site, or without any origin header.
    for (const headers of [{ 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
      const res = await t.app.request(`${ORIGIN}/api/staff/admin/low-effort/discard`, {
        method: 'POST',
        headers: { ...headers, Cookie: admin, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(range),
      });
      expect(await jsonOf(res, 403)).toMatchObject({ error: { code: 'csrf_rejected' } });
    }
    expect(reportIds()).toContain(junk.id);
    expect(auditEntries(t, 'low_effort.discarded').some((entry) => entry.detail['from'] === range.from)).toBe(false);
  });
});
