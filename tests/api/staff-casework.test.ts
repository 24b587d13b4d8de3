import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, interferenceEntry, jsonOf, reporterView, submit, type Submitted } from '../support/casework';
import { createTestInstance, postJson, reportWithMarker, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';
import { STATUS_TRANSITIONS } from '../../contract/status-transitions';
import { INTERNAL_STATUSES, type InternalStatus } from '../../contract/vocabulary';

const PASSWORD = 'a long enough password';
const MARKER = 'CASEMARK9b7e';

interface View {
  id: number;
  status: string;
  outcome: string | null;
  priority: number;
  acknowledgedAt: string | null;
  closedAt: string | null;
  assignee: { id: number; username: string } | null;
  hasContact: boolean;
  publicMessage: string | null;
  messages: { from: string; body: string }[];
  caseRecords: { id: number; kind: string; [field: string]: unknown }[];
  links: { id: number; category: string; status: string }[];
}

let t: TestInstance;
let alice: string;
let bobId: number;
let carolId: number;
beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'alice', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  bobId = await addStaff(t, { username: 'bob', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  carolId = await addStaff(t, { username: 'carol', password: PASSWORD, role: 'triager', channels: ['organised_crime'] });
  alice = await signIn(t, 'alice', PASSWORD);
});
afterAll(() => t.close());

const post = (id: number, action: string, body: unknown): Promise<Response> => staffRequest(t, alice, 'POST', `/api/staff/reports/${id}/${action}`, body);
const view = async (id: number): Promise<View> => jsonOf<View>(await staffRequest(t, alice, 'GET', `/api/staff/reports/${id}`), 200);

describe('status state machine', () => {
  it('takes allowed transitions and answers 409 invalid_transition to the others', async () => {
    const { id } = await submit(t);
    expect((await jsonOf<View>(await post(id, 'status', { status: 'investigating' }), 200)).status).toBe('investigating');
    for (const status of ['new', 'closed', 'referred', 'investigating']) {
      expect(await jsonOf(await post(id, 'status', { status }), 409)).toMatchObject({ error: { code: 'invalid_transition' } });
    }
    expect((await jsonOf<View>(await post(id, 'status', { status: 'awaiting_reporter' }), 200)).status).toBe('awaiting_reporter');
    expect(auditEntries(t, 'report.status_changed').at(-1)).toMatchObject({ reportId: id, detail: { from: 'investigating', to: 'awaiting_reporter' } });
    expect((await post(id, 'status', { status: 'finished' })).status).toBe(400);
  });

  it('accepts exactly the steps of the shared table the case page offers, from every status', async () => {
    // How to bring a fresh lead to each status without the status route itself deciding.
    const reach: Record<InternalStatus, (id: number) => Promise<unknown>> = {
      new: async () => undefined,
      triage: async (id) => jsonOf(await post(id, 'status', { status: 'triage' }), 200),
      investigating: async (id) => jsonOf(await post(id, 'status', { status: 'investigating' }), 200),
      awaiting_reporter: async (id) => jsonOf(await post(id, 'status', { status: 'awaiting_reporter' }), 200),
      referred: async (id) => jsonOf(await post(id, 'referrals', { agency: 'Agency', date: '2026-11-20' }), 201),
      closed: async (id) => jsonOf(await post(id, 'close', { outcome: 'unsubstantiated' }), 200),
    };
    for (const from of INTERNAL_STATUSES) {
      for (const to of INTERNAL_STATUSES) {
        const { id } = await submit(t);
        await reach[from](id);
        expect((await view(id)).status).toBe(from);
        const res = await post(id, 'status', { status: to });
        if (STATUS_TRANSITIONS[from].includes(to)) {
          expect((await jsonOf<View>(res, 200)).status, `${from} -> ${to} is offered, so it must succeed`).toBe(to);
        } else {
          expect(await jsonOf(res, 409), `${from} -> ${to} is withheld, so it must be refused`).toMatchObject({ error: { code: 'invalid_transition' } });
        }
      }
    }
  });

  it('closes with an outcome once, and reopens to triage clearing the outcome', async () => {
    const { id, trackingCode } = await submit(t);
    const closed = await jsonOf<View>(await post(id, 'close', { outcome: 'unsubstantiated' }), 200);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'unsubstantiated' });
    expect(closed.closedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
    expect((await reporterView(t, trackingCode)).status).toBe('closed');
    expect(await jsonOf(await post(id, 'close', { outcome: 'spam' }), 409)).toMatchObject({ error: { code: 'invalid_transition' } });
    expect((await post(id, 'close', { outcome: 'boring' })).status).toBe(400);
    expect(auditEntries(t, 'report.closed').at(-1)).toMatchObject({ reportId: id, detail: { outcome: 'unsubstantiated' } });
    const reopened = await jsonOf<View>(await post(id, 'status', { status: 'triage' }), 200);
    expect(reopened).toMatchObject({ status: 'triage', outcome: null, closedAt: null });
  });
});

