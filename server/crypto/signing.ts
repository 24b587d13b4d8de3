/**
 * Ed25519 signatures: the instance's checkpoints and referral manifests,
 * and staff members' signed decisions. Node's own crypto (no dependency);
 * keys travel as raw 32-byte values in base64, the form the verifier tools
 * and a supervising body's own scripts can use without PEM parsing.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** The DER prefix of an Ed25519 PKCS#8 private key; the 32-byte seed follows it. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw public key, base64 (44 characters). */
  publicKeyBase64: string;
  /** A short name for the key: the first 16 hex digits of SHA-256 of the raw public key. */
  keyId: string;
}

/** The raw 32-byte public key of an Ed25519 key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(SPKI_PREFIX.length);
}

/** The key id of a raw base64 public key (see SigningKeyPair.keyId). */
export function keyIdOf(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
}

function pairFromPrivate(privateKey: KeyObject): SigningKeyPair {
  const publicKey = createPublicKey(privateKey);
  const publicKeyBase64 = rawPublicKey(publicKey).toString('base64');
  return {
    privateKey,
    publicKey,
    publicKeyBase64,
    keyId: keyIdOf(publicKeyBase64),
  };
}

/** A new Ed25519 key pair. */
export function generateSigningKey(): SigningKeyPair {
  return pairFromPrivate(generateKeyPairSync('ed25519').privateKey);
}

/** The 32-byte seed of a private key (what is stored, wrapped or in a 0600 file). */
export function signingSeed(pair: SigningKeyPair): Buffer {
  const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  return der.subarray(PKCS8_PREFIX.length);
}

/** The key pair a 32-byte seed stands for. */
export function signingKeyFromSeed(seed: Uint8Array): SigningKeyPair {
  if (seed.length !== 32) throw new Error(`an Ed25519 seed is 32 bytes, not ${seed.length}`);
  return pairFromPrivate(
    createPrivateKey({
      key: Buffer.concat([PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    }),
  );
}

/** A public key object from its raw base64 form; null when it is not one. */
export function publicKeyFromBase64(publicKeyBase64: string): KeyObject | null {
  const raw = Buffer.from(publicKeyBase64, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== publicKeyBase64) return null;
  try {
    return createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, raw]),
      format: 'der',
      type: 'spki',
    });
  } catch {
    return null;
  }
}

/** The base64 Ed25519 signature of `message`. */
export function signMessage(pair: Pick<SigningKeyPair, 'privateKey'>, message: Uint8Array | string): string {
  return sign(null, typeof message === 'string' ? Buffer.from(message, 'utf8') : message, pair.privateKey).toString('base64');
}

/** True when `signatureBase64` is a valid signature of `message` by the raw base64 public key. */
export function verifyMessage(publicKeyBase64: string, message: Uint8Array | string, signatureBase64: string): boolean {
  const key = publicKeyFromBase64(publicKeyBase64);
  if (key === null) return false;
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64) return false;
  try {
    return verify(null, typeof message === 'string' ? Buffer.from(message, 'utf8') : message, key, signature);
  } catch {
    return false;
  }
}
