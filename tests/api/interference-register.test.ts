/**
 * The interference register as officers keep it (issue 14 item 7): a
 * structured entry round-trips through the case and the register, entries
 * recorded as free text before still read as written, bad entries are
 * refused field by field, only the lead's channel may record, statistics
 * count entries per channel and month, and nothing an entry says is stored
 * in clear.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptTo } from '../../server/crypto/age';
import { insertCaseRecord } from '../../server/data/case-records';
import { findChannelBySlug } from '../../server/data/channels';
import { toHour } from '../../server/time';
import { interferenceEntry, jsonOf, submit } from '../support/casework';
import { createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const PASSWORD = 'a long enough password';

interface Entry {
  id: number;
  kind: string;
  version: number;
  reportId: number;
  channel: string;
  by: { username: string } | null;
  [field: string]: unknown;
}
interface Counts {
  total: number;
  byChannel: { key: string; count: number }[];
  byMonth: { key: string; count: number }[];
}

let t: TestInstance;
let alice: string;
let carol: string;
let auditor: string;
beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'alice', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  await addStaff(t, { username: 'carol', password: PASSWORD, role: 'triager', channels: ['organised_crime'] });
  await addStaff(t, { username: 'audrey', password: PASSWORD, role: 'auditor', channels: [] });
  alice = await signIn(t, 'alice', PASSWORD);
  carol = await signIn(t, 'carol', PASSWORD);
  auditor = await signIn(t, 'audrey', PASSWORD);
});
afterAll(() => t.close());

const record = (cookie: string, reportId: number, body: unknown): Promise<Response> =>
  staffRequest(t, cookie, 'POST', `/api/staff/reports/${reportId}/interference`, body);
const register = async (cookie: string): Promise<Entry[]> =>
  (await jsonOf<{ records: Entry[] }>(await staffRequest(t, cookie, 'GET', '/api/staff/interference'), 200)).records;
const interferenceRows = (): number =>
  t.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM case_records WHERE kind = 'interference'").get()?.n ?? 0;
const interferenceStats = async (): Promise<Counts> =>
  (await jsonOf<{ interference: Counts }>(await staffRequest(t, auditor, 'GET', '/api/staff/stats'), 200)).interference;

/** Store an entry the way the register kept them before it was structured: a version 1 body encrypted to the channel. */
async function insertFreeTextEntry(reportId: number, slug: string, fields: Record<string, string>): Promise<number> {
  const channel = findChannelBySlug(t.db, slug);
  if (!channel) throw new Error(`no channel ${slug}`);
  const body = await encryptTo([channel.recipient], JSON.stringify({ version: 1, type: 'interference', ...fields }));
  const staffId = t.db.prepare<[], { id: number }>("SELECT id FROM staff WHERE username = 'alice'").get()?.id ?? 0;
  return insertCaseRecord(t.db, { reportId, kind: 'interference', staffId, body, createdAt: toHour(t.clock.now()) });
}

describe('a structured entry', () => {
  it('round-trips through the case and the register with every field, as version 2', async () => {
    const { id } = await submit(t);
    const entry = interferenceEntry({ how: 'through_someone', reportedToSuperior: false });
    const { id: recordId } = await jsonOf<{ id: number }>(await record(alice, id, entry), 201);

    const expected = { id: recordId, kind: 'interference', version: 2, ...entry };
    const caseView = await jsonOf<{ caseRecords: unknown[] }>(await staffRequest(t, alice, 'GET', `/api/staff/reports/${id}`), 200);
    expect(caseView.caseRecords).toEqual([expect.objectContaining(expected)]);
    expect((await register(alice)).find((r) => r.id === recordId)).toEqual(
      expect.objectContaining({ ...expected, reportId: id, channel: 'official_protection', by: expect.objectContaining({ username: 'alice' }) }),
    );
  });

  it('keeps optional parts out when they are not given', async () => {
    const { id } = await submit(t);
    const { id: recordId } = await jsonOf<{ id: number }>(
      await record(alice, id, { who: { name: 'Someone from the bureau' }, when: { date: '2026-10-02' }, how: 'visit', asked: 'To see the file.', reportedToSuperior: true }),
      201,
    );
    const entry = (await register(alice)).find((r) => r.id === recordId);
    expect(entry).toMatchObject({ who: { name: 'Someone from the bureau' }, when: { date: '2026-10-02' }, how: 'visit', reportedToSuperior: true });
    expect(entry).not.toHaveProperty('followUp');
    expect(entry?.['who']).toEqual({ name: 'Someone from the bureau' });
  });
});