describe('priority and assignee', () => {
  it('sets a priority from 0 to 3 and refuses others', async () => {
    const { id } = await submit(t);
    expect((await jsonOf<View>(await post(id, 'priority', { priority: 3 }), 200)).priority).toBe(3);
    expect((await post(id, 'priority', { priority: 4 })).status).toBe(400);
    expect((await post(id, 'priority', { priority: 1.5 })).status).toBe(400);
  });

  it('assigns only to a member who holds the channel, and unassigns', async () => {
    const { id } = await submit(t);
    expect((await jsonOf<View>(await post(id, 'assignee', { staffId: bobId }), 200)).assignee).toEqual({ id: bobId, username: 'bob' });
    expect(await jsonOf(await post(id, 'assignee', { staffId: carolId }), 400)).toMatchObject({ error: { code: 'invalid_input', fields: { staffId: 'invalid_choice' } } });
    expect((await jsonOf<View>(await post(id, 'assignee', { staffId: null }), 200)).assignee).toBeNull();
  });

  it('lists the channel\'s members to pick from, id and username only, each of them assignable; 404 outside the caller\'s channels', async () => {
    const { id } = await submit(t);
    const listed = await jsonOf<{ assignees: Record<string, unknown>[] }>(await staffRequest(t, alice, 'GET', `/api/staff/reports/${id}/assignees`), 200);
    // The test instance's admin holds every channel, so may be assigned like any member.
    expect(listed.assignees.map((member) => member['username'])).toEqual(['admin', 'alice', 'bob']);
    for (const member of listed.assignees) {
      expect(Object.keys(member).sort()).toEqual(['id', 'username']);
      expect((await jsonOf<View>(await post(id, 'assignee', { staffId: member['id'] }), 200)).assignee?.username).toBe(member['username']);
    }
    expect(listed.assignees.map((member) => member['id'])).not.toContain(carolId);
    const carol = await signIn(t, 'carol', PASSWORD);
    expect((await staffRequest(t, carol, 'GET', `/api/staff/reports/${id}/assignees`)).status).toBe(404);
  });
});

describe('talking to the reporter', () => {
  it('a reply reaches the reporter’s status and acknowledges a new report', async () => {
    const { id, trackingCode } = await submit(t);
    expect((await reporterView(t, trackingCode)).status).toBe('received');
    await jsonOf(await post(id, 'replies', { body: 'Thank you; which shop exactly?' }), 201);
    const seen = await reporterView(t, trackingCode);
    expect(seen.status).toBe('acknowledged');
    expect(seen.messages).toEqual([expect.objectContaining({ from: 'staff', body: 'Thank you; which shop exactly?' })]);
    const staffView = await view(id);
    expect(staffView.status).toBe('triage');
    expect(staffView.acknowledgedAt).toMatch(/T\d\d:00:00Z$/);
    // The reporter answers; staff read the thread in order.
    await postJson(t.app, '/api/status/messages', { trackingCode, body: 'The one on Zhongshan Road.' });
    expect((await view(id)).messages.map((m) => [m.from, m.body])).toEqual([
      ['staff', 'Thank you; which shop exactly?'],
      ['reporter', 'The one on Zhongshan Road.'],
    ]);
    expect(auditEntries(t, 'report.acknowledged').filter((e) => e.reportId === id)).toHaveLength(1);
  });

  it('a public message shows on the reporter’s status page and acknowledges', async () => {
    const { id, trackingCode } = await submit(t);
    await jsonOf(await post(id, 'public-message', { body: 'We are looking into this.' }), 200);
    const seen = await reporterView(t, trackingCode);
    expect(seen).toMatchObject({ status: 'acknowledged', publicMessage: 'We are looking into this.' });
    await jsonOf(await post(id, 'public-message', { body: 'Still on it.' }), 200);
    expect((await reporterView(t, trackingCode)).publicMessage).toBe('Still on it.');
    expect((await view(id)).publicMessage).toBe('Still on it.');
    expect((await post(id, 'public-message', { body: '   ' })).status).toBe(400);
  });

  it('an internal note is visible to staff only', async () => {
    const { id, trackingCode } = await submit(t);
    await jsonOf(await post(id, 'notes', { body: 'Matches the tip from March.' }), 201);
    expect((await view(id)).caseRecords).toEqual([expect.objectContaining({ kind: 'note', body: 'Matches the tip from March.', by: expect.objectContaining({ username: 'alice' }) })]);
    expect(JSON.stringify(await reporterView(t, trackingCode))).not.toContain('March');
  });
});

