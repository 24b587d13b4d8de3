import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, interferenceEntry, jsonOf, reporterView, submit } from '../support/casework';
import { createTestInstance, postJson, reportWithMarker, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const PASSWORD = 'a long enough password';
const MARKER = 'MOVEMARK2e8a';

interface View {
  channel: string;
  source: string;
  status: string;
  content: { details: string };
  publicMessage: string | null;
  messages: { from: string; body: string }[];
  caseRecords: { kind: string; body?: string; who?: { name: string } }[];
}

let t: TestInstance;
let mover: string;
let oldTeam: string;
let newTeam: string;
beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'mover', password: PASSWORD, role: 'triager', channels: ['official_protection', 'case_interference'] });
  await addStaff(t, { username: 'old', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  await addStaff(t, { username: 'new', password: PASSWORD, role: 'triager', channels: ['case_interference'] });
  [mover, oldTeam, newTeam] = (await Promise.all(['mover', 'old', 'new'].map((name) => signIn(t, name, PASSWORD)))) as [string, string, string];
});
afterAll(() => t.close());

describe('POST /api/staff/reports/:id/move', () => {
  it('re-encrypts everything to the new channel: its staff read it all, the old channel’s staff get 404, the reporter still reads theirs', async () => {
    const { id, trackingCode } = await submit(t, reportWithMarker(MARKER));
    const ask = (action: string, body: unknown): Promise<Response> => staffRequest(t, mover, 'POST', `/api/staff/reports/${id}/${action}`, body);
    await jsonOf(await ask('replies', { body: 'Which officer?' }), 201);
    await postJson(t.app, '/api/status/messages', { trackingCode, body: 'Officer Lin.' });
    await jsonOf(await ask('public-message', { body: 'Under review.' }), 200);
    await jsonOf(await ask('notes', { body: 'Belongs to case interference.' }), 201);
    await jsonOf(await ask('interference', interferenceEntry({ who: { name: 'The precinct' } })), 201);
    expect((await staffRequest(t, newTeam, 'GET', `/api/staff/reports/${id}`)).status).toBe(404);

    const moved = await jsonOf<{ channel: string }>(await ask('move', { channel: 'case_interference' }), 200);
    expect(moved.channel).toBe('case_interference');

    const seen = await jsonOf<View>(await staffRequest(t, newTeam, 'GET', `/api/staff/reports/${id}`), 200);
    expect(seen.channel).toBe('case_interference');
    expect(seen.content.details).toContain(`${MARKER}-details`);
    expect(seen.publicMessage).toBe('Under review.');
    expect(seen.messages.map((m) => m.body)).toEqual(['Which officer?', 'Officer Lin.']);
    expect(seen.caseRecords.map((r) => r.body ?? r.who?.name)).toEqual(['Belongs to case interference.', 'The precinct']);
    const { contact } = await jsonOf<{ contact: { name: string } }>(
      await staffRequest(t, newTeam, 'POST', `/api/staff/reports/${id}/reveal-contact`, { reason: 'Checking the move kept it' }),
      200,
    );
    expect(contact.name).toBe(`Chen ${MARKER}-name`);

    const oldRes = await staffRequest(t, oldTeam, 'GET', `/api/staff/reports/${id}`);
    expect(await jsonOf(oldRes, 404)).toMatchObject({ error: { code: 'not_found' } });
    const reporter = await reporterView(t, trackingCode);
    expect(reporter.publicMessage).toBe('Under review.');
    expect(reporter.messages.map((m) => m.body)).toEqual(['Which officer?', 'Officer Lin.']);
    // The reporter's next follow-up goes to the new channel.
    await postJson(t.app, '/api/status/messages', { trackingCode, body: 'One more thing.' });
    expect((await jsonOf<View>(await staffRequest(t, newTeam, 'GET', `/api/staff/reports/${id}`), 200)).messages.at(-1)?.body).toBe('One more thing.');
    expect(auditEntries(t, 'report.moved').at(-1)).toMatchObject({ reportId: id });
  });

  it('refuses a channel the caller does not hold (400) and the current channel (409)', async () => {
    const { id } = await submit(t);
    expect(await jsonOf(await staffRequest(t, mover, 'POST', `/api/staff/reports/${id}/move`, { channel: 'organised_crime' }), 400)).toMatchObject({
      error: { fields: { channel: 'invalid_choice' } },
    });
    expect((await staffRequest(t, mover, 'POST', `/api/staff/reports/${id}/move`, { channel: 'no_such_channel' })).status).toBe(400);
    expect((await staffRequest(t, mover, 'POST', `/api/staff/reports/${id}/move`, { channel: 'official_protection' })).status).toBe(409);
    expect((await staffRequest(t, oldTeam, 'GET', `/api/staff/reports/${id}`)).status).toBe(200);
  });
});

describe('POST /api/staff/leads', () => {
  it('turns a phoned-in lead into a report with a working tracking code and its source', async () => {
    const res = await staffRequest(t, oldTeam, 'POST', '/api/staff/leads', {
      source: 'phone',
      category: 'official_protection',
      details: 'Caller says the customs officer waves through one lorry every week.',
      region: 'Keelung',
    });
    const lead = await jsonOf<{ id: number; trackingCode: string }>(res, 201);
    expect(lead.trackingCode).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(await reporterView(t, lead.trackingCode)).toMatchObject({ status: 'received', messages: [] });
    const seen = await jsonOf<View>(await staffRequest(t, oldTeam, 'GET', `/api/staff/reports/${lead.id}`), 200);
    expect(seen).toMatchObject({ source: 'phone', status: 'new', content: { details: expect.stringContaining('customs officer') } });
    const list = await jsonOf<{ reports: { id: number; source: string }[] }>(await staffRequest(t, oldTeam, 'GET', '/api/staff/reports?region=Keelung'), 200);
    expect(list.reports).toEqual([expect.objectContaining({ id: lead.id, source: 'phone' })]);
    expect(auditEntries(t, 'lead.entered').at(-1)).toMatchObject({ reportId: lead.id, detail: { source: 'phone' } });
  });

  it('refuses a lead without a staff source or with invalid report fields (400), storing nothing', async () => {
    const before = t.db.prepare('SELECT count(*) AS n FROM reports').get();
    expect((await staffRequest(t, oldTeam, 'POST', '/api/staff/leads', { source: 'web', category: 'other', details: 'Long enough details for a report.' })).status).toBe(400);
    expect((await staffRequest(t, oldTeam, 'POST', '/api/staff/leads', { source: 'visit', category: 'other', details: 'short' })).status).toBe(400);
    expect(t.db.prepare('SELECT count(*) AS n FROM reports').get()).toEqual(before);
  });

  it('web reports keep source "web"', async () => {
    const { id } = await submit(t);
    expect((await jsonOf<View>(await staffRequest(t, oldTeam, 'GET', `/api/staff/reports/${id}`), 200)).source).toBe('web');
  });
});