describe('entries recorded as free text before the register was structured', () => {
  it('still read, as written, in the case and in the register', async () => {
    const { id } = await submit(t);
    const old = { who: 'The deputy mayor', when: 'Last spring, twice', how: 'Phoned the investigator at home', outcome: 'Reported to the director.' };
    const recordId = await insertFreeTextEntry(id, 'official_protection', old);

    const caseView = await jsonOf<{ caseRecords: unknown[] }>(await staffRequest(t, alice, 'GET', `/api/staff/reports/${id}`), 200);
    expect(caseView.caseRecords).toEqual([expect.objectContaining({ kind: 'interference', version: 1, ...old })]);
    expect((await register(alice)).find((r) => r.id === recordId)).toEqual(expect.objectContaining({ version: 1, reportId: id, ...old }));
  });
});

describe('bad entries', () => {
  it.each([
    ['an unknown method', { how: 'telepathy' }, 'how'],
    ['no name', { who: { position: 'Chief' } }, 'who.name'],
    ['a blank name', { who: { name: '   ' } }, 'who.name'],
    ['a date that is not a day', { when: { date: 'last Tuesday' } }, 'when.date'],
    ['no answer about the superior', { reportedToSuperior: undefined }, 'reportedToSuperior'],
    ['the old free-text shape', { who: 'A councillor', when: 'Tuesday', how: 'Phoned', asked: undefined }, 'who'],
  ])('%s: 400 invalid_input naming the field, and nothing stored', async (_name, change, field) => {
    const { id } = await submit(t);
    const before = interferenceRows();
    const answer = await jsonOf<{ error: { code: string; fields: Record<string, string> } }>(await record(alice, id, interferenceEntry(change)), 400);
    expect(answer.error.code).toBe('invalid_input');
    expect(Object.keys(answer.error.fields)).toContain(field);
    expect(interferenceRows()).toBe(before);
  });
});

describe('who may record', () => {
  it('a member without the lead’s channel gets 404 as for a missing lead, and nothing is stored', async () => {
    const { id } = await submit(t);
    const before = interferenceRows();
    const elsewhere = await jsonOf<{ error: { code: string } }>(await record(carol, id, interferenceEntry()), 404);
    const missing = await jsonOf<{ error: { code: string } }>(await record(carol, 999_999, interferenceEntry()), 404);
    expect(elsewhere).toEqual(missing);
    expect(interferenceRows()).toBe(before);
    expect((await register(carol)).map((r) => r.reportId)).not.toContain(id);
  });
});

describe('statistics', () => {
  it('count entries per channel and per month recorded, free-text ones included', async () => {
    const before = await interferenceStats();
    const countIn = (counts: Counts['byChannel'], key: string): number => counts.find((c) => c.key === key)?.count ?? 0;
    const month = toHour(t.clock.now()).slice(0, 7);

    const protection = await submit(t);
    const crime = await submit(t, { category: 'organised_crime' });
    await jsonOf(await record(alice, protection.id, interferenceEntry()), 201);
    await jsonOf(await record(alice, protection.id, interferenceEntry({ how: 'message' })), 201);
    await jsonOf(await record(carol, crime.id, interferenceEntry()), 201);
    await insertFreeTextEntry(crime.id, 'organised_crime', { who: 'A lawyer', when: 'May', how: 'Letter' });

    const after = await interferenceStats();
    expect(after.total - before.total).toBe(4);
    expect(countIn(after.byChannel, 'official_protection') - countIn(before.byChannel, 'official_protection')).toBe(2);
    expect(countIn(after.byChannel, 'organised_crime') - countIn(before.byChannel, 'organised_crime')).toBe(2);
    expect(countIn(after.byMonth, month) - countIn(before.byMonth, month)).toBe(4);
    expect(after.total).toBe(interferenceRows());
  });
});

describe('storage', () => {
  it('the SQLite file holds no entry text in clear', async () => {
    const { id } = await submit(t);
    const marks = { name: 'Zhang Weiguo-7f3a', unit: '第三分局督察室', asked: 'Drop-the-case-5c1e', note: 'around-dusk-91d2', followUp: '他又來電-44b0' };
    await jsonOf(
      await record(alice, id, interferenceEntry({ who: { name: marks.name, unit: marks.unit }, when: { date: '2026-11-03', note: marks.note }, asked: marks.asked, followUp: marks.followUp })),
      201,
    );
    // The register decrypts them, so the marks are real text the test would find if stored in clear.
    expect(JSON.stringify(await register(alice))).toContain(marks.name);

    const files = ['tipline.db', 'tipline.db-wal'].map((name) => path.join(t.dataDir, name));
    const read = (): Buffer => Buffer.concat(files.map((file) => (existsSync(file) ? readFileSync(file) : Buffer.alloc(0))));
    const onDisk = [read()];
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    onDisk.push(read());
    for (const bytes of onDisk) {
      expect(bytes.length).toBeGreaterThan(0);
      for (const mark of Object.values(marks)) expect(bytes.includes(Buffer.from(mark)), mark).toBe(false);
    }
  });
});

