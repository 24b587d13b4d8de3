/**
 * Staff key custody: a member's personal age identity is wrapped to an
 * identity derived from their password (one Argon2id derivation; age's header
 * MAC verifies the password), and channel identities are wrapped to the
 * member's personal recipient. Unwrapped keys live only in memory.
 */
import { decryptText, encryptTo, generateKeyPair } from '../crypto/age';
import { newSalt, parseKdfParams, type KdfParams } from '../crypto/argon2';
import { deriveIdentity } from '../crypto/derived-identity';
import type { Db } from '../data/database';
import { findGrantsForStaff, findStaffByUsername, type NewStaff, type StaffRole } from '../data/staff';

export const MIN_PASSWORD_LENGTH = 12;

export interface UnlockedStaff {
  id: number;
  username: string;
  role: StaffRole;
  recipient: string;
  /** Channel id -> channel identity (AGE-SECRET-KEY-1...), in memory only. */
  channelIdentities: Map<number, string>;
}

/**
 * Make an account's keys (slow: key generation and one Argon2id derivation)
 * without touching the database, so callers can write everything in one
 * synchronous transaction.
 */
export async function prepareStaffAccount(
  kdf: KdfParams,
  account: { username: string; password: string; role: StaffRole },
): Promise<NewStaff> {
  if (account.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`a staff password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const personal = await generateKeyPair();
  const salt = newSalt();
  const wrapKey = await deriveIdentity(account.password, salt, kdf);
  return {
    username: account.username,
    role: account.role,
    recipient: personal.recipient,
    wrappedIdentity: await encryptTo([wrapKey.recipient], personal.identity),
    passwordSalt: salt,
    passwordKdf: JSON.stringify(kdf),
  };
}

/** A channel identity wrapped for one member (age-encrypted to their personal recipient). */
export function wrapChannelIdentity(memberRecipient: string, channelIdentity: string): Promise<Uint8Array> {
  return encryptTo([memberRecipient], channelIdentity);
}

/**
 * Unwrap a member's keys with their password. Null for an unknown user, a
 * disabled account or a wrong password, after the same Argon2id work.
 */
export async function unlockStaff(db: Db, kdf: KdfParams, username: string, password: string): Promise<UnlockedStaff | null> {
  const record = findStaffByUsername(db, username);
  if (!record || record.disabled) {
    await deriveIdentity(password, newSalt(), kdf); // same cost as a real attempt
    return null;
  }
  const wrapKey = await deriveIdentity(password, record.passwordSalt, parseKdfParams(record.passwordKdf));
  let personalIdentity: string;
  try {
    personalIdentity = await decryptText([wrapKey.identity], record.wrappedIdentity);
  } catch {
    return null;
  }
  const channelIdentities = new Map<number, string>();
  for (const grant of findGrantsForStaff(db, record.id)) {
    channelIdentities.set(grant.channelId, await decryptText([personalIdentity], grant.wrappedIdentity));
  }
  return { id: record.id, username: record.username, role: record.role, recipient: record.recipient, channelIdentities };
}
