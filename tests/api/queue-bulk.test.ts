/** POST /api/staff/reports/bulk and GET /api/staff/members: bulk assign and bulk close from the queue. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEntries, emptyQueue, jsonOf, submit } from '../support/casework';
import { createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const PASSWORD = 'a long enough password';

interface BulkResult {
  changed: number[];
  held: { id: number; lease: { holder: { id: number; username: string }; until: string } }[];
  notFound: number[];
  skipped: { id: number; reason: string }[];
}
interface Summary {
  id: number;
  status: string;
  outcome: string | null;
  assignee: { id: number } | null;
}

let t: TestInstance;
let alice: string;
let bob: string;
let aliceId: number;
let bobId: number;
let carolId: number;
beforeAll(async () => {
  t = await createTestInstance();
  aliceId = await addStaff(t, { username: 'alice', password: PASSWORD, role: 'triager', channels: ['official_protection', 'organised_crime'] });
  bobId = await addStaff(t, { username: 'bob', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  carolId = await addStaff(t, { username: 'carol', password: PASSWORD, role: 'triager', channels: ['sector_disorder'] });
});
afterAll(() => t.close());
beforeEach(async () => {
  emptyQueue(t);
  alice = await signIn(t, 'alice', PASSWORD);
  bob = await signIn(t, 'bob', PASSWORD);
});

const bulk = (cookie: string, body: unknown): Promise<Response> => staffRequest(t, cookie, 'POST', '/api/staff/reports/bulk', body);
const summaryOf = async (id: number): Promise<Summary> => jsonOf<Summary>(await staffRequest(t, alice, 'GET', `/api/staff/reports/${id}`), 200);

describe('POST /api/staff/reports/bulk', () => {
  it('closes many leads as spam, each audited as report.closed, and they leave the default queue', async () => {
    const [a, b] = [await submit(t), await submit(t)];
    const before = auditEntries(t, 'report.closed').length;
    const result = await jsonOf<BulkResult>(await bulk(alice, { ids: [a.id, b.id], action: 'close', outcome: 'spam' }), 200);
    expect(result).toEqual({ changed: [a.id, b.id], held: [], notFound: [], skipped: [] });
    for (const lead of [a, b]) expect(await summaryOf(lead.id)).toMatchObject({ status: 'closed', outcome: 'spam' });
    const audited = auditEntries(t, 'report.closed').slice(before);
    expect(audited.map((e) => [e.reportId, e.actorStaffId, e.detail['outcome']])).toEqual([
      [a.id, aliceId, 'spam'],
      [b.id, aliceId, 'spam'],
    ]);
    const queue = await jsonOf<{ reports: { id: number }[] }>(await staffRequest(t, alice, 'GET', '/api/staff/reports'), 200);
    expect(queue.reports.map((r) => r.id)).not.toContain(a.id);
    // Closing again changes nothing and says why.
    const again = await jsonOf<BulkResult>(await bulk(alice, { ids: [a.id], action: 'close', outcome: 'duplicate' }), 200);
    expect(again.skipped).toEqual([{ id: a.id, reason: 'already_closed' }]);
    expect((await summaryOf(a.id)).outcome).toBe('spam');
  });

  it('assigns to a member of each lead’s channel, audited per lead; a lead whose channel the member lacks is skipped', async () => {
    const official = await submit(t, { category: 'official_protection' });
    const crime = await submit(t, { category: 'organised_crime' });
    const before = auditEntries(t, 'report.assignee_changed').length;
    const result = await jsonOf<BulkResult>(await bulk(alice, { ids: [official.id, crime.id], action: 'assign', staffId: bobId }), 200);
    expect(result.changed).toEqual([official.id]);
    expect(result.skipped).toEqual([{ id: crime.id, reason: 'not_a_member' }]);
    expect((await summaryOf(official.id)).assignee?.id).toBe(bobId);
    expect((await summaryOf(crime.id)).assignee).toBeNull();
    expect(auditEntries(t, 'report.assignee_changed').slice(before)).toMatchObject([{ reportId: official.id, actorStaffId: aliceId, detail: { from: null, to: bobId } }]);
    // Unassigning works the same way.
    const cleared = await jsonOf<BulkResult>(await bulk(alice, { ids: [official.id], action: 'assign', staffId: null }), 200);
    expect(cleared.changed).toEqual([official.id]);
    expect((await summaryOf(official.id)).assignee).toBeNull();
  });

  it('leaves a lead someone else holds unchanged and names the holder; the caller’s own lease does not stop them', async () => {
    const held = await submit(t);
    const free = await submit(t);
    // Bob claims the oldest of the highest priority: the held one.
    expect((await jsonOf<{ id: number }>(await staffRequest(t, bob, 'POST', '/api/staff/queue/claim'), 200)).id).toBe(held.id);
    const result = await jsonOf<BulkResult>(await bulk(alice, { ids: [held.id, free.id], action: 'close', outcome: 'duplicate' }), 200);
    expect(result.changed).toEqual([free.id]);
    expect(result.held).toMatchObject([{ id: held.id, lease: { holder: { id: bobId, username: 'bob' } } }]);
    expect((await summaryOf(held.id)).status).toBe('new');
    expect(auditEntries(t, 'report.closed').some((e) => e.reportId === held.id)).toBe(false);
    const own = await jsonOf<BulkResult>(await bulk(bob, { ids: [held.id], action: 'close', outcome: 'duplicate' }), 200);
    expect(own.changed).toEqual([held.id]);
  });

  it('answers leads outside the caller’s channels and missing ones as not found, and changes nothing there', async () => {
    const foreign = await submit(t, { category: 'organised_crime' });
    const res = await jsonOf<BulkResult>(await bulk(bob, { ids: [foreign.id, 999_999], action: 'close', outcome: 'spam' }), 200);
    expect(res).toEqual({ changed: [], held: [], notFound: [foreign.id, 999_999], skipped: [] });
    expect((await summaryOf(foreign.id)).status).toBe('new');
  });

  it('refuses bad input with 400 invalid_input and changes nothing', async () => {
    const lead = await submit(t);
    const bad = [
      { ids: [], action: 'close', outcome: 'spam' },
      { ids: [lead.id, lead.id], action: 'close', outcome: 'spam' },
      { ids: [lead.id], action: 'close', outcome: 'substantiated' },
      { ids: [lead.id], action: 'delete' },
      { ids: [lead.id], action: 'assign' },
      { ids: Array.from({ length: 201 }, (_, i) => i + 1), action: 'close', outcome: 'spam' },
    ];
    for (const body of bad) expect(await jsonOf(await bulk(alice, body), 400), JSON.stringify(body).slice(0, 80)).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await summaryOf(lead.id)).status).toBe('new');
  });
});

describe('GET /api/staff/members', () => {
  it('lists enabled members holding the caller’s channels, with which of them each holds, and nobody else', async () => {
    const { members } = await jsonOf<{ members: { id: number; username: string; channels: string[] }[] }>(await staffRequest(t, bob, 'GET', '/api/staff/members'), 200);
    expect(members.find((m) => m.id === aliceId)).toEqual({ id: aliceId, username: 'alice', channels: ['official_protection'] });
    expect(members.find((m) => m.id === bobId)).toEqual({ id: bobId, username: 'bob', channels: ['official_protection'] });
    expect(members.some((m) => m.id === carolId)).toBe(false);
  });
});

describe('tags per channel', () => {
  const tags = async (cookie: string): Promise<{ id: number; channel: string; name: string }[]> =>
    (await jsonOf<{ tags: { id: number; channel: string; name: string }[] }>(await staffRequest(t, cookie, 'GET', '/api/staff/tags'), 200)).tags;
  const makeTag = async (cookie: string, channel: string, name: string): Promise<number> =>
    (await jsonOf<{ id: number }>(await staffRequest(t, cookie, 'POST', '/api/staff/tags', { channel, name }), 201)).id;

  it('a member makes a tag for a channel they hold; its name is stored encrypted and shown only to holders of the channel; audited', async () => {
    const id = await makeTag(alice, 'organised_crime', 'Mayor Lin’s nephew');
    expect(await tags(alice)).toContainEqual({ id, channel: 'organised_crime', name: 'Mayor Lin’s nephew' });
    expect((await tags(bob)).some((tag) => tag.id === id)).toBe(false);
    const stored = t.db.prepare<[number], { name: Uint8Array }>('SELECT name FROM channel_tags WHERE id = ?').get(id);
    expect(Buffer.from(stored?.name ?? new Uint8Array()).toString('latin1')).not.toContain('Mayor Lin');
    expect(auditEntries(t, 'tag.created').at(-1)).toMatchObject({ actorStaffId: aliceId, detail: { tagId: id } });
    // The same name again in that channel is a conflict; another channel of one's own is not one's to tag without holding it.
    expect(await jsonOf(await staffRequest(t, alice, 'POST', '/api/staff/tags', { channel: 'organised_crime', name: 'mayor lin’s nephew' }), 409)).toMatchObject({ error: { code: 'conflict' } });
    expect((await staffRequest(t, bob, 'POST', '/api/staff/tags', { channel: 'organised_crime', name: 'Anything' })).status).toBe(404);
    expect((await staffRequest(t, alice, 'POST', '/api/staff/tags', { channel: 'organised_crime', name: '' })).status).toBe(400);
  });

  it('bulk tagging puts a tag on leads of its channel only, audited per lead; the queue shows and filters by it', async () => {
    const tagId = await makeTag(alice, 'official_protection', `Harbour ${Date.now()}`);
    const [a, b] = [await submit(t), await submit(t)];
    const crime = await submit(t, { category: 'organised_crime' });
    const result = await jsonOf<BulkResult>(await bulk(alice, { ids: [a.id, crime.id], action: 'tag', tagId }), 200);
    expect(result.changed).toEqual([a.id]);
    expect(result.skipped).toEqual([{ id: crime.id, reason: 'other_channel' }]);
    expect(auditEntries(t, 'report.tagged').at(-1)).toMatchObject({ reportId: a.id, actorStaffId: aliceId, detail: { tagId } });
    const again = await jsonOf<BulkResult>(await bulk(alice, { ids: [a.id], action: 'tag', tagId }), 200);
    expect(again.skipped).toEqual([{ id: a.id, reason: 'unchanged' }]);
    const page = await jsonOf<{ reports: { id: number; tags: number[] }[] }>(await staffRequest(t, alice, 'GET', '/api/staff/reports'), 200);
    expect(page.reports.find((r) => r.id === a.id)?.tags).toEqual([tagId]);
    expect(page.reports.find((r) => r.id === b.id)?.tags).toEqual([]);
    const tagged = await jsonOf<{ reports: { id: number }[] }>(await staffRequest(t, alice, 'GET', `/api/staff/reports?tag=${tagId}`), 200);
    expect(tagged.reports.map((r) => r.id)).toEqual([a.id]);
    // Untagging takes it off again, audited; a lead without the tag is left as it was.
    expect((await jsonOf<BulkResult>(await bulk(alice, { ids: [b.id], action: 'tag', tagId }), 200)).changed).toEqual([b.id]);
    const removed = await jsonOf<BulkResult>(await bulk(alice, { ids: [b.id, crime.id], action: 'untag', tagId }), 200);
    expect(removed.changed).toEqual([b.id]);
    expect(removed.skipped).toEqual([{ id: crime.id, reason: 'other_channel' }]);
    expect(auditEntries(t, 'report.untagged').at(-1)).toMatchObject({ reportId: b.id, actorStaffId: aliceId, detail: { tagId } });
    expect((await jsonOf<BulkResult>(await bulk(alice, { ids: [b.id], action: 'untag', tagId }), 200)).skipped).toEqual([{ id: b.id, reason: 'unchanged' }]);
    const stillTagged = await jsonOf<{ reports: { id: number }[] }>(await staffRequest(t, alice, 'GET', `/api/staff/reports?tag=${tagId}`), 200);
    expect(stillTagged.reports.map((r) => r.id)).toEqual([a.id]);
    // Moving the lead to another channel leaves the old channel's tag behind.
    await jsonOf(await staffRequest(t, alice, 'POST', `/api/staff/reports/${a.id}/move`, { channel: 'organised_crime' }), 200);
    const after = await jsonOf<{ reports: { id: number }[] }>(await staffRequest(t, alice, 'GET', `/api/staff/reports?tag=${tagId}`), 200);
    expect(after.reports).toEqual([]);
  });
});