describe('referral, interference and links', () => {
  it('a referral records the agency and shows the reporter "referred"; not on a closed report', async () => {
    const { id, trackingCode } = await submit(t);
    const res = await jsonOf<{ id: number; report: View }>(await post(id, 'referrals', { agency: 'Agency Against Corruption', reference: 'AAC-2026-17', date: '2026-11-20' }), 201);
    expect(res.report.status).toBe('referred');
    expect((await reporterView(t, trackingCode)).status).toBe('referred');
    expect((await view(id)).caseRecords).toEqual([
      expect.objectContaining({ kind: 'referral', agency: 'Agency Against Corruption', reference: 'AAC-2026-17', date: '2026-11-20' }),
    ]);
    expect((await post(id, 'referrals', { agency: 'X', date: '20 Nov' })).status).toBe(400);
    await jsonOf(await post(id, 'close', { outcome: 'referred' }), 200);
    expect((await post(id, 'referrals', { agency: 'Another', date: '2026-11-21' })).status).toBe(409);
  });

  it('tells the reporter the agency unless staff choose not to; the case record keeps it either way', async () => {
    const told = await submit(t);
    await jsonOf(await post(told.id, 'referrals', { agency: 'City Prosecutors', date: '2026-11-20' }), 201);
    expect(await reporterView(t, told.trackingCode)).toMatchObject({ status: 'referred', referral: { agency: 'City Prosecutors' } });
    expect(auditEntries(t, 'report.referred').at(-1)).toMatchObject({ reportId: told.id, detail: { toldReporter: true } });

    const untold = await submit(t);
    await jsonOf(await post(untold.id, 'referrals', { agency: 'Internal Affairs', date: '2026-11-20', tellReporter: false }), 201);
    const seen = await reporterView(t, untold.trackingCode);
    expect(seen.status).toBe('referred');
    expect(seen).not.toHaveProperty('referral');
    expect((await view(untold.id)).caseRecords).toEqual([expect.objectContaining({ kind: 'referral', agency: 'Internal Affairs' })]);
    expect((await view(untold.id)).caseRecords[0]).not.toHaveProperty('tellReporter');
    expect(auditEntries(t, 'report.referred').at(-1)).toMatchObject({ reportId: untold.id, detail: { toldReporter: false } });
    expect(await jsonOf(await post(untold.id, 'referrals', { agency: 'X', date: '2026-11-21', tellReporter: 'yes' }), 400)).toMatchObject({
      error: { code: 'invalid_input', fields: { tellReporter: expect.any(String) } },
    });
  });

  it('keeps the interference register and lists it across the caller’s channels', async () => {
    const { id } = await submit(t);
    const record = interferenceEntry();
    const { id: recordId } = await jsonOf<{ id: number }>(await post(id, 'interference', record), 201);
    expect((await view(id)).caseRecords).toEqual([expect.objectContaining({ kind: 'interference', version: 2, ...record })]);
    const register = await jsonOf<{ records: { id: number; reportId: number; channel: string }[] }>(
      await staffRequest(t, alice, 'GET', '/api/staff/interference'),
      200,
    );
    expect(register.records).toContainEqual(expect.objectContaining({ id: recordId, reportId: id, channel: 'official_protection', ...record }));
    const other = await jsonOf<{ records: unknown[] }>(await staffRequest(t, alice, 'GET', '/api/staff/interference?channel=organised_crime'), 200);
    expect(other.records).toEqual([]);
    expect((await post(id, 'interference', { who: 'someone' })).status).toBe(400);
  });

  it('links two reports of the caller’s channels; a report elsewhere answers 404', async () => {
    const a = await submit(t);
    const b = await submit(t);
    const elsewhere = await submit(t, { category: 'organised_crime' });
    await jsonOf(await post(b.id, 'status', { status: 'triage' }), 200);
    // The answer names the other lead as the case page lists it: number, category and status.
    expect(await jsonOf(await post(a.id, 'links', { relatedId: b.id }), 201)).toEqual({
      reportId: a.id,
      relatedId: b.id,
      related: { id: b.id, category: 'official_protection', status: 'triage' },
    });
    expect((await view(a.id)).links).toEqual([{ id: b.id, category: 'official_protection', status: 'triage' }]);
    expect((await view(b.id)).links).toEqual([{ id: a.id, category: 'official_protection', status: 'new' }]);
    expect((await post(b.id, 'links', { relatedId: a.id })).status).toBe(409);
    expect((await post(a.id, 'links', { relatedId: a.id })).status).toBe(400);
    expect(await jsonOf(await post(a.id, 'links', { relatedId: elsewhere.id }), 404)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('a linked lead in a channel the viewer does not hold is left out of their case view, number and all', async () => {
    await addStaff(t, { username: 'dora', password: PASSWORD, role: 'triager', channels: ['official_protection', 'organised_crime'] });
    const dora = await signIn(t, 'dora', PASSWORD);
    const mine = await submit(t);
    const theirs = await submit(t, { category: 'organised_crime' });
    await jsonOf(await staffRequest(t, dora, 'POST', `/api/staff/reports/${mine.id}/links`, { relatedId: theirs.id }), 201);
    const doraView = await jsonOf<View>(await staffRequest(t, dora, 'GET', `/api/staff/reports/${mine.id}`), 200);
    expect(doraView.links).toEqual([{ id: theirs.id, category: 'organised_crime', status: 'new' }]);
    // Alice holds only official_protection: the link would tell her of a lead she cannot open.
    expect((await view(mine.id)).links).toEqual([]);
  });
});

describe('revealing the contact details', () => {
  let report: Submitted;
  beforeAll(async () => {
    report = await submit(t, reportWithMarker(MARKER));
  });

  it('the report view says only that there are contact details', async () => {
    const seen = await view(report.id);
    expect(seen.hasContact).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(`${MARKER}-name`);
  });

  it('requires a reason of at least 10 characters', async () => {
    expect(await jsonOf(await post(report.id, 'reveal-contact', { reason: 'because' }), 400)).toMatchObject({ error: { fields: { reason: 'too_short' } } });
    expect((await post(report.id, 'reveal-contact', {})).status).toBe(400);
    expect(auditEntries(t, 'report.contact_revealed').filter((e) => e.reportId === report.id)).toEqual([]);
  });

  it('returns the details, audited as its own action, with the reason kept as an encrypted note', async () => {
    const reason = `Reporter asked to be called back ${MARKER}-reason`;
    const { contact } = await jsonOf<{ contact: Record<string, string> }>(await post(report.id, 'reveal-contact', { reason }), 200);
    expect(contact).toEqual({ name: `Chen ${MARKER}-name`, phone: '0912345678', email: `${MARKER.toLowerCase()}@example.org` });
    const entries = auditEntries(t, 'report.contact_revealed').filter((e) => e.reportId === report.id);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(MARKER);
    expect((await view(report.id)).caseRecords).toContainEqual(expect.objectContaining({ kind: 'contact_reveal', reason }));
  });

  it('answers 409 for a report without contact details', async () => {
    const { id } = await submit(t);
    expect(await jsonOf(await post(id, 'reveal-contact', { reason: 'Need to call them back' }), 409)).toMatchObject({ error: { code: 'conflict' } });
  });
});
