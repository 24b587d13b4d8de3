/**
 * Staff key custody: a member's personal age identity is wrapped to an
 * identity derived from their password (one Argon2id derivation; age's header
 * MAC verifies the password), and channel identities are wrapped to the
 * member's personal recipient. Unwrapped keys live only in memory.
 */
import { decryptText, encryptTo, generateKeyPair } from '../crypto/age';
import { newSalt, parseKdfParams, type KdfPool } from '../crypto/argon2';
import type { KdfLimiter } from '../crypto/kdf-limit';
import { deriveIdentity } from '../crypto/derived-identity';
import type { Db } from '../data/database';
import { randomBytes } from 'node:crypto';
import { findGrantsForStaff, findStaffByUsername, type NewStaff, type WrappedIdentity } from '../data/staff';
import { findLiveSigningKey, registerSigningKey, type NewSigningKey } from '../data/signing-keys';
import { generateSigningKey, signingKeyFromSeed, signingSeed, type SigningKeyPair } from '../crypto/signing';
import { MIN_PASSWORD_LENGTH } from '../../contract/limits';
import type { StaffRole } from '../../contract/vocabulary';

export interface UnlockedStaff {
  id: number;
  username: string;
  role: StaffRole;
  recipient: string;
  /** The personal identity (AGE-SECRET-KEY-1...), in memory only. */
  personalIdentity: string;
  /** Channel id -> channel identity (AGE-SECRET-KEY-1...), in memory only. */
  channelIdentities: Map<number, string>;
  /** The member's Ed25519 signing key, in memory only; null until one is registered (see ensureSigningKey). */
  signingKey: SigningKeyPair | null;
}

/**
 * Make an account's keys (slow: key generation and two Argon2id derivations,
 * for the password and the recovery code) without touching the database, so
 * callers can write everything in one synchronous transaction. The recovery
 * code is returned once and never stored.
 */
export async function prepareStaffAccount(
  kdf: KdfPool,
  account: { username: string; password: string; role: StaffRole; mustChangePassword?: boolean },
): Promise<{ account: NewStaff; recoveryCode: string }> {
  checkPasswordStrength(account.password);
  const personal = await generateKeyPair();
  const recoveryCode = generateRecoveryCode();
  return {
    account: {
      username: account.username,
      role: account.role,
      recipient: personal.recipient,
      signingKey: await newWrappedSigningKey(personal.recipient),
      password: await wrapIdentityUnder(account.password, personal.identity, kdf),
      recovery: await wrapIdentityUnder(normalizeRecoveryCode(recoveryCode), personal.identity, kdf),
      mustChangePassword: account.mustChangePassword ?? false,
    },
    recoveryCode,
  };
}

/**
 * A fresh signing key with its seed age-encrypted to the member's personal
 * recipient, as channel identities are: whatever unwraps the personal
 * identity (password, recovery code) unwraps this too, so changing the
 * password or recovering the account needs no extra step.
 */
async function newWrappedSigningKey(personalRecipient: string): Promise<NewSigningKey> {
  const pair = generateSigningKey();
  return { keyId: pair.keyId, publicKey: pair.publicKeyBase64, wrappedSeed: await encryptTo([personalRecipient], signingSeed(pair).toString('base64')) };
}

/**
 * The member's signing key unwrapped with their personal identity; null when
 * none is registered, or when the wrapped seed is not the registered key's
 * (someone replaced it: signing with it would make signatures nobody can
 * check, so the member signs nothing until an operator looks).
 */
async function unwrapSigningKey(db: Db, staffId: number, personalIdentity: string): Promise<SigningKeyPair | null> {
  const stored = findLiveSigningKey(db, staffId);
  if (!stored) return null;
  try {
    const pair = signingKeyFromSeed(Buffer.from(await decryptText([personalIdentity], stored.wrappedSeed), 'base64'));
    return pair.publicKeyBase64 === stored.publicKey ? pair : null;
  } catch {
    return null;
  }
}

/**
 * Give an account made before signed decisions its signing key (at sign-in,
 * the only time its personal recipient's owner is present); returns the
 * member's key either way. Two sign-ins at once register one key: the
 * second finds the first's.
 */
