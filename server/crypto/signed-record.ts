/**
 * Signed decisions (簽字確認): the canonical form a staff member's decision is
 * signed in, and how anyone holding the public key checks it, offline.
 *
 * The signed bytes are the UTF-8 of the payload, a canonical JSON object:
 *
 *   {"at":"2026-12-01T18:34:07Z","contentHash":"<64 hex>",
 *    "format":"tipline-signed-decision/1","keyId":"<16 hex>",
 *    "kind":"referral","recordId":12,"reportId":7,
 *    "signer":{"staffId":3,"username":"wang"}}
 *
 * Canonical JSON (the subset of RFC 8785 / JCS this needs): objects with
 * their keys sorted by UTF-16 code units, no whitespace, strings escaped as
 * ECMAScript's JSON.stringify does, numbers only as safe integers, no
 * undefined (such keys are left out). A payload that is not already in this
 * form is refused, so one decision has exactly one signed text.
 *
 * `contentHash` commits to the decision's content without revealing it:
 * hex SHA-256 over a random 32-byte nonce followed by the canonical JSON of
 * the content (the decrypted case record without its `nonce` field). The
 * nonce is stored inside the encrypted case record, so a database thief who
 * sees the hash cannot test guesses of a short content (an outcome, an
 * agency) against it; whoever decrypts the record can check it.
 *
 * The signature is Ed25519 over the payload bytes, base64; the key id is the
 * first 16 hex digits of SHA-256 of the raw public key (./signing.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { keyIdOf, signMessage, verifyMessage, type SigningKeyPair } from './signing';
import { SIGNED_RECORD_KINDS } from '../../contract/staff-vocabulary';

export const SIGNED_DECISION_FORMAT = 'tipline-signed-decision/1';

export type SignedRecordKind = (typeof SIGNED_RECORD_KINDS)[number];

/** A JSON value the canonical form can encode. */
export type CanonicalValue = string | number | boolean | null | undefined | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

/** What is signed: ids, kind, time, signer, key id and the content commitment. */
export interface SignedPayload {
  format: typeof SIGNED_DECISION_FORMAT;
  kind: SignedRecordKind;
  reportId: number;
  recordId: number;
  /** ISO 8601 UTC to the second. */
  at: string;
  signer: { staffId: number; username: string };
  keyId: string;
  contentHash: string;
}

/** A signed record as stored and exported: the payload text exactly as signed, and the signature. */
export interface SignedRecord {
  payload: string;
  /** Base64 Ed25519 signature of the payload's UTF-8 bytes. */
  signature: string;
}

/** The content a commitment was made to, with its nonce (from the decrypted record). */
export interface CommittedContent {
  /** Base64 of the 32-byte nonce. */
  nonce: string;
  content: CanonicalValue;
}

export type VerifyFailure = 'malformed_payload' | 'wrong_key' | 'bad_signature' | 'content_mismatch';

export type VerifyResult = { ok: true; payload: SignedPayload } | { ok: false; reason: VerifyFailure; payload: SignedPayload | null };

/** The canonical JSON text of a value (see the module comment). */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error('canonical JSON holds only safe integers');
    return String(value);
  }
  if (value === undefined) throw new Error('canonical JSON has no undefined value');
  if (Array.isArray(value)) return `[${value.map((item: CanonicalValue) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const object = value as { readonly [key: string]: CanonicalValue };
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}

/** A fresh 32-byte nonce for a content commitment, base64. */
export function newContentNonce(): string {
  return randomBytes(32).toString('base64');
}

/** Hex SHA-256 of the nonce's 32 bytes followed by the content's canonical JSON. */
export function contentCommitment(committed: CommittedContent): string {
  const nonce = Buffer.from(committed.nonce, 'base64');
  if (nonce.length !== 32) throw new Error('a content nonce is 32 bytes');
  return createHash('sha256').update(nonce).update(canonicalJson(committed.content), 'utf8').digest('hex');
}

const payloadSchema = z.strictObject({
  format: z.literal(SIGNED_DECISION_FORMAT),
  kind: z.enum(SIGNED_RECORD_KINDS),
  reportId: z.number().int().positive(),
  recordId: z.number().int().positive(),
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
  signer: z.strictObject({
    staffId: z.number().int().positive(),
    username: z.string().min(1),
  }),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The payload a text holds, or null unless it is exactly a canonical payload. */
export function parsePayload(text: string): SignedPayload | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const result = payloadSchema.safeParse(parsed);
  if (!result.success) return null;
  return canonicalJson(result.data) === text ? result.data : null;
}

/** Sign a decision: the payload (with the key id and the commitment to `committed`) and its signature. */
export function signRecord(key: SigningKeyPair, fields: Omit<SignedPayload, 'format' | 'keyId' | 'contentHash'>, committed: CommittedContent): SignedRecord {
  const payload: SignedPayload = {
    format: SIGNED_DECISION_FORMAT,
    ...fields,
    keyId: key.keyId,
    contentHash: contentCommitment(committed),
  };
  const text = canonicalJson({ ...payload });
  return { payload: text, signature: signMessage(key, text) };
}

/**
 * Check a signed record under a raw base64 Ed25519 public key: the payload
 * is canonical, names this key, carries a valid signature, and (when the
 * decrypted content and its nonce are given) commits to exactly that content.
 */
export function verifySignedRecord(record: SignedRecord, publicKey: string, content?: CommittedContent): VerifyResult {
  const payload = parsePayload(record.payload);
  if (payload === null) return { ok: false, reason: 'malformed_payload', payload: null };
  if (keyIdOf(publicKey) !== payload.keyId) return { ok: false, reason: 'wrong_key', payload };
  if (!verifyMessage(publicKey, record.payload, record.signature)) return { ok: false, reason: 'bad_signature', payload };
  if (content !== undefined) {
    let matches = false;
    try {
      matches = contentCommitment(content) === payload.contentHash;
    } catch {
      matches = false;
    }
    if (!matches) return { ok: false, reason: 'content_mismatch', payload };
  }
  return { ok: true, payload };
}
