/**
 * Age identities derived from a secret a person holds: a reporter's tracking
 * code or a staff member's password. Only the salt, the parameters and the
 * resulting recipient are stored; whoever knows the secret can re-derive the
 * identity and nobody else can.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ChannelKeyType } from '../../contract/vocabulary';
import { identityFromSecretBytes, recipientOf } from './age';
import { deriveKey, type KdfParams } from './argon2';
import type { KdfLimiter } from './kdf-limit';

export interface DerivedIdentity {
  identity: string;
  recipient: string;
}

/**
 * One Argon2id derivation (in `limiter`'s pool), turned into an age identity
 * of the given type: X25519 unless told (a reporter of a post-quantum channel
 * gets a hybrid one, so that no stanza of the report is classical only).
 */
export async function deriveIdentity(
  secret: string,
  salt: Uint8Array,
  params: KdfParams,
  limiter: KdfLimiter,
  type: ChannelKeyType = 'x25519',
): Promise<DerivedIdentity> {
  const key = await deriveKey(secret, salt, params, limiter);
  try {
    const identity = identityFromSecretBytes(key, type);
    return { identity, recipient: await recipientOf(identity) };
  } finally {
    key.fill(0);
  }
}

/** Constant-time comparison of two recipient strings. */
export function sameRecipient(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
