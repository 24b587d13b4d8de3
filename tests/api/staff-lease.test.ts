/**
 * The lease holds (issue 14 item 5): while one member holds a live lease on a
 * lead, another member's casework writes are refused with 409 lease_held
 * naming the holder and the expiry, and store nothing; reading stays open;
 * an expired lease no longer protects; taking over is explicit and audited;
 * claiming again gives the next lead, never one the caller holds.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEntries, emptyQueue, interferenceEntry, jsonOf, submit } from '../support/casework';
import { createTestInstance, reportWithMarker, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const PASSWORD = 'a long enough password';

interface Lease {
  holder: { id: number; username: string };
  until: string;
  mine: boolean;
}
interface View {
  id: number;
  status: string;
  priority: number;
  channel: string;
  assignee: { id: number } | null;
  publicMessage: string | null;
  leased: boolean;
  lease: Lease | null;
}

let t: TestInstance;
let alice: string;
let bob: string;
let aliceId: number;
let bobId: number;
beforeAll(async () => {
  t = await createTestInstance();
  const channels = ['official_protection', 'organised_crime'];
  aliceId = await addStaff(t, { username: 'alice', password: PASSWORD, role: 'triager', channels });
  bobId = await addStaff(t, { username: 'bob', password: PASSWORD, role: 'triager', channels });
  alice = await signIn(t, 'alice', PASSWORD);
  bob = await signIn(t, 'bob', PASSWORD);
});
afterAll(() => t.close());
beforeEach(() => emptyQueue(t));

const post = (cookie: string, id: number, action: string, body: unknown): Promise<Response> =>
  staffRequest(t, cookie, 'POST', `/api/staff/reports/${id}/${action}`, body);
const view = async (cookie: string, id: number): Promise<View> => jsonOf<View>(await staffRequest(t, cookie, 'GET', `/api/staff/reports/${id}`), 200);
const claim = async (cookie: string): Promise<View> => jsonOf<View>(await staffRequest(t, cookie, 'POST', '/api/staff/queue/claim'), 200);
const takeOver = (cookie: string, id: number): Promise<Response> => post(cookie, id, 'lease', { action: 'take_over' });

/** What a refused write could have left behind: rows of the report's own tables and the audit trail. */
function stored(id: number): Record<string, unknown> {
  const count = (sql: string): number => t.db.prepare<[{ id: number }], { n: number }>(sql).get({ id })?.n ?? 0;
  return {
    messages: count('SELECT count(*) AS n FROM report_messages WHERE report_id = @id'),
    records: count('SELECT count(*) AS n FROM case_records WHERE report_id = @id'),
    links: count('SELECT count(*) AS n FROM report_links WHERE report_id = @id OR related_id = @id'),
    audit: count('SELECT count(*) AS n FROM audit_log WHERE report_id = @id'),
    row: JSON.stringify(
      t.db
        .prepare('SELECT status, priority, assignee_id, channel_id, public_message, outcome, acknowledged_at, lease_staff_id, lease_expires_at FROM reports WHERE id = ?')
        .get(id),
    ),
  };
}

/** Every casework write, with a body that would succeed without the lease. */
function writes(relatedId: number): [string, unknown][] {
  return [
    ['notes', { body: 'An internal note from someone who does not hold the lead.' }],
    ['replies', { body: 'A reply to the reporter from someone who does not hold the lead.' }],
    ['public-message', { body: 'A public message from someone who does not hold the lead.' }],
    ['status', { status: 'investigating' }],
    ['priority', { priority: 3 }],
    ['assignee', { staffId: bobId }],
    ['referrals', { agency: 'Agency Against Corruption', date: '2026-11-20' }],
    ['interference', interferenceEntry()],
    ['links', { relatedId }],
    ['close', { outcome: 'unsubstantiated' }],
    ['reveal-contact', { reason: 'The reporter offered to testify in person.' }],
    ['move', { channel: 'organised_crime' }],
  ];
}

