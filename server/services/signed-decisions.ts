/**
 * Signed decisions (簽字確認): which case records are signed, signing them
 * with the acting member's key inside the write's transaction, and checking
 * them for the case page. The signed form itself is in
 * server/crypto/signed-record.ts; the checks that need no decryption
 * (`tipline audit verify`) are in ./signed-decisions-audit.ts.
 */
import type { StaffSession } from '../auth/session-store';
import { decryptText } from '../crypto/age';
import { newContentNonce, signRecord, verifySignedRecord, type CanonicalValue, type CommittedContent } from '../crypto/signed-record';
import { listCaseRecords, type CaseRecord } from '../data/case-records';
import type { Db } from '../data/database';
import { auditedKeyRegistration, insertSignedRecord, listSignedRecords, type StoredSignedRecord } from '../data/signed-records';
import { findSigningKey, type SigningKeyRecord } from '../data/signing-keys';
import { fail } from '../errors';
import { toSecond } from '../time';
import type { SignatureView } from '../../contract/schemas/staff-views';
import type { SignatureProblem, SignedRecordKind } from '../../contract/vocabulary';
import type { CaseRecordBody } from './case-record-bodies';

/** The signed kind of a body, or null when it is not a decision (an ordinary note). */
export function signedKindOf(body: CaseRecordBody): SignedRecordKind | null {
  if (body.type === 'note') return body.formal === true ? 'formal_record' : null;
  return body.type;
}

/** The body with a fresh commitment nonce when it is a decision; unchanged otherwise. */
export function sealIfSigned<T extends CaseRecordBody>(body: T): T {
  return signedKindOf(body) === null ? body : { ...body, nonce: newContentNonce() };
}

/** The nonce and the content a decision's signature commits to (the body without its nonce); null without a nonce. */
export function committedContentOf(body: CaseRecordBody): CommittedContent | null {
  const { nonce, ...content } = body;
  return nonce === undefined ? null : { nonce, content: content as CanonicalValue };
}

/**
 * Sign a sealed decision that was just stored as case record `recordId`.
 * Runs inside the write's transaction: no signature, no decision. Returns
 * the signed record's id, or null for a body that is not a decision.
 */
export function signDecision(db: Db, session: StaffSession, decision: { reportId: number; recordId: number; body: CaseRecordBody }, now: Date): number | null {
  const kind = signedKindOf(decision.body);
  const committed = committedContentOf(decision.body);
  if (kind === null || committed === null) return null;
  if (session.signingKey === null) throw fail('signing_key_unavailable');
  const at = toSecond(now);
  const signed = signRecord(
    session.signingKey,
    { kind, reportId: decision.reportId, recordId: decision.recordId, at, signer: { staffId: session.staffId, username: session.username } },
    committed,
  );
  return insertSignedRecord(db, {
    reportId: decision.reportId,
    recordId: decision.recordId,
    kind,
    staffId: session.staffId,
    keyId: session.signingKey.keyId,
    ...signed,
    createdAt: at,
  });
}

const failed = (problem: SignatureProblem, signed: Pick<SignatureView, 'signer' | 'at' | 'keyId'>): SignatureView => ({ verified: false, problem, ...signed });

/**
 * Check one record's signature with its decrypted body: the signed record
 * exists when the body says it was signed, the key is the signer's
 * registered one, the payload names this record, the signature holds and
 * the content is what was signed. Null for a record that is not a decision.
 */
