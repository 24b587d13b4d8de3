/**
 * Staff members' Ed25519 signing keys: the public key in clear, the seed
 * age-encrypted to the member's personal recipient. Registering a key also
 * writes it to the audit trail (key id and public key), in the same
 * transaction, so a swapped key no longer matches the chain.
 */
import { appendAudit } from './audit';
import type { Db } from './database';

export interface SigningKeyRecord {
  keyId: string;
  staffId: number;
  /** Raw Ed25519 public key, base64. */
  publicKey: string;
  /** The 32-byte seed (base64 text) age-encrypted to the member's personal recipient. */
  wrappedSeed: Buffer;
  createdAt: string;
}

/** A key to register: made by the member's own account, wrapped already. */
export interface NewSigningKey {
  keyId: string;
  publicKey: string;
  wrappedSeed: Uint8Array;
}

const SELECT = `SELECT key_id AS keyId, staff_id AS staffId, public_key AS publicKey, wrapped_seed AS wrappedSeed,
  created_at AS createdAt FROM staff_signing_keys`;

/** Store a member's key and audit its registration. Call inside the transaction that makes the account, or alone. */
export function registerSigningKey(db: Db, staffId: number, key: NewSigningKey, at: string): void {
  db.transaction(() => {
    db.prepare('INSERT INTO staff_signing_keys (key_id, staff_id, public_key, wrapped_seed, created_at) VALUES (?, ?, ?, ?, ?)').run(
      key.keyId,
      staffId,
      key.publicKey,
      key.wrappedSeed,
      at,
    );
    appendAudit(db, {
      at,
      actorStaffId: staffId,
      action: 'staff.signing_key_registered',
      detail: { staffId, keyId: key.keyId, publicKey: key.publicKey },
    });
  }).immediate();
}

/** The member's live signing key, or null when they have none yet. */
export function findLiveSigningKey(db: Db, staffId: number): SigningKeyRecord | null {
  return db.prepare<[number], SigningKeyRecord>(`${SELECT} WHERE staff_id = ? AND retired_at IS NULL`).get(staffId) ?? null;
}

/** A key by its id, live or retired (old signatures stay checkable), or null. */
export function findSigningKey(db: Db, keyId: string): SigningKeyRecord | null {
  return db.prepare<[string], SigningKeyRecord>(`${SELECT} WHERE key_id = ?`).get(keyId) ?? null;
}

/** Every registered key, for `tipline audit verify`. */
export function listSigningKeys(db: Db): SigningKeyRecord[] {
  return db.prepare<[], SigningKeyRecord>(`${SELECT} ORDER BY created_at, key_id`).all();
}