describe('while a lead is held', () => {
  it('refuses every casework write by someone else with 409 lease_held naming the holder and the expiry, and stores nothing', async () => {
    const held = await submit(t, reportWithMarker('LEASEMARK'));
    const related = await submit(t);
    const claimed = await claim(alice);
    expect(claimed.id).toBe(held.id);
    const before = stored(held.id);
    for (const [action, body] of writes(related.id)) {
      const res = await post(bob, held.id, action, body);
      expect(await jsonOf(res, 409), action).toMatchObject({
        error: { code: 'lease_held', lease: { holder: { id: aliceId, username: 'alice' }, until: claimed.lease?.until } },
      });
    }
    expect(stored(held.id)).toEqual(before);
  });

  it('lets the holder work the lead', async () => {
    const { id } = await submit(t);
    await claim(alice);
    expect((await post(alice, id, 'notes', { body: 'The holder writes a note.' })).status).toBe(201);
    expect((await jsonOf<View>(await post(alice, id, 'status', { status: 'investigating' }), 200)).status).toBe('investigating');
  });

  it('shows the lease in the case view: mine for the holder, holder and expiry for others, null when nobody holds it', async () => {
    const { id } = await submit(t);
    expect((await view(bob, id)).lease).toBeNull();
    const claimed = await claim(alice);
    expect((await view(alice, id)).lease).toEqual({ holder: { id: aliceId, username: 'alice' }, until: claimed.lease?.until, mine: true });
    expect((await view(bob, id)).lease).toEqual({ holder: { id: aliceId, username: 'alice' }, until: claimed.lease?.until, mine: false });
  });

  it('no longer protects the lead once the lease has expired', async () => {
    const { id } = await submit(t);
    await claim(alice);
    expect((await post(bob, id, 'notes', { body: 'Too early.' })).status).toBe(409);
    t.clock.advance((t.config.staff.leaseMinutes * 60 + 1) * 1000);
    expect((await view(bob, id)).lease).toBeNull();
    expect((await post(bob, id, 'notes', { body: 'The lease ran out; anyone may note now.' })).status).toBe(201);
  });

  it('does not take the lease implicitly when someone writes on a lead nobody holds', async () => {
    const { id } = await submit(t);
    expect((await post(bob, id, 'notes', { body: 'A one-off note.' })).status).toBe(201);
    expect((await view(alice, id)).lease).toBeNull();
    expect((await post(alice, id, 'notes', { body: 'Another one.' })).status).toBe(201);
  });
});

describe('taking over', () => {
  it('moves the lease to the caller, audited with the previous holder; the former holder’s writes are then refused', async () => {
    const { id } = await submit(t);
    await claim(alice);
    const taken = await jsonOf<View>(await takeOver(bob, id), 200);
    expect(taken.lease).toMatchObject({ holder: { id: bobId, username: 'bob' }, mine: true });
    expect(auditEntries(t, 'report.lease_taken_over').at(-1)).toMatchObject({
      reportId: id,
      actorStaffId: bobId,
      detail: { previousHolderId: aliceId, leaseMinutes: t.config.staff.leaseMinutes },
    });
    expect(await jsonOf(await post(alice, id, 'notes', { body: 'The former holder.' }), 409)).toMatchObject({
      error: { code: 'lease_held', lease: { holder: { id: bobId, username: 'bob' } } },
    });
    // Nor can the page of the former holder keep renewing it.
    expect(await jsonOf(await post(alice, id, 'lease', { action: 'renew' }), 409)).toMatchObject({ error: { code: 'lease_held' } });
    expect((await post(bob, id, 'notes', { body: 'The new holder writes.' })).status).toBe(201);
  });

  it('takes a lead nobody holds (previous holder null) and answers 409 conflict to one’s own lease', async () => {
    const { id } = await submit(t);
    const taken = await jsonOf<View>(await takeOver(alice, id), 200);
    expect(taken.lease).toMatchObject({ holder: { id: aliceId }, mine: true });
    expect(auditEntries(t, 'report.lease_taken_over').at(-1)).toMatchObject({ reportId: id, actorStaffId: aliceId, detail: { previousHolderId: null } });
    const audited = auditEntries(t, 'report.lease_taken_over').length;
    expect(await jsonOf(await takeOver(alice, id), 409)).toMatchObject({ error: { code: 'conflict' } });
    expect(auditEntries(t, 'report.lease_taken_over')).toHaveLength(audited);
  });
});

describe('pulling again', () => {
  it('gives the next lead, never one the caller already holds', async () => {
    const first = await submit(t);
    const second = await submit(t);
    const urgent = await submit(t);
    // The most urgent lead is held by the caller from its own page, not from the queue.
    await jsonOf(await post(alice, urgent.id, 'priority', { priority: 3 }), 200);
    await jsonOf(await takeOver(alice, urgent.id), 200);
    const a = await claim(alice);
    const b = await claim(alice);
    expect([a.id, b.id]).toEqual([first.id, second.id]);
    expect((await staffRequest(t, alice, 'POST', '/api/staff/queue/claim')).status).toBe(204);
  });
});
