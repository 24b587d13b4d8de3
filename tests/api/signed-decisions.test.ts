import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptTo } from '../../server/crypto/age';
import { generateSigningKey, signingSeed, signMessage } from '../../server/crypto/signing';
import { canonicalJson, verifySignedRecord } from '../../server/crypto/signed-record';
import { findChannelById } from '../../server/data/channels';
import { findLiveSigningKey } from '../../server/data/signing-keys';
import { deleteReports } from '../../server/data/retention';
import { unlockStaff } from '../../server/services/staff-keys';
import { exportSignedRecords } from '../../server/services/signed-decisions';
import { auditSignedDecisions } from '../../server/services/signed-decisions-audit';
import { addedRecordSchema, caseViewSchema, closedReportSchema, revealedContactSchema } from '../../contract/schemas/staff-views';
import { auditEntries, interferenceEntry, jsonOf, submit } from '../support/casework';
import { createTestInstance, reportWithMarker, type TestInstance } from '../support/instance';
import { addStaff, addStaffAccount, signIn, staffRequest } from '../support/staff';

const PASSWORD = 'a long enough password';
const AGENCY = 'Municipal Investigation Office SIGNEDAGENCY';

interface Signature {
  verified: boolean;
  problem: string | null;
  signer: { id: number; username: string } | null;
  at: string | null;
  keyId: string | null;
}
interface Record_ {
  id: number;
  kind: string;
  formal?: boolean;
  signature?: Signature | null;
}