export async function ensureSigningKey(db: Db, staff: UnlockedStaff, at: string): Promise<UnlockedStaff> {
  if (staff.signingKey !== null) return staff;
  if (findLiveSigningKey(db, staff.id) === null) {
    const key = await newWrappedSigningKey(staff.recipient);
    db.transaction(() => {
      if (findLiveSigningKey(db, staff.id) === null) registerSigningKey(db, staff.id, key, at);
    }).immediate();
  }
  return { ...staff, signingKey: await unwrapSigningKey(db, staff.id, staff.personalIdentity) };
}

/** Refuse passwords too short to resist guessing. */
export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`a staff password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

/** Wrap a personal identity under a key derived from a secret (one Argon2id derivation). */
export async function wrapIdentityUnder(secret: string, personalIdentity: string, kdf: KdfPool): Promise<WrappedIdentity> {
  const salt = newSalt();
  const wrapKey = await deriveIdentity(secret, salt, kdf.params, kdf.limiter);
  return { wrappedIdentity: await encryptTo([wrapKey.recipient], personalIdentity), salt, kdf: JSON.stringify(kdf.params) };
}

/** Unwrap a personal identity with its secret (derived in `limiter`'s pool); null when the secret is wrong. */
export async function unwrapIdentity(
  secret: string,
  wrapped: { wrappedIdentity: Uint8Array; salt: Uint8Array; kdf: string },
  limiter: KdfLimiter,
): Promise<string | null> {
  const wrapKey = await deriveIdentity(secret, wrapped.salt, parseKdfParams(wrapped.kdf), limiter);
  try {
    return await decryptText([wrapKey.identity], wrapped.wrappedIdentity);
  } catch {
    return null;
  }
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L

/** A recovery code: 5 groups of 5 characters from a 31-letter alphabet (~124 bits). */
export function generateRecoveryCode(): string {
  const chars: string[] = [];
  while (chars.length < 25) {
    const byte = randomBytes(1)[0] ?? 255;
    if (byte < 248) chars.push(RECOVERY_ALPHABET[byte % 31] ?? ''); // 248 = 8 * 31: no modulo bias
  }
  return [0, 5, 10, 15, 20].map((at) => chars.slice(at, at + 5).join('')).join('-');
}

/** Upper case, separators dropped: how a recovery code is fed to Argon2id. */
export function normalizeRecoveryCode(code: string): string {
  return code.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A channel identity wrapped for one member (age-encrypted to their personal recipient). */
export function wrapChannelIdentity(memberRecipient: string, channelIdentity: string): Promise<Uint8Array> {
  return encryptTo([memberRecipient], channelIdentity);
}

/**
 * Unwrap a member's keys with their password. Null for an unknown user, a
 * disabled account or a wrong password, after the same Argon2id work.
 */
export async function unlockStaff(db: Db, kdf: KdfPool, username: string, password: string): Promise<UnlockedStaff | null> {
  const record = findStaffByUsername(db, username);
  if (!record || record.disabled) {
    await deriveIdentity(password, newSalt(), kdf.params, kdf.limiter); // same cost as a real attempt
    return null;
  }
  const personalIdentity = await unwrapIdentity(
    password,
    { wrappedIdentity: record.wrappedIdentity, salt: record.passwordSalt, kdf: record.passwordKdf },
    kdf.limiter,
  );
  if (personalIdentity === null) return null;
  return unlockWithIdentity(db, record, personalIdentity);
}

/** Unwrap every channel grant of a member whose personal identity is known. */
export async function unlockWithIdentity(
  db: Db,
  record: { id: number; username: string; role: StaffRole; recipient: string },
  personalIdentity: string,
): Promise<UnlockedStaff> {
  const channelIdentities = new Map<number, string>();
  for (const grant of findGrantsForStaff(db, record.id)) {
    channelIdentities.set(grant.channelId, await decryptText([personalIdentity], grant.wrappedIdentity));
  }
  return {
    id: record.id,
    username: record.username,
    role: record.role,
    recipient: record.recipient,
    personalIdentity,
    channelIdentities,
    signingKey: await unwrapSigningKey(db, record.id, personalIdentity),
  };
}
