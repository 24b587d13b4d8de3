/**
 * Thin wrappers over `age-encryption`, the only place age is called.
 *
 * Every payload Tipline stores is a standard binary age file encrypted to
 * X25519 recipients, so an export can be opened with the `age` CLI. We use
 * X25519 rather than the post-quantum hybrid type because the age CLI that
 * Debian ships (1.1) cannot read hybrid files yet.
 */
import { bech32 } from '@scure/base';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

export interface AgeKeyPair {
  /** `AGE-SECRET-KEY-1...`: never stored in clear. */
  identity: string;
  /** `age1...`: public, stored in clear. */
  recipient: string;
}

/** A fresh random X25519 identity and its recipient. */
export async function generateKeyPair(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The recipient (public key) of an identity. */
export function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

/**
 * Encode 32 secret bytes (from a KDF) as an age X25519 identity string.
 * X25519 clamps any 32 bytes into a valid scalar, so every output is usable.
 */
export function identityFromSecretBytes(secret: Uint8Array): string {
  if (secret.length !== 32) throw new RangeError('an X25519 identity needs exactly 32 bytes');
  return bech32.encode('age-secret-key-', bech32.toWords(secret), false).toUpperCase();
}

/** Encrypt to every recipient; each can decrypt on its own. */
export async function encryptTo(recipients: readonly string[], plaintext: Uint8Array | string): Promise<Uint8Array> {
  if (recipients.length === 0) throw new Error('refusing to encrypt to nobody');
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter.encrypt(plaintext);
}

/**
 * Decrypt with the first identity that matches.
 * Throws when none matches or the ciphertext was tampered with.
 */
export async function decryptWith(identities: readonly string[], ciphertext: Uint8Array): Promise<Uint8Array> {
  if (identities.length === 0) throw new Error('no identity to decrypt with');
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  return decrypter.decrypt(ciphertext);
}

/** Decrypt and decode UTF-8. */
export async function decryptText(identities: readonly string[], ciphertext: Uint8Array): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(await decryptWith(identities, ciphertext));
}
