import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interferenceEntry, jsonOf, submit } from '../support/casework';
import { createTestInstance, reportWithMarker, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const PASSWORD = 'a long enough password';
const MARKER = 'ACCESSMARK5c3f';

let t: TestInstance;
let insider: string;
let outsider: string;
let auditor: string;
let keylessAdmin: string;
let reportId: number;
let missingId: number;
beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'insider', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  await addStaff(t, { username: 'outsider', password: PASSWORD, role: 'triager', channels: ['organised_crime'] });
  await addStaff(t, { username: 'auditor', password: PASSWORD, role: 'auditor', channels: [] });
  await addStaff(t, { username: 'keyless', password: PASSWORD, role: 'admin', channels: [] });
  [insider, outsider, auditor, keylessAdmin] = await Promise.all(['insider', 'outsider', 'auditor', 'keyless'].map((name) => signIn(t, name, PASSWORD))) as [string, string, string, string];
  reportId = (await submit(t, reportWithMarker(MARKER))).id;
  missingId = reportId + 1000;
});
afterAll(() => t.close());

/** Every per-report route with a valid body. */
const REPORT_ROUTES: [method: string, path: string, body?: unknown][] = [
  ['GET', ''],
  ['POST', '/lease', { action: 'renew' }],
  ['POST', '/status', { status: 'investigating' }],
  ['POST', '/priority', { priority: 1 }],
  ['POST', '/assignee', { staffId: null }],
  ['POST', '/public-message', { body: 'Hello' }],
  ['POST', '/replies', { body: 'Hello' }],
  ['POST', '/notes', { body: 'Hello' }],
  ['POST', '/referrals', { agency: 'Agency', date: '2026-11-20' }],
  ['POST', '/interference', interferenceEntry()],
  ['POST', '/links', { relatedId: 1 }],
  ['POST', '/close', { outcome: 'spam' }],
  ['POST', '/reveal-contact', { reason: 'A good enough reason' }],
  ['POST', '/move', { channel: 'organised_crime' }],
];

describe('channel checks', () => {
  it.each(REPORT_ROUTES)('%s /reports/:id%s outside the caller’s channels answers exactly like a missing report', async (method, path, body) => {
    for (const cookie of [outsider, keylessAdmin]) {
      const outside = await staffRequest(t, cookie, method, `/api/staff/reports/${reportId}${path}`, body);
      const missing = await staffRequest(t, cookie, method, `/api/staff/reports/${missingId}${path}`, body);
      expect(outside.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(await outside.text()).toBe(await missing.text());
    }
  });

  it('a non-numeric id is refused as malformed (400 naming id), for insiders and outsiders alike', async () => {
    for (const cookie of [insider, outsider]) {
      const res = await staffRequest(t, cookie, 'GET', '/api/staff/reports/abc');
      expect(await jsonOf(res, 400)).toMatchObject({ error: { code: 'invalid_input', fields: { id: 'invalid' } } });
    }
  });

  it('the queue of someone without the channel is empty', async () => {
    expect((await jsonOf<{ reports: unknown[] }>(await staffRequest(t, outsider, 'GET', '/api/staff/reports'), 200)).reports).toEqual([]);
    expect((await staffRequest(t, outsider, 'POST', '/api/staff/queue/claim')).status).toBe(204);
    expect((await staffRequest(t, keylessAdmin, 'POST', '/api/staff/queue/claim')).status).toBe(204);
  });

  it('no state changed through any of those refused requests', () => {
    const row = t.db.prepare<[number], { status: string; priority: number; channel_id: number }>('SELECT status, priority, channel_id FROM reports WHERE id = ?').get(reportId);
    expect(row).toMatchObject({ status: 'new', priority: 0 });
    expect(t.db.prepare('SELECT count(*) AS n FROM report_messages').get()).toEqual({ n: 0 });
    expect(t.db.prepare('SELECT count(*) AS n FROM case_records').get()).toEqual({ n: 0 });
  });
});

describe('roles', () => {
  const contentRoutes: [string, string, unknown?][] = [
    ['GET', '/api/staff/reports'],
    ['POST', '/api/staff/queue/claim'],
    ['GET', '/api/staff/interference'],
    ['POST', '/api/staff/leads', { source: 'phone', category: 'other', details: 'A lead long enough to be valid here.' }],
    ...REPORT_ROUTES.map(([method, path, body]): [string, string, unknown?] => [method, `/api/staff/reports/1${path}`, body]),
  ];

  it('an auditor gets 403 forbidden on every content route', async () => {
    for (const [method, url, body] of contentRoutes) {
      const res = await staffRequest(t, auditor, method, url, body);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('without a session every route answers 401', async () => {
    for (const [method, url, body] of contentRoutes) {
      expect((await staffRequest(t, null, method, url, body)).status, `${method} ${url}`).toBe(401);
    }
  });

  it('a cross-site POST is refused before anything else', async () => {
    const res = await t.app.request(`http://localhost/api/staff/reports/${reportId}/notes`, {
      method: 'POST',
      headers: { Cookie: insider, 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'x' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('the audit trail holds no content', () => {
  it('after every kind of action, no marker appears in any audit row', async () => {
    const ask = (action: string, body: unknown): Promise<Response> => staffRequest(t, insider, 'POST', `/api/staff/reports/${reportId}/${action}`, body);
    const other = await submit(t, reportWithMarker(`${MARKER}-other`));
    await jsonOf(await staffRequest(t, insider, 'GET', `/api/staff/reports/${reportId}`), 200);
    await jsonOf(await ask('replies', { body: `Reply ${MARKER}-reply` }), 201);
    await jsonOf(await ask('public-message', { body: `Public ${MARKER}-public` }), 200);
    await jsonOf(await ask('notes', { body: `Note ${MARKER}-note` }), 201);
    await jsonOf(
      await ask('interference', interferenceEntry({ who: { name: `${MARKER}-who`, position: `${MARKER}-position` }, when: { date: '2026-11-17', note: `${MARKER}-when` }, asked: `${MARKER}-asked`, followUp: `${MARKER}-follow-up` })),
      201,
    );
    await jsonOf(await ask('links', { relatedId: other.id }), 201);
    await jsonOf(await ask('reveal-contact', { reason: `Need to call ${MARKER}-reason` }), 200);
    await jsonOf(await ask('referrals', { agency: `${MARKER}-agency`, reference: `${MARKER}-ref`, date: '2026-11-20' }), 201);
    await jsonOf(await staffRequest(t, insider, 'GET', '/api/staff/interference'), 200);
    await jsonOf(await staffRequest(t, insider, 'POST', '/api/staff/leads', { ...reportWithMarker(`${MARKER}-lead`), source: 'letter' }), 201);
    await jsonOf(await ask('close', { outcome: 'referred' }), 200);

    const rows = t.db.prepare<[], Record<string, unknown>>('SELECT * FROM audit_log').all();
    const actions = new Set(rows.map((row) => row.action));
    for (const action of ['report.viewed', 'report.replied', 'report.public_message_set', 'report.note_added', 'report.interference_recorded', 'report.linked', 'report.contact_revealed', 'report.referred', 'interference.viewed', 'lead.entered', 'report.closed']) {
      expect(actions, action).toContain(action);
    }
    const text = JSON.stringify(rows);
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain('Chen');
    expect(t.logLines.join('\n')).not.toContain(MARKER);
  });
});
