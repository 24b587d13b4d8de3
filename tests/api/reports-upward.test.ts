/**
 * Reports upward (issue 15 item 5) through the API: an auditor downloads a
 * statistics report signed by the instance key and an audit-trail export
 * whose chain and trailer verify; both are audited; a triager is refused;
 * bad ranges get 400 invalid_input naming the field. The checkpoint an
 * export carries is checked through the seam with a checkpoint signed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCheckpointText, canonicalJson, type ExportedCheckpoint, type SignedStatisticsReport } from '../../contract/reports-upward';
import type { Statistics } from '../../contract/schemas/staff-oversight-views';
import { signMessage, verifyMessage } from '../../server/crypto/signing';
import { auditExportChunks } from '../../server/services/reports-upward';
import { verifyUpward } from '../../server/services/upward-verify';
import { auditEntries, jsonOf, submit } from '../support/casework';
import { createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

let t: TestInstance;
let auditor: string;
let triager: string;

beforeAll(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'audrey', password: 'a long enough password', role: 'auditor', channels: [] });
  await addStaff(t, { username: 'tom', password: 'a long enough password', role: 'triager', channels: ['organised_crime'] });
  auditor = await signIn(t, 'audrey', 'a long enough password');
  triager = await signIn(t, 'tom', 'a long enough password');
  await submit(t);
  await submit(t);
});
afterAll(() => t.close());

describe('GET /api/staff/reports-upward/statistics', () => {
  it('gives an auditor a file of the same numbers as /stats, signed by the instance key over the canonical report', async () => {
    const res = await staffRequest(t, auditor, 'GET', '/api/staff/reports-upward/statistics?from=2020-01-01&to=2099-12-31');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="tipline-statistics-2020-01-01-2099-12-31\.json"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    const signed = JSON.parse(bytes.toString('utf8')) as SignedStatisticsReport;
    const stats = await jsonOf<Statistics>(await staffRequest(t, auditor, 'GET', '/api/staff/stats?from=2020-01-01&to=2099-12-31'), 200);
    expect(signed.report.statistics).toEqual(stats);
    expect(signed.report).toMatchObject({
      format: 'tipline-statistics-report',
      version: 1,
      instance: { publicKey: t.signingKey.publicKeyBase64, keyId: t.signingKey.keyId },
      range: { from: '2020-01-01', to: '2099-12-31' },
      generatedBy: 'audrey',
    });
    expect(stats.total).toBe(2);
    // What an outsider does with any Ed25519 tool: the signature over the canonical bytes of `report`.
    expect(verifyMessage(t.signingKey.publicKeyBase64, canonicalJson(signed.report), signed.signature)).toBe(true);
    expect(verifyUpward(bytes, t.signingKey.publicKeyBase64)).toMatchObject({ kind: 'statistics', ok: true, problems: [] });
  });

  it('is audited with the range, and names the auditor', async () => {
    const before = auditEntries(t, 'upward.statistics_signed').length;
    await staffRequest(t, auditor, 'GET', '/api/staff/reports-upward/statistics?to=2099-01-31');
    const entries = auditEntries(t, 'upward.statistics_signed');
    expect(entries).toHaveLength(before + 1);
    const staffId = t.db.prepare<[], { id: number }>("SELECT id FROM staff WHERE username = 'audrey'").get()?.id;
    expect(entries.at(-1)).toMatchObject({ actorStaffId: staffId, detail: { from: null, to: '2099-01-31' } });
  });

  it('refuses a triager with 403 and audits nothing', async () => {
    const before = auditEntries(t, 'upward.statistics_signed').length;
    const res = await staffRequest(t, triager, 'GET', '/api/staff/reports-upward/statistics');
    expect(res.status).toBe(403);
    expect((await res.json()) as unknown).toMatchObject({ error: { code: 'forbidden' } });
    expect((await staffRequest(t, triager, 'GET', '/api/staff/reports-upward/audit-export')).status).toBe(403);
    expect(auditEntries(t, 'upward.statistics_signed')).toHaveLength(before);
  });

  it('answers a bad range with 400 invalid_input naming the field, and signs nothing', async () => {
    const before = auditEntries(t, 'upward.statistics_signed').length;
    for (const [query, field] of [
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-03-01&to=2026-02-01', 'to'],
    ] as const) {
      const res = await staffRequest(t, auditor, 'GET', `/api/staff/reports-upward/statistics?${query}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code).toBe('invalid_input');
      expect(Object.keys(body.error.fields)).toEqual([field]);
    }
    expect(auditEntries(t, 'upward.statistics_signed')).toHaveLength(before);
  });
});

describe('GET /api/staff/reports-upward/audit-export', () => {
  it('gives an auditor the whole trail as stored, its own export entry included, with a signed trailer that verifies', async () => {
    const res = await staffRequest(t, auditor, 'GET', '/api/staff/reports-upward/audit-export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const bytes = Buffer.from(await res.arrayBuffer());
    const lines = bytes.toString('utf8').trimEnd().split('\n');
    const stored = t.db.prepare<[], Record<string, unknown>>('SELECT * FROM audit_log ORDER BY id').all();
    // Header, every entry exactly as its row, trailer.
    expect(lines.slice(1, -1).map((line) => JSON.parse(line) as unknown)).toEqual(stored);
    expect(JSON.parse(lines.at(-2) ?? '{}')).toMatchObject({ action: 'upward.audit_exported', detail: JSON.stringify({ fromId: null, toId: null }) });
    expect(verifyUpward(bytes, t.signingKey.publicKeyBase64)).toMatchObject({ kind: 'audit-export', ok: true, problems: [] });
  });

  it('exports an id range, and refuses a reversed one with 400 naming toId', async () => {
    const res = await staffRequest(t, auditor, 'GET', '/api/staff/reports-upward/audit-export?fromId=2&toId=4');
    const bytes = Buffer.from(await res.arrayBuffer());
    const ids = bytes.toString('utf8').trimEnd().split('\n').slice(1, -1).map((line) => (JSON.parse(line) as { id: number }).id);
    expect(ids).toEqual([2, 3, 4]);
    expect(verifyUpward(bytes).ok).toBe(true);
    const reversed = await staffRequest(t, auditor, 'GET', '/api/staff/reports-upward/audit-export?fromId=5&toId=4');
    expect(reversed.status).toBe(400);
    expect((await reversed.json()) as unknown).toMatchObject({ error: { code: 'invalid_input', fields: { toId: expect.any(String) } } });
  });
});

describe('the checkpoint an export carries', () => {
  const head = (id: number): string => t.db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(id)?.hash ?? '';
  const checkpointAt = (entries: number, hash = head(entries)): ExportedCheckpoint => {
    const fields = { sequence: 1, entries, head: hash, time: '2026-01-01T00:00:00Z', previous: '0'.repeat(64), keyId: t.signingKey.keyId };
    return { ...fields, signature: signMessage(t.signingKey, auditCheckpointText(fields)) };
  };
  const exportWith = (checkpoint: ExportedCheckpoint): Buffer =>
    Buffer.from([...auditExportChunks({ db: t.db, signingKey: t.signingKey, now: '2026-01-02T00:00:00Z', generatedBy: 'test', checkpointWithin: () => checkpoint }, { fromId: null, toId: null })].join(''));

  it('verifies when its signature holds and the chain at its size has its head', () => {
    const result = verifyUpward(exportWith(checkpointAt(3)));
    expect(result.ok).toBe(true);
    expect(result.notes.join('\n')).toContain('checkpoint 1 (signed 2026-01-01T00:00:00Z) matches the chain at entry 3');
  });

  it('fails, naming the checkpoint, when the chain at its size has another head (a rewrite before the export)', () => {
    const result = verifyUpward(exportWith(checkpointAt(3, head(2))));
    expect(result.ok).toBe(false);
    expect(result.problems).toContain("checkpoint 1: entry 3's hash is not the signed head: the trail was rewritten");
  });

  it('fails when the checkpoint was not signed by the instance key', () => {
    const forged = { ...checkpointAt(3), signature: checkpointAt(4).signature };
    expect(verifyUpward(exportWith(forged)).problems).toContain('checkpoint 1: its signature does not verify');
  });
});
