/**
 * Staff search and related leads (issue 14 item 1): what a triager finds,
 * what a member without the channel does not, and what the database holds
 * (blind tokens only, different in each channel).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, jsonOf, submit, type Submitted } from '../support/casework';
import { ADMIN, createTestInstance, postJson, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';
import type { RelatedAnswer, SearchAnswer } from '../../contract/schemas/staff-search';
import { deleteReportsForGood } from '../../server/services/report-deletion';
import { unlockStaff } from '../../server/services/staff-keys';
import { toSecond } from '../../server/time';

const PASSWORD = 'search password 1234';

let t: TestInstance;
let searcher: string; // official_protection and organised_crime
let outsider: string; // sector_disorder only
let officialOnly: string; // official_protection only
let racket: Submitted;
let pothole: Submitted;

const search = async (cookie: string, q: string): Promise<SearchAnswer> =>
  jsonOf<SearchAnswer>(await staffRequest(t, cookie, 'POST', '/api/staff/search', { q }), 200);
const ids = (answer: SearchAnswer | RelatedAnswer): number[] => ('results' in answer ? answer.results : answer.related).map((row) => row.id);
const tokenCount = (reportId: number): number =>
  t.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM search_tokens WHERE report_id = ?').get(reportId)?.n ?? 0;

beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'searcher', password: PASSWORD, role: 'triager', channels: ['official_protection', 'organised_crime'] });
  await addStaff(t, { username: 'outsider', password: PASSWORD, role: 'triager', channels: ['sector_disorder'] });
  await addStaff(t, { username: 'official-only', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  searcher = await signIn(t, 'searcher', PASSWORD);
  outsider = await signIn(t, 'outsider', PASSWORD);
  officialOnly = await signIn(t, 'official-only', PASSWORD);
  racket = await submit(t, {
    details: 'Chen Weiming collects for the 黑社會 every Friday. He drives plate ABC-1234 and answers 0912-345-678.',
    location: '銅鑼灣 Golden Dragon Trading',
    contact: { name: 'Hidden Reporter Name', phone: '0987654321' },
  });
  pothole = await submit(t, { details: 'Nobody has repaired the potholes on the harbour road for a year.' });
  await t.searchIndexer.run();
});
afterAll(() => t.close());

describe('POST /api/staff/search', () => {
  it('finds a report by a name, in any case', async () => {
    expect(ids(await search(searcher, 'chen WEIMING'))).toEqual([racket.id]);
    expect(ids(await search(searcher, 'potholes'))).toEqual([pothole.id]);
    expect(ids(await search(searcher, 'chen potholes'))).toEqual([]);
  });

  it('finds Traditional Chinese text with a Simplified query', async () => {
    expect(ids(await search(searcher, '黑社会'))).toEqual([racket.id]);
    expect(ids(await search(searcher, '铜锣湾'))).toEqual([racket.id]);
  });

  it('finds a phone number and a plate however they are typed', async () => {
    for (const q of ['0912345678', '0912 345 678', '０９１２－３４５－６７８', 'abc 1234', 'ABC1234', 'ａｂｃ.１２３４']) {
      expect(ids(await search(searcher, q)), q).toEqual([racket.id]);
    }
    expect(ids(await search(searcher, 'ABC-1235'))).toEqual([]);
  });

  it('never searches the contact details', async () => {
    expect(ids(await search(searcher, 'Hidden Reporter Name'))).toEqual([]);
    expect(ids(await search(searcher, '0987654321'))).toEqual([]);
  });

  it('finds a report by its tracking code, in the body only', async () => {
    const found = await search(searcher, racket.trackingCode);
    expect(found.results).toEqual([expect.objectContaining({ id: racket.id, channel: 'official_protection', status: 'new', matched: 1 })]);
    const inUrl = await staffRequest(t, searcher, 'GET', `/api/staff/search?q=${encodeURIComponent(racket.trackingCode)}`);
    expect(((await jsonOf<{ error: { code: string } }>(inUrl, 400)).error.code)).toBe('invalid_input');
  });

  it('answers GET ?q= like POST for anything but a tracking code', async () => {
    const res = await staffRequest(t, searcher, 'GET', `/api/staff/search?q=${encodeURIComponent('黑社会')}`);
    expect(ids(await jsonOf<SearchAnswer>(res, 200))).toEqual([racket.id]);
  });

  it('finds nothing in channels the member does not hold, not even by tracking code', async () => {
    expect(ids(await search(outsider, 'Chen Weiming'))).toEqual([]);
    expect(ids(await search(outsider, '黑社会'))).toEqual([]);
    expect(ids(await search(outsider, racket.trackingCode))).toEqual([]);
    expect(ids(await search(searcher, 'Chen Weiming'))).toEqual([racket.id]);
  });

  it('refuses a query with nothing to search for, or with too many tokens', async () => {
    const paragraph = Array.from({ length: 45 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join(''); // 44 distinct bigrams
    for (const [q, problem] of [['a', 'too_short'], [' - ', 'too_short'], ['', 'too_short'], [paragraph, 'too_long']] as const) {
      const res = await staffRequest(t, searcher, 'POST', '/api/staff/search', { q });
      const { error } = await jsonOf<{ error: { code: string; fields: Record<string, string> } }>(res, 400);
      expect([error.code, error.fields['q']], q).toEqual(['invalid_input', problem]);
    }
    expect(ids(await search(searcher, paragraph.slice(0, 40)))).toEqual([]); // 39 bigrams: searched
  });

  it('audits each search with its result count, and neither logs nor stores the query', async () => {
    await search(searcher, 'Weiming');
    const entries = auditEntries(t, 'staff.searched');
    expect(entries.at(-1)?.detail).toEqual({ results: 1, trackingCode: false });
    const stored = t.db.prepare<[], { detail: string }>('SELECT detail FROM audit_log').all().map((row) => row.detail).join('\n');
    expect(stored.toLowerCase()).not.toContain('weiming');
    expect(t.logLines.join('\n').toLowerCase()).not.toContain('weiming');
    expect(t.logLines.join('\n')).not.toContain(racket.trackingCode);
  });
});

describe('the index in the database', () => {
  it('holds no token in clear: neither words, nor joined numbers, nor Chinese bigrams', () => {
    expect(tokenCount(racket.id)).toBeGreaterThan(20);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(path.join(t.dataDir, 'tipline.db'));
    for (const clear of ['weiming', 'Weiming', 'abc1234', '0912345678', '黑社', '社会', '社會', 'golden', 'dragon']) {
      expect(bytes.includes(Buffer.from(clear, 'utf8')), clear).toBe(false);
    }
  });

  it('stores the same words as different tokens in two channels', async () => {
    const twin = await submit(t, { category: 'organised_crime', details: 'Chen Weiming collects for the 黑社會 every Friday. He drives plate ABC-1234 and answers 0912-345-678.' });
    await t.searchIndexer.run();
    expect(tokenCount(twin.id)).toBeGreaterThan(20);
    const shared = t.db
      .prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM search_tokens a JOIN search_tokens b ON a.token = b.token WHERE a.report_id = ? AND b.report_id = ?')
      .get(racket.id, twin.id)?.n;
    expect(shared).toBe(0);
    // Both are found, each under its own channel's key.
    expect(ids(await search(searcher, 'Chen Weiming')).sort((a, b) => a - b)).toEqual([racket.id, twin.id]);
    expect(ids(await search(officialOnly, 'Chen Weiming'))).toEqual([racket.id]);
  });
});

describe('unindexed reports', () => {
  it('counts the caller\'s unindexed reports until a session indexes them', async () => {
    const fresh = await submit(t, { details: 'Liu Dehua sells fake permits at the ferry pier every morning.' });
    expect((await search(searcher, 'Dehua')).unindexed).toBe(1);
    expect((await search(outsider, 'Dehua')).unindexed).toBe(0);
    await t.searchIndexer.run();
    const after = await search(searcher, 'Dehua');
    expect(after).toEqual({ results: [expect.objectContaining({ id: fresh.id })], unindexed: 0 });
  });

  it('is indexed only while a session holding its channel is alive', async () => {
    const waiting = await submit(t, { category: 'case_interference', details: 'Prosecutor Qian Zhongshu was told to drop the file.' });
    const indexed = (): number =>
      t.db.prepare<[number], { v: number }>('SELECT search_version AS v FROM reports WHERE id = ?').get(waiting.id)?.v ?? -1;
    await t.searchIndexer.run(); // no live session holds case_interference
    expect(indexed()).toBe(0);
    // A session that must change its password first lends the indexer nothing either.
    const unlocked = await unlockStaff(t.db, t.kdf.staff, ADMIN.username, ADMIN.password);
    if (!unlocked) throw new Error('the first admin should unlock');
    const restricted = t.sessions.create(
      { staffId: unlocked.id, username: unlocked.username, role: unlocked.role, personalIdentity: unlocked.personalIdentity, personalRecipient: unlocked.recipient, channelIdentities: unlocked.channelIdentities, signingKey: unlocked.signingKey, restriction: 'change_password' },
      t.clock.now().getTime(),
    );
    await t.searchIndexer.run();
    expect(indexed()).toBe(0);
    t.sessions.end(restricted.session);
    const admin = await signIn(t, ADMIN.username, ADMIN.password);
    await t.searchIndexer.run();
    expect(indexed()).toBe(1);
    expect(ids(await search(admin, 'Zhongshu'))).toEqual([waiting.id]);
  });

  it('indexes a report when a member views it', async () => {
    const viewed = await submit(t, { details: 'Zhao Benshan moves cash through the karaoke bar on Canal Street.' });
    await jsonOf(await staffRequest(t, searcher, 'GET', `/api/staff/reports/${viewed.id}`), 200);
    // Indexed just after the view is answered, not before.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await search(searcher, 'Benshan')).toEqual({ results: [expect.objectContaining({ id: viewed.id })], unindexed: 0 });
  });

  it('makes a reporter follow-up searchable once a session holding the channel has read it', async () => {
    const res = await postJson(t.app, '/api/status/messages', { trackingCode: pothole.trackingCode, body: 'The contractor is Sun Wukong Paving Ltd.' });
    expect(res.status).toBe(201);
    expect((await search(searcher, 'Wukong')).unindexed).toBe(1);
    await t.searchIndexer.run();
    expect(ids(await search(searcher, 'Wukong paving'))).toEqual([pothole.id]);
    // The old content is still found after re-indexing.
    expect(ids(await search(searcher, 'potholes'))).toEqual([pothole.id]);
  });

  it('makes a staff note searchable in the channel', async () => {
    await jsonOf(await staffRequest(t, searcher, 'POST', `/api/staff/reports/${pothole.id}/notes`, { body: 'Councillor Huang Feihong owns the paving firm.' }), 201);
    await t.searchIndexer.run();
    expect(ids(await search(searcher, 'Feihong'))).toEqual([pothole.id]);
  });
});

describe('moving a report', () => {
  it('is found under its new channel only', async () => {
    const moved = await submit(t, { details: 'Zhang Sanfeng launders money through the temple donations box.' });
    await t.searchIndexer.run();
    expect(ids(await search(officialOnly, 'Sanfeng'))).toEqual([moved.id]);
    await jsonOf(await staffRequest(t, searcher, 'POST', `/api/staff/reports/${moved.id}/move`, { channel: 'organised_crime' }), 200);
    expect(ids(await search(officialOnly, 'Sanfeng'))).toEqual([]);
    expect(ids(await search(searcher, 'Sanfeng'))).toEqual([moved.id]);
    const channels = t.db
      .prepare<[number], { slug: string }>('SELECT DISTINCT c.slug FROM search_tokens s JOIN channels c ON c.id = s.channel_id WHERE s.report_id = ?')
      .all(moved.id)
      .map((row) => row.slug);
    expect(channels).toEqual(['organised_crime']);
  });
});

describe('deleting a report', () => {
  it('deletes its tokens with it (retention purge, low-effort discard)', async () => {
    const doomed = await submit(t, { details: 'Ouyang Feng keeps the ledgers in a shoebox.' });
    await t.searchIndexer.run();
    expect(tokenCount(doomed.id)).toBeGreaterThan(3);
    await deleteReportsForGood(t.db, t.files, () => ({
      ids: [doomed.id],
      audit: { at: toSecond(t.clock.now()), actorStaffId: null, action: 'retention.purged', detail: { count: 1 } },
      summary: null,
    }));
    expect(tokenCount(doomed.id)).toBe(0);
    expect(ids(await search(searcher, 'Ouyang'))).toEqual([]);
  });
});

describe('GET /api/staff/reports/:id/related', () => {
  it('ranks leads sharing more rare tokens first, from the same channel only', async () => {
    const base = await submit(t, { category: 'sector_disorder', details: 'Ma Yun Logistics trucks with plate XYZ-9876 dump waste at Lantau creek at night.' });
    const close = await submit(t, { category: 'sector_disorder', details: 'Plate XYZ 9876 again at Lantau creek, a Ma Yun Logistics truck.' });
    const loose = await submit(t, { category: 'sector_disorder', details: 'Waste dumped near Lantau, nobody knows who.' });
    const none = await submit(t, { category: 'sector_disorder', details: 'A karaoke bar stays open past the curfew.' });
    await t.searchIndexer.run();
    const answer = await jsonOf<RelatedAnswer>(await staffRequest(t, outsider, 'GET', `/api/staff/reports/${base.id}/related`), 200);
    expect(ids(answer).slice(0, 2)).toEqual([close.id, loose.id]);
    expect(ids(answer)).not.toContain(none.id);
    expect(ids(answer)).not.toContain(base.id);
    expect(answer.related[0]?.shared).toBeGreaterThan(answer.related[1]?.shared ?? Infinity);
    // A member without the channel cannot ask.
    expect((await staffRequest(t, searcher, 'GET', `/api/staff/reports/${base.id}/related`)).status).toBe(404);
  });
});