export function checkSignature(
  record: Pick<CaseRecord, 'id' | 'reportId'>,
  body: CaseRecordBody,
  signed: StoredSignedRecord | undefined,
  keyOf: (keyId: string) => SigningKeyRecord | null,
): SignatureView | null {
  const kind = signedKindOf(body);
  if (signed === undefined) {
    // Signed decisions carry a nonce; without one the record predates signing.
    return kind !== null && body.nonce !== undefined ? failed('missing', { signer: null, at: null, keyId: null }) : null;
  }
  const key = keyOf(signed.keyId);
  const result = verifySignedRecord(signed, key?.publicKey ?? '', committedContentOf(body) ?? { nonce: '', content: null });
  const payload = result.payload;
  const seen = { signer: payload ? { id: payload.signer.staffId, username: payload.signer.username } : null, at: payload?.at ?? null, keyId: signed.keyId };
  if (key === null || key.staffId !== signed.staffId) return failed('unknown_key', seen);
  if (
    payload === null ||
    payload.reportId !== record.reportId ||
    payload.recordId !== record.id ||
    payload.kind !== kind ||
    payload.signer.staffId !== signed.staffId
  ) {
    return failed('wrong_record', seen);
  }
  if (!result.ok) {
    const problems = {
      content_mismatch: 'content_mismatch',
      wrong_key: 'unknown_key',
      malformed_payload: 'wrong_record',
      bad_signature: 'bad_signature',
    } as const;
    return failed(problems[result.reason], seen);
  }
  return { verified: true, problem: null, ...seen };
}

/** The check of a decision just stored (what the action answers, so the console shows it at once). */
export function signatureOfNew(db: Db, record: { id: number; reportId: number }, body: CaseRecordBody): SignatureView | null {
  return checkSignature(record, body, signedRecordsByRecord(db, record.reportId).get(record.id), signingKeyLookup(db));
}

/**
 * A key by its id as both the key table and the audit trail registered it;
 * null when either lacks it or they differ (a swapped key). Looked up once
 * per request.
 */
export function signingKeyLookup(db: Db): (keyId: string) => SigningKeyRecord | null {
  const cache = new Map<string, SigningKeyRecord | null>();
  const lookUp = (keyId: string): SigningKeyRecord | null => {
    const stored = findSigningKey(db, keyId);
    const audited = auditedKeyRegistration(db, keyId);
    return stored !== null && audited !== null && audited.publicKey === stored.publicKey && audited.staffId === stored.staffId ? stored : null;
  };
  return (keyId) => {
    if (!cache.has(keyId)) cache.set(keyId, lookUp(keyId));
    return cache.get(keyId) ?? null;
  };
}

/** A report's signed records by the case record they sign. */
export function signedRecordsByRecord(db: Db, reportId: number): Map<number, StoredSignedRecord> {
  return new Map(listSignedRecords(db, reportId).map((signed) => [signed.recordId, signed]));
}

/** One signed decision as a referral package carries it: enough for an authority to check it offline. */
export interface ExportedSignedRecord {
  recordId: number;
  kind: SignedRecordKind;
  /** The canonical payload exactly as signed (server/crypto/signed-record.ts). */
  payload: string;
  /** Base64 Ed25519 signature of the payload's UTF-8 bytes. */
  signature: string;
  /** The signer's raw Ed25519 public key, base64, as registered (and audited) for them. */
  publicKey: string;
  keyId: string;
  /** The decrypted content and its nonce: `verifySignedRecord(record, publicKey, committed)` checks the commitment. */
  committed: CommittedContent | null;
}

/**
 * A report's signed decisions with what an authority needs to check them
 * offline: payload, signature, the signer's registered public key, and the
 * decrypted content with its nonce. Decrypts with the channel identity; the
 * caller decides what goes into a package and audits it.
 */
export async function exportSignedRecords(db: Db, reportId: number, channelIdentity: string): Promise<ExportedSignedRecord[]> {
  const signed = signedRecordsByRecord(db, reportId);
  const keyOf = signingKeyLookup(db);
  const out: ExportedSignedRecord[] = [];
  for (const record of listCaseRecords(db, reportId)) {
    const stored = signed.get(record.id);
    if (stored === undefined) continue;
    const body = JSON.parse(await decryptText([channelIdentity], record.body)) as CaseRecordBody;
    out.push({
      recordId: record.id,
      kind: stored.kind,
      payload: stored.payload,
      signature: stored.signature,
      publicKey: keyOf(stored.keyId)?.publicKey ?? '',
      keyId: stored.keyId,
      committed: committedContentOf(body),
    });
  }
  return out;
}
