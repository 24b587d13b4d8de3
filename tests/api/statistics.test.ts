/**
 * Statistics for auditors over a range of days (issue 14 item 8): every
 * count follows `from` and `to` (leads by the hour received, register
 * entries by the hour recorded); referrals, outcomes, interference entries
 * and overdue leads are counted by channel and by region; a bad range is
 * refused with invalid_input naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCaseRecord } from '../../server/data/case-records';
import type { Statistics } from '../../contract/schemas/staff-oversight-views';
import { jsonOf, submit } from '../support/casework';
import { createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

let t: TestInstance;
let auditor: string;

interface Lead {
  channel: string;
  region: string | null;
  receivedAt: string;
  status: string;
  outcome?: string;
  /** Both deadlines. */
  dueAt: string;
}

/** A lead submitted through the API, then moved to the given clear metadata (as time passing and casework would). */
async function lead(fields: Lead): Promise<number> {
  const { id } = await submit(t);
  t.db
    .prepare(
      `UPDATE reports SET channel_id = (SELECT id FROM channels WHERE slug = @channel), region = @region, received_at = @receivedAt,
       status = @status, outcome = @outcome, ack_due_at = @dueAt, feedback_due_at = @dueAt, acknowledged_at = NULL WHERE id = @id`,
    )
    .run({ ...fields, outcome: fields.outcome ?? null, id });
  return id;
}

function record(reportId: number, kind: 'referral' | 'interference', createdAt: string): void {
  const staffId = t.db.prepare<[], { id: number }>('SELECT min(id) AS id FROM staff').get()?.id ?? 0;
  insertCaseRecord(t.db, { reportId, kind, staffId, body: new Uint8Array([1]), createdAt });
}

const stats = async (query = ''): Promise<Statistics> => jsonOf<Statistics>(await staffRequest(t, auditor, 'GET', `/api/staff/stats${query}`), 200);

beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'audrey', password: 'a long enough password', role: 'auditor', channels: [] });
  auditor = await signIn(t, 'audrey', 'a long enough password');
  // 2025: closed as substantiated after a referral. 2026: one still open and overdue, with an
  // interference entry and a referral; one closed as spam with no region given.
  const north = await lead({ channel: 'organised_crime', region: 'North', receivedAt: '2025-03-10T09:00:00Z', status: 'closed', outcome: 'substantiated', dueAt: '2025-03-17T09:00:00Z' });
  const south = await lead({ channel: 'official_protection', region: 'South', receivedAt: '2026-01-15T10:00:00Z', status: 'new', dueAt: '2026-01-22T10:00:00Z' });
  await lead({ channel: 'official_protection', region: null, receivedAt: '2026-06-01T23:00:00Z', status: 'closed', outcome: 'spam', dueAt: '2026-06-08T23:00:00Z' });
  record(north, 'referral', '2025-03-12T08:00:00Z');
  record(south, 'interference', '2026-01-20T14:00:00Z');
  record(south, 'referral', '2026-02-01T00:00:00Z');
});
afterAll(() => t.close());

