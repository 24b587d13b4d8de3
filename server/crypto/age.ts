/**
 * Thin wrappers over `age-encryption`, the only place age is called.
 *
 * Every payload Tipline stores is a standard binary age file, so an export
 * can be opened with the `age` CLI. Two key types:
 *
 * - X25519 (`age1…`), the default: every `age` CLI reads it, Debian's 1.1
 *   included. Its stanzas are wrapped and unwrapped with node:crypto
 *   (x25519-native.ts), an order of magnitude faster than the library.
 * - Post-quantum hybrid ML-KEM-768 + X25519 (`age1pq1…`), for channels made
 *   with it (CHANNEL_KEY_TYPE=pq, or `keyType: "pq"` when an admin adds a
 *   channel). The library does the stanzas, in JavaScript: about 1 ms to
 *   derive a key and 2.5–3 ms to wrap or unwrap a file key here. Only the
 *   `age` CLI from 1.3 (or `tipline report show`) opens such files.
 *
 * The library writes and reads the header in both cases.
 */
import { bech32 } from '@scure/base';
import { Decrypter, Encrypter, generateHybridIdentity, identityToRecipient } from 'age-encryption';
import type { ChannelKeyType } from '../../contract/vocabulary';
import { encodeIdentity, generateX25519KeyPair, NativeX25519Identity, NativeX25519Recipient } from './x25519-native';

const HYBRID_RECIPIENT_PREFIX = 'age1pq1';
const HYBRID_IDENTITY_PREFIX = 'AGE-SECRET-KEY-PQ-';

/** The key type of a recipient (`age1pq1…` is hybrid, any other `age1…` X25519). */
export function keyTypeOf(recipient: string): ChannelKeyType {
  return recipient.startsWith(HYBRID_RECIPIENT_PREFIX) ? 'pq' : 'x25519';
}

function isHybridIdentity(identity: string): boolean {
  return identity.startsWith(`${HYBRID_IDENTITY_PREFIX}1`);
}

export interface AgeKeyPair {
  /** `AGE-SECRET-KEY-1...`: never stored in clear. */
  identity: string;
  /** `age1...`: public, stored in clear. */
  recipient: string;
}

/** A fresh random identity of the given type (X25519 unless told) and its recipient. */
export async function generateKeyPair(type: ChannelKeyType = 'x25519'): Promise<AgeKeyPair> {
  if (type === 'x25519') return generateX25519KeyPair();
  const identity = await generateHybridIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The recipient (public key) of an identity of either type. */
export async function recipientOf(identity: string): Promise<string> {
  if (isHybridIdentity(identity)) return identityToRecipient(identity);
  return new NativeX25519Identity(identity).recipient;
}

/**
 * Encode 32 secret bytes (from a KDF) as an age identity string of the given
 * type. X25519 clamps any 32 bytes into a valid scalar, and a hybrid identity
 * is a 32-byte seed that both its keys are expanded from, so every output is
 * usable.
 */
export function identityFromSecretBytes(secret: Uint8Array, type: ChannelKeyType = 'x25519'): string {
  if (type === 'x25519') return encodeIdentity(secret);
  if (secret.length !== 32) throw new RangeError('a hybrid identity needs exactly 32 bytes');
  // As the library's generateHybridIdentity encodes its random seed.
  return bech32.encodeFromBytes(HYBRID_IDENTITY_PREFIX, secret).toUpperCase();
}

/**
 * The key type of a recipient someone outside typed in (an authority's
 * public key), or null unless the age library parses it as an X25519 or a
 * hybrid post-quantum recipient. Tag and plugin recipients are refused: the
 * `age` CLI an authority runs must be able to open what is made for it.
 */
export function parseRecipient(recipient: string): ChannelKeyType | null {
  if (!/^age1[0-9a-z]+$/.test(recipient) || recipient.startsWith('age1tag')) return null;
  try {
    new Encrypter().addRecipient(recipient);
  } catch {
    return null;
  }
  return keyTypeOf(recipient);
}

/** Encrypt to every recipient; each can decrypt on its own. */
export async function encryptTo(recipients: readonly string[], plaintext: Uint8Array | string): Promise<Uint8Array> {
  return encrypterFor(recipients).encrypt(plaintext);
}

/**
 * An Encrypter to every recipient (`age1…` or `age1pq1…`, mixed as they
 * come: a report to a hybrid channel is also encrypted to its reporter's
 * hybrid key, but a report moved between channels of both types keeps the
 * reporter's first key). Throws at once on an empty list or a bad recipient.
 */
export function encrypterFor(recipients: readonly string[]): Encrypter {
  if (recipients.length === 0) throw new Error('refusing to encrypt to nobody');
  const encrypter = new Encrypter();
  for (const recipient of recipients) {
    // The library checks a hybrid recipient as it adds it.
    if (keyTypeOf(recipient) === 'pq') encrypter.addRecipient(recipient);
    else encrypter.addRecipient(new NativeX25519Recipient(recipient));
  }
  return encrypter;
}

/** A Decrypter trying each identity (`AGE-SECRET-KEY-1…` or `AGE-SECRET-KEY-PQ-1…`) in turn; throws at once on an empty list or a bad identity. */
export function decrypterFor(identities: readonly string[]): Decrypter {
  if (identities.length === 0) throw new Error('no identity to decrypt with');
  const decrypter = new Decrypter();
  for (const identity of identities) {
    if (isHybridIdentity(identity)) decrypter.addIdentity(identity);
    else decrypter.addIdentity(new NativeX25519Identity(identity));
  }
  return decrypter;
}

/**
 * Decrypt with the first identity that matches.
 * Throws when none matches or the ciphertext was tampered with.
 */
export async function decryptWith(identities: readonly string[], ciphertext: Uint8Array): Promise<Uint8Array> {
  return decrypterFor(identities).decrypt(ciphertext);
}

/** Decrypt and decode UTF-8. */
export async function decryptText(identities: readonly string[], ciphertext: Uint8Array): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(await decryptWith(identities, ciphertext));
}