let t: TestInstance;
let alice: string;
let aliceId: number;
beforeAll(async () => {
  t = await createTestInstance();
  aliceId = await addStaff(t, { username: 'alice', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
  alice = await signIn(t, 'alice', PASSWORD);
});
afterAll(() => t.close());

const post = (cookie: string, id: number, action: string, body: unknown): Promise<Response> =>
  staffRequest(t, cookie, 'POST', `/api/staff/reports/${id}/${action}`, body);
const records = async (cookie: string, id: number): Promise<Record_[]> =>
  (await jsonOf<{ caseRecords: Record_[] }>(await staffRequest(t, cookie, 'GET', `/api/staff/reports/${id}`), 200)).caseRecords;

/** Sign in through the route, as a browser does; returns the Cookie header. */
async function login(username: string, password: string): Promise<string> {
  const res = await staffRequest(t, null, 'POST', '/api/staff/login', { username, password });
  expect(res.status, await res.clone().text()).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const verifiedBy = (username: string): Signature =>
  expect.objectContaining({ verified: true, problem: null, signer: expect.objectContaining({ username }) }) as Signature;

describe('signed decisions', () => {
  it('signs a referral, a closing, an interference entry, a contact reveal and a formal note, and each verifies', async () => {
    const { id } = await submit(t, reportWithMarker('SIGNEDCASE1'));
    const note = await jsonOf<{ id: number; signature: Signature | null }>(await post(alice, id, 'notes', { body: 'An ordinary note.' }), 201);
    expect(note.signature).toBeNull();
    const formal = await jsonOf<{ signature: Signature }>(
      await post(alice, id, 'notes', { body: 'Interview record, read back and confirmed.', formal: true }),
      201,
    );
    expect(formal.signature).toEqual(verifiedBy('alice'));
    const referral = await jsonOf<{ signature: Signature }>(await post(alice, id, 'referrals', { agency: AGENCY, date: '2026-12-01' }), 201);
    expect(referral.signature).toEqual(verifiedBy('alice'));
    expect((await jsonOf<{ signature: Signature }>(await post(alice, id, 'interference', interferenceEntry()), 201)).signature).toEqual(verifiedBy('alice'));
    const reveal = await jsonOf<{ record: { signature: Signature } }>(await post(alice, id, 'reveal-contact', { reason: 'To arrange a safe interview.' }), 200);
    expect(reveal.record.signature).toEqual(verifiedBy('alice'));
    const closed = await jsonOf<{ status: string; closingRecord: { signature: Signature } }>(await post(alice, id, 'close', { outcome: 'substantiated' }), 200);
    expect(closed.status).toBe('closed');
    expect(closed.closingRecord.signature).toEqual(verifiedBy('alice'));
    // The answers are what the contract documents (the console reads them as these types).
    expect(closedReportSchema.safeParse(closed).success).toBe(true);
    expect(revealedContactSchema.safeParse(reveal).success).toBe(true);
    expect(addedRecordSchema.safeParse(formal).success).toBe(true);
    const whole = await jsonOf(await staffRequest(t, alice, 'GET', `/api/staff/reports/${id}`), 200);
    expect(caseViewSchema.safeParse(whole).error).toBeUndefined();

    // The case page checks every one again, with the decrypted content.
    const seen = await records(alice, id);
    expect(seen.map((record) => [record.kind, record.signature?.verified ?? null])).toEqual([
      ['note', null],
      ['note', true],
      ['referral', true],
      ['interference', true],
      ['contact_reveal', true],
      ['closing', true],
    ]);
    expect(seen[1]).toMatchObject({ formal: true, signature: { signer: { id: aliceId, username: 'alice' }, keyId: findLiveSigningKey(t.db, aliceId)?.keyId } });
    expect(seen[5]).toMatchObject({ kind: 'closing', outcome: 'substantiated' });

    // Stored: ids, kind, time, signer and a salted hash; nothing readable of the content.
    const rows = t.db.prepare<[number], { kind: string; payload: string }>('SELECT kind, payload FROM signed_records WHERE report_id = ? ORDER BY id').all(id);
    expect(rows.map((row) => row.kind)).toEqual(['formal_record', 'referral', 'interference', 'contact_reveal', 'closing']);
    for (const row of rows) {
      expect(row.payload).not.toContain('SIGNEDAGENCY');
      expect(row.payload).not.toContain('interview');
      expect(row.payload).not.toContain('councillor');
    }
    // Each decision's audit entry names its signed record; the whole set verifies against the audit trail.
    for (const action of ['report.referred', 'report.interference_recorded', 'report.contact_revealed', 'report.closed']) {
      expect(auditEntries(t, action).at(-1)?.detail).toMatchObject({ signedRecordId: expect.any(Number) });
    }
    expect(auditSignedDecisions(t.db).problems).toEqual([]);
    // The interference register shows each entry's check as the case page does.
    const register = await jsonOf<{ records: Record_[] }>(await staffRequest(t, alice, 'GET', '/api/staff/interference?limit=5'), 200);
    expect(register.records[0]?.signature).toEqual(verifiedBy('alice'));
  });

  it('lets signed records go with their report when it is purged, and never alone', async () => {
    const { id } = await submit(t);
    await jsonOf(await post(alice, id, 'close', { outcome: 'unsubstantiated' }), 200);
    const count = (): number => t.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM signed_records WHERE report_id = ?').get(id)?.n ?? -1;
    expect(count()).toBe(1);
    expect(() => t.db.prepare('DELETE FROM signed_records WHERE report_id = ?').run(id)).toThrow(/only with their report/);
    deleteReports(t.db, [id]);
    expect(count()).toBe(0);
  });

  it('exports what an authority needs to check each record offline, content included', async () => {
    const { id } = await submit(t);
    await jsonOf(await post(alice, id, 'referrals', { agency: AGENCY, date: '2026-12-02' }), 201);
    const unlocked = await unlockStaff(t.db, t.kdf.staff, 'alice', PASSWORD);
    const identity = unlocked?.channelIdentities.values().next().value ?? '';
    const [exported] = await exportSignedRecords(t.db, id, identity);
    if (!exported?.committed) throw new Error('expected one signed referral with its content');
    expect(exported.committed.content).toMatchObject({ type: 'referral', agency: AGENCY });
    expect(verifySignedRecord(exported, exported.publicKey, exported.committed)).toMatchObject({ ok: true, payload: { kind: 'referral', reportId: id } });
    const altered = { ...exported.committed, content: { ...(exported.committed.content as object), agency: 'Somewhere else' } };
    expect(verifySignedRecord(exported, exported.publicKey, altered)).toMatchObject({ ok: false, reason: 'content_mismatch' });
  });

  it('signs each lead a bulk action closes', async () => {
    const first = await submit(t);
    const second = await submit(t);
    const result = await jsonOf<{ changed: number[] }>(
      await staffRequest(t, alice, 'POST', '/api/staff/reports/bulk', { action: 'close', ids: [first.id, second.id], outcome: 'spam' }),
      200,
    );
    expect(result.changed).toEqual([first.id, second.id]);
    for (const { id } of [first, second]) {
      expect((await records(alice, id)).map((record) => [record.kind, record.signature?.verified])).toEqual([['closing', true]]);
    }
  });

  it('shows a record whose content was changed after signing, or whose signer key was swapped, as failing', async () => {
    const { id } = await submit(t);
    const referral = await jsonOf<{ id: number }>(await post(alice, id, 'referrals', { agency: AGENCY, date: '2026-12-03' }), 201);
    const formal = await jsonOf<{ id: number }>(await post(alice, id, 'notes', { body: 'Formal record.', formal: true }), 201);
    // Someone with the channel's public key and write access re-encrypts an altered referral, keeping the nonce.
    const channel = findChannelById(t.db, t.db.prepare<[number], { c: number }>('SELECT channel_id AS c FROM reports WHERE id = ?').get(id)?.c ?? 0);
    const unlocked = await unlockStaff(t.db, t.kdf.staff, 'alice', PASSWORD);
    const { decryptText } = await import('../../server/crypto/age');
    const body = t.db.prepare<[number], { body: Buffer }>('SELECT body FROM case_records WHERE id = ?').get(referral.id)?.body ?? Buffer.alloc(0);
    const plain = JSON.parse(await decryptText([...(unlocked?.channelIdentities.values() ?? [])], body)) as Record<string, unknown>;
    const forged = await encryptTo([channel?.recipient ?? ''], JSON.stringify({ ...plain, agency: 'A friendlier agency' }));
    t.db.prepare('UPDATE case_records SET body = ? WHERE id = ?').run(forged, referral.id);
    // And deletes the signed formal record, dropping the trigger that refuses it first.
    expect(() => t.db.prepare('DELETE FROM signed_records WHERE record_id = ?').run(formal.id)).toThrow(/only with their report/);
    t.db.exec('DROP TRIGGER signed_records_no_delete');
    t.db.prepare('DELETE FROM signed_records WHERE record_id = ?').run(formal.id);

    const seen = await records(alice, id);
    expect(seen.find((record) => record.id === referral.id)?.signature).toMatchObject({ verified: false, problem: 'content_mismatch' });
    expect(seen.find((record) => record.id === formal.id)?.signature).toMatchObject({ verified: false, problem: 'missing' });
    expect(auditSignedDecisions(t.db).problems).toEqual([expect.stringMatching(/^signed record \d+ \(audit entry \d+\): missing/)]);

    // Now the signer's public key is swapped for the attacker's (the trigger dropped first).
    const honest = findLiveSigningKey(t.db, aliceId)?.publicKey ?? '';
    t.db.exec('DROP TRIGGER staff_signing_keys_no_swap');
    t.db.prepare('UPDATE staff_signing_keys SET public_key = ? WHERE staff_id = ?').run(generateSigningKey().publicKeyBase64, aliceId);
    const afterSwap = await records(alice, id);
    expect(afterSwap.find((record) => record.kind === 'referral')?.signature).toMatchObject({ verified: false, problem: 'unknown_key' });
    expect(auditSignedDecisions(t.db).problems).toContainEqual(
      expect.stringMatching(new RegExp(`signing key [0-9a-f]{16} of staff #${aliceId}: differs .*swapped`)),
    );
    // Put it back for the other tests.
    t.db.prepare('UPDATE staff_signing_keys SET public_key = ? WHERE staff_id = ?').run(honest, aliceId);
  });

  it('shows a decision re-signed with a key the audit trail never registered as failing, and audit verify names both', async () => {
    const { id } = await submit(t);
    const referral = await jsonOf<{ id: number }>(await post(alice, id, 'referrals', { agency: AGENCY, date: '2026-12-05' }), 201);
    // An intruder adds a key of their own for the member (retired, beside the live one) and re-signs the referral with it.
    const forger = generateSigningKey();
    t.db
      .prepare('INSERT INTO staff_signing_keys (key_id, staff_id, public_key, wrapped_seed, created_at, retired_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(forger.keyId, aliceId, forger.publicKeyBase64, Buffer.alloc(1), '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z');
    const stored = t.db.prepare<[number], { id: number; payload: string }>('SELECT id, payload FROM signed_records WHERE record_id = ?').get(referral.id);
    if (!stored) throw new Error('the referral should be signed');
    const payload = canonicalJson({ ...(JSON.parse(stored.payload) as Record<string, string>), keyId: forger.keyId });
    t.db.exec('DROP TRIGGER IF EXISTS signed_records_no_update');
    t.db
      .prepare('UPDATE signed_records SET payload = ?, signature = ?, key_id = ? WHERE id = ?')
      .run(payload, signMessage(forger, payload), forger.keyId, stored.id);

    expect((await records(alice, id)).find((record) => record.id === referral.id)?.signature).toMatchObject({ verified: false, problem: 'unknown_key' });
    const problems = auditSignedDecisions(t.db).problems;
    expect(problems).toContainEqual(`signing key ${forger.keyId} of staff #${aliceId}: never registered in the audit trail`);
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^signed record ${stored.id} .*signed with key ${forger.keyId}, which the audit trail never registered`)),
    );
    t.db.exec('DROP TRIGGER IF EXISTS signed_records_no_delete');
    t.db.prepare('DELETE FROM signed_records WHERE id = ?').run(stored.id);
    t.db.exec('DROP TRIGGER IF EXISTS staff_signing_keys_no_delete');
    t.db.prepare('DELETE FROM staff_signing_keys WHERE key_id = ?').run(forger.keyId);
  });

  it('refuses a decision from a session holding no signing key: 409 signing_key_unavailable, nothing stored', async () => {
    const { id } = await submit(t);
    const unlocked = await unlockStaff(t.db, t.kdf.staff, 'alice', PASSWORD);
    if (!unlocked) throw new Error('alice should unlock');
    const { token } = t.sessions.create(
      { ...unlocked, staffId: unlocked.id, personalRecipient: unlocked.recipient, signingKey: null, restriction: null },
      t.clock.now().getTime(),
    );
    const keyless = `tipline_staff=${token}`;
    expect(await jsonOf(await post(keyless, id, 'referrals', { agency: AGENCY, date: '2026-12-04' }), 409)).toMatchObject({
      error: { code: 'signing_key_unavailable' },
    });
    expect(await jsonOf(await post(keyless, id, 'close', { outcome: 'spam' }), 409)).toMatchObject({ error: { code: 'signing_key_unavailable' } });
    // An ordinary note needs no signature.
    await jsonOf(await post(keyless, id, 'notes', { body: 'Just a note.' }), 201);
    expect((await records(alice, id)).map((record) => record.kind)).toEqual(['note']);
  });
});

describe('staff signing keys', () => {
  it('registers a key with each new account, in the audit trail with its key id and public key', async () => {
    const { id } = await addStaffAccount(t, { username: 'bao', password: PASSWORD, role: 'triager', channels: [] });
    const key = findLiveSigningKey(t.db, id);
    expect(key?.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(auditEntries(t, 'staff.signing_key_registered').at(-1)).toMatchObject({
      actorStaffId: id,
      detail: { staffId: id, keyId: key?.keyId, publicKey: key?.publicKey },
    });
  });

  it('gives an account that has none a key at its next sign-in; password change and recovery keep it', async () => {
    const { id, recoveryCode } = await addStaffAccount(t, { username: 'dong', password: PASSWORD, role: 'triager', channels: ['official_protection'] });
    // An account made before signed decisions: no key (the trigger that keeps registered keys is dropped to make one).
    t.db.exec('DROP TRIGGER IF EXISTS staff_signing_keys_no_delete');
    t.db.prepare('DELETE FROM staff_signing_keys WHERE staff_id = ?').run(id);
    const before = auditEntries(t, 'staff.signing_key_registered').length;
    let cookie = await login('dong', PASSWORD);
    const key = findLiveSigningKey(t.db, id);
    expect(key).not.toBeNull();
    expect(auditEntries(t, 'staff.signing_key_registered').slice(before)).toEqual([
      expect.objectContaining({ detail: { staffId: id, keyId: key?.keyId, publicKey: key?.publicKey } }),
    ]);
    const { id: reportId } = await submit(t);
    expect((await jsonOf<{ signature: Signature }>(await post(cookie, reportId, 'notes', { body: 'Signed first.', formal: true }), 201)).signature).toEqual(
      verifiedBy('dong'),
    );
    // Signing in again finds the same key: nothing new is registered.
    cookie = await login('dong', PASSWORD);
    expect(auditEntries(t, 'staff.signing_key_registered').length).toBe(before + 1);

    // The key never reaches the browser.
    const seed = signingSeed((await unlockStaff(t.db, t.kdf.staff, 'dong', PASSWORD))?.signingKey ?? (undefined as never)).toString('base64');
    const me = await (await staffRequest(t, cookie, 'GET', '/api/staff/me')).text();
    expect(me).not.toContain(seed);
    expect(t.logLines.join('\n')).not.toContain(seed);

    const changed = await staffRequest(t, cookie, 'POST', '/api/staff/password', { currentPassword: PASSWORD, newPassword: 'dong new password 1234' });
    expect(changed.status).toBe(200);
    cookie = await login('dong', 'dong new password 1234');
    expect(
      (await jsonOf<{ signature: Signature }>(await post(cookie, reportId, 'notes', { body: 'After the change.', formal: true }), 201)).signature,
    ).toMatchObject({ verified: true, keyId: key?.keyId });

    const { recoveryCode: fresh } = (await changed.json()) as { recoveryCode: string };
    expect(fresh).not.toBe(recoveryCode);
    const recovered = await staffRequest(t, null, 'POST', '/api/staff/recover', {
      username: 'dong',
      recoveryCode: fresh,
      newPassword: 'dong third password 12',
    });
    expect(recovered.status).toBe(200);
    cookie = await login('dong', 'dong third password 12');
    expect(
      (await jsonOf<{ signature: Signature }>(await post(cookie, reportId, 'notes', { body: 'After recovery.', formal: true }), 201)).signature,
    ).toMatchObject({ verified: true, keyId: key?.keyId });
    expect(auditEntries(t, 'staff.signing_key_registered').length).toBe(before + 1);
    expect((await records(cookie, reportId)).map((record) => record.signature?.verified)).toEqual([true, true, true]);
  });
});
