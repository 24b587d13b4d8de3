/**
 * Thin wrappers over `age-encryption`, the only place age is called.
 *
 * Every payload Tipline stores is a standard binary age file encrypted to
 * X25519 recipients, so an export can be opened with the `age` CLI. We use
 * X25519 rather than the post-quantum hybrid type because the age CLI that
 * Debian ships (1.1) cannot read hybrid files yet. The library writes and
 * reads the files; the X25519 stanzas are wrapped and unwrapped with
 * node:crypto (x25519-native.ts), an order of magnitude faster.
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { encodeIdentity, generateX25519KeyPair, NativeX25519Identity, NativeX25519Recipient } from './x25519-native';

export interface AgeKeyPair {
  /** `AGE-SECRET-KEY-1...`: never stored in clear. */
  identity: string;
  /** `age1...`: public, stored in clear. */
  recipient: string;
}

/** A fresh random X25519 identity and its recipient. */
export async function generateKeyPair(): Promise<AgeKeyPair> {
  return generateX25519KeyPair();
}

/** The recipient (public key) of an identity. */
export async function recipientOf(identity: string): Promise<string> {
  return new NativeX25519Identity(identity).recipient;
}

/**
 * Encode 32 secret bytes (from a KDF) as an age X25519 identity string.
 * X25519 clamps any 32 bytes into a valid scalar, so every output is usable.
 */
export function identityFromSecretBytes(secret: Uint8Array): string {
  return encodeIdentity(secret);
}

/** Encrypt to every recipient; each can decrypt on its own. */
export async function encryptTo(recipients: readonly string[], plaintext: Uint8Array | string): Promise<Uint8Array> {
  return encrypterFor(recipients).encrypt(plaintext);
}

/** An Encrypter to every `age1...` recipient; throws at once on an empty list or a bad recipient. */
export function encrypterFor(recipients: readonly string[]): Encrypter {
  if (recipients.length === 0) throw new Error('refusing to encrypt to nobody');
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(new NativeX25519Recipient(recipient));
  return encrypter;
}

/** A Decrypter trying each `AGE-SECRET-KEY-1...` identity in turn; throws at once on an empty list or a bad identity. */
export function decrypterFor(identities: readonly string[]): Decrypter {
  if (identities.length === 0) throw new Error('no identity to decrypt with');
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(new NativeX25519Identity(identity));
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