describe('without a range', () => {
  it('counts every lead and entry, and says the range is open', async () => {
    const s = await stats();
    expect(s.range).toEqual({ from: null, to: null });
    expect(s.total).toBe(3);
    expect(s.referrals.total).toBe(2);
    expect(s.interference.total).toBe(1);
    expect(s.outcomes.total).toBe(2);
    expect(s.overdueLeads.total).toBe(1);
  });

  it('counts referrals by channel and by region of their lead', async () => {
    const { referrals } = await stats();
    expect(referrals.byChannel).toEqual([
      { key: 'official_protection', count: 1 },
      { key: 'organised_crime', count: 1 },
    ]);
    expect(referrals.byRegion).toEqual([
      { key: 'North', count: 1 },
      { key: 'South', count: 1 },
    ]);
  });

  it('counts closed leads by outcome, and by channel or region with the outcome', async () => {
    const { outcomes } = await stats();
    expect(outcomes.byOutcome).toEqual([
      { key: 'spam', count: 1 },
      { key: 'substantiated', count: 1 },
    ]);
    expect(outcomes.byChannel).toEqual([
      { key: 'official_protection', outcome: 'spam', count: 1 },
      { key: 'organised_crime', outcome: 'substantiated', count: 1 },
    ]);
    expect(outcomes.byRegion).toEqual([
      { key: '', outcome: 'spam', count: 1 },
      { key: 'North', outcome: 'substantiated', count: 1 },
    ]);
  });

  it('counts interference entries by channel and by region', async () => {
    const { interference } = await stats();
    expect(interference.byChannel).toEqual([{ key: 'official_protection', count: 1 }]);
    expect(interference.byRegion).toEqual([{ key: 'South', count: 1 }]);
  });

  it('counts overdue leads by channel and by region as the slow-progress register lists them', async () => {
    const { overdueLeads } = await stats();
    expect(overdueLeads.byChannel).toEqual([{ key: 'official_protection', count: 1 }]);
    expect(overdueLeads.byRegion).toEqual([{ key: 'South', count: 1 }]);
    const admin = await signIn(t, 'admin', 'correct horse battery staple');
    const register = await jsonOf<{ reports: { region: string | null }[] }>(await staffRequest(t, admin, 'GET', '/api/staff/reports?overdue=true'), 200);
    expect(register.reports.map((r) => r.region)).toEqual(['South']);
  });
});

describe('with a range', () => {
  it('from a day leaves out leads received and entries recorded before it', async () => {
    const s = await stats('?from=2026-01-01');
    expect(s.range).toEqual({ from: '2026-01-01', to: null });
    expect(s.total).toBe(2);
    expect(s.byRegion).toEqual([
      { key: '', count: 1 },
      { key: 'South', count: 1 },
    ]);
    expect(s.referrals.byRegion).toEqual([{ key: 'South', count: 1 }]);
    expect(s.outcomes.byOutcome).toEqual([{ key: 'spam', count: 1 }]);
    expect(s.overdueLeads.total).toBe(1);
  });

  it('to a day leaves out what came after it', async () => {
    const s = await stats('?to=2025-12-31');
    expect(s.total).toBe(1);
    expect(s.byMonth).toEqual([{ key: '2025-03', count: 1 }]);
    expect(s.referrals.byChannel).toEqual([{ key: 'organised_crime', count: 1 }]);
    expect(s.interference.total).toBe(0);
    expect(s.outcomes.byChannel).toEqual([{ key: 'organised_crime', outcome: 'substantiated', count: 1 }]);
    expect(s.overdueLeads.total).toBe(0);
    expect(s.overdue).toEqual({ acknowledgement: 0, feedback: 0 });
  });

  it('includes both of its days to their last hour', async () => {
    expect((await stats('?from=2026-06-01&to=2026-06-01')).total).toBe(1);
    const s = await stats('?from=2026-01-20&to=2026-01-31');
    expect(s.total).toBe(0);
    expect(s.interference.total).toBe(1);
    expect(s.referrals.total).toBe(0);
  });
});

describe('a bad range', () => {
  it.each([
    ['a day that does not exist', '?from=2026-02-30', 'from'],
    ['words', '?to=yesterday', 'to'],
    ['a day without leading zeros', '?from=2026-1-5', 'from'],
    ['a time as well', '?to=2026-01-05T00:00:00Z', 'to'],
    ['from after to', '?from=2026-02-01&to=2026-01-31', 'to'],
  ])('%s: 400 invalid_input naming the field', async (_name, query, field) => {
    const answer = await jsonOf<{ error: { code: string; fields: Record<string, string> } }>(await staffRequest(t, auditor, 'GET', `/api/staff/stats${query}`), 400);
    expect(answer.error.code).toBe('invalid_input');
    expect(Object.keys(answer.error.fields)).toEqual([field]);
  });
});
