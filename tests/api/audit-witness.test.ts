/**
 * POST /api/staff/audit/consistency: a console's remembered checkpoint
 * against the trail as it is now — extended (consistent), rewritten (fork),
 * shortened (cut) or not this instance's (bad_signature); every mismatch is
 * written to the trail itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointBody, type ConsistencyResponse, type SignedCheckpoint } from '../../contract/audit-checkpoint';
import type { AuditTrailPage } from '../../contract/schemas/staff-oversight-views';
import { verifyMessage } from '../../server/crypto/signing';
import { cutTail, deleteCheckpointsBeyond, firstEntryWith, rewriteEntry } from '../support/audit-attacks';
import { ADMIN, createTestInstance, type TestInstance } from '../support/instance';
import { addStaff, signIn, staffRequest } from '../support/staff';

const PASSWORD = 'witness password 1234';
let t: TestInstance;
let admin: string;

beforeEach(async () => {
  t = await createTestInstance();
  await addStaff(t, { username: 'auditor', password: PASSWORD, role: 'auditor', channels: [] });
  admin = await signIn(t, ADMIN.username, ADMIN.password);
});
afterEach(() => t.close());

async function ask(cookie: string, remembered: SignedCheckpoint | null): Promise<ConsistencyResponse> {
  const res = await staffRequest(t, cookie, 'POST', '/api/staff/audit/consistency', { remembered });
  expect(res.status).toBe(200);
  return (await res.json()) as ConsistencyResponse;
}

/** The checkpoint a console is given (and remembers) on an undamaged trail. */
async function seenBy(cookie: string): Promise<SignedCheckpoint> {
  const { current } = await ask(cookie, null);
  if (current === null) throw new Error('an undamaged trail always has a current checkpoint');
  return current;
}

function mismatches(): { actor: number | null; detail: Record<string, unknown> }[] {
  return t.db
    .prepare<[], { actor: number | null; detail: string }>(
      "SELECT actor_staff_id AS actor, detail FROM audit_log WHERE action = 'audit.witness_mismatch' ORDER BY id",
    )
    .all()
    .map((row) => ({ actor: row.actor, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}

/** Audited work: each search is a staff.searched entry. */
async function work(times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) expect((await staffRequest(t, admin, 'POST', '/api/staff/search', { q: `noodle shop ${i}` })).status).toBe(200);
}

const entries = (): number => t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()?.n ?? 0;

describe('a console at its first sign-in', () => {
  it('gets a checkpoint covering the whole trail, signed by the instance key it is given', async () => {
    const answer = await ask(admin, null);
    expect(answer.result).toBe('first_sight');
    expect(answer.publicKey).toBe(t.signingKey.publicKeyBase64);
    const current = await seenBy(admin);
    expect(current.entries).toBe(entries());
    expect(verifyMessage(answer.publicKey, checkpointBody(current), current.signature)).toBe(true);
    expect(mismatches()).toEqual([]);
  });

  it('is any staff member: an auditor is a witness too; without a session it is 401', async () => {
    const auditor = await signIn(t, 'auditor', PASSWORD);
    expect((await ask(auditor, null)).result).toBe('first_sight');
    const res = await t.app.request('/api/staff/audit/consistency', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
      body: JSON.stringify({ remembered: null }),
    });
    expect(res.status).toBe(401);
  });

  it('sending something that is not a checkpoint gets 400 invalid_input naming the field', async () => {
    const res = await staffRequest(t, admin, 'POST', '/api/staff/audit/consistency', { remembered: { sequence: 1, entries: 'many' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, unknown> } };
    expect(body.error.code).toBe('invalid_input');
    expect(Object.keys(body.error.fields)).toContain('remembered.entries');
  });
});

describe('a console that remembers a checkpoint', () => {
  it('sees the trail extend it: consistent, with a newer checkpoint chained after it', async () => {
    const seen = await seenBy(admin);
    await work(2);
    const answer = await ask(admin, seen);
    expect(answer.result).toBe('consistent');
    expect(answer.current?.entries).toBeGreaterThan(seen.entries);
    expect(answer.current?.sequence).toBeGreaterThan(seen.sequence);
    expect(mismatches()).toEqual([]);
  });

  it('sees a fork when an entry it covered was rewritten (later hashes recomputed), and the mismatch is audited', async () => {
    await work(3);
    const seen = await seenBy(admin);
    await work(1);
    rewriteEntry(t.dataDir, firstEntryWith(t.dataDir, 'staff.searched'), 'staff.notifications_changed');
    const answer = await ask(admin, seen);
    expect(answer.result).toBe('fork');
    expect(mismatches()).toEqual([{ actor: 1, detail: { problem: 'fork', sequence: seen.sequence, entries: seen.entries } }]);
  });

  it('sees a cut when the trail is shorter than what it saw, even with the checkpoints deleted, and the mismatch is audited', async () => {
    await work(4);
    const seen = await seenBy(admin);
    cutTail(t.dataDir, seen.entries - 2);
    deleteCheckpointsBeyond(t.dataDir, seen.entries - 2);
    const answer = await ask(admin, seen);
    expect(answer.result).toBe('cut');
    // Nothing is signed over the cut: the checkpoint file still names the longer trail.
    expect(answer.current).toBeNull();
    expect(mismatches()).toEqual([{ actor: 1, detail: { problem: 'cut', sequence: seen.sequence, entries: seen.entries } }]);
  });

  it('is told bad_signature for a checkpoint this instance did not sign, and that is audited too', async () => {
    const seen = await seenBy(admin);
    const altered = { ...seen, head: seen.head.replace(/^./, seen.head.startsWith('0') ? '1' : '0') };
    expect((await ask(admin, altered)).result).toBe('bad_signature');
    expect(mismatches().map((entry) => entry.detail['problem'])).toEqual(['bad_signature']);
  });
});

describe('the audit page (GET /api/staff/audit)', () => {
  it('reports the signed checkpoints verified on a clean trail, and not matching after a rewrite the plain chain misses', async () => {
    await work(3);
    await seenBy(admin);
    const before = (await (await staffRequest(t, admin, 'GET', '/api/staff/audit')).json()) as AuditTrailPage;
    expect(before.checkpoints).toMatchObject({ ok: true, count: 1, latest: { sequence: 1 } });

    rewriteEntry(t.dataDir, firstEntryWith(t.dataDir, 'staff.searched'), 'staff.notifications_changed');
    const after = (await (await staffRequest(t, admin, 'GET', '/api/staff/audit')).json()) as AuditTrailPage;
    expect(after.chain.ok).toBe(true);
    expect(after.checkpoints.ok).toBe(false);
  });
});
