/**
 * age X25519 recipients and identities (age-encryption.org/v1, "X25519"
 * stanzas) on node:crypto. They implement age-encryption's own Recipient and
 * Identity interfaces, so the library still writes and checks the header and
 * the payload; only the stanza work moves from the library's Web Crypto
 * imports and pure-JS HKDF and ChaCha20 (0.8–2.5 ms a recipient, by
 * machine) to OpenSSL (about 0.07 ms; BENCHMARKS.md).
 *
 * Only X25519 keys are handled: every key Tipline uses is one it made itself.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { base64nopad, bech32 } from '@scure/base';
import { Stanza, type Identity, type Recipient } from 'age-encryption';

const KEY_SIZE = 32;
const FILE_KEY_SIZE = 16;
const TAG_SIZE = 16;
const STANZA_TYPE = 'X25519';
const HKDF_INFO = 'age-encryption.org/v1/X25519';
// Each wrapping key seals exactly one file key, so the spec fixes the nonce at zero.
const ZERO_NONCE = Buffer.alloc(12);
const ALL_ZERO = Buffer.alloc(KEY_SIZE);
const RECIPIENT_PREFIX = 'age';
const IDENTITY_PREFIX = 'AGE-SECRET-KEY-';

/**
 * The 32 bytes of an age key string with the given bech32 prefix; throws
 * `invalid <kind>` otherwise. The error @scure/base throws on a bad checksum
 * quotes the whole string, which for an identity is nearly the secret, so it
 * is not passed on.
 */
function keyBytes(text: string, prefix: string, kind: 'recipient' | 'identity'): Uint8Array {
  try {
    const decoded = bech32.decodeToBytes(text);
    // bech32 refuses mixed case, so the case of the prefix decides the case of the whole string.
    if (text.startsWith(`${prefix}1`) && decoded.prefix === prefix.toLowerCase() && decoded.bytes.length === KEY_SIZE) return decoded.bytes;
  } catch {
    // Refused below, without the library's message.
  }
  throw new Error(`invalid ${kind}`);
}

/** The `AGE-SECRET-KEY-1...` string of a 32-byte X25519 private key. */
export function encodeIdentity(scalar: Uint8Array): string {
  if (scalar.length !== KEY_SIZE) throw new RangeError('an X25519 identity needs exactly 32 bytes');
  return bech32.encode(IDENTITY_PREFIX.toLowerCase(), bech32.toWords(scalar), false).toUpperCase();
}

function encodeRecipient(publicKey: Uint8Array): string {
  return bech32.encode(RECIPIENT_PREFIX, bech32.toWords(publicKey));
}

/**
 * A private KeyObject from 32 raw bytes. Node builds a private OKP JWK from
 * `d` alone (`x` must be a string but is not read; the public key comes from
 * `d`), and this skips OpenSSL's PKCS#8 decoder, more than ten times slower
 * here. The tests compare the recipients derived this way with the library's.
 */
function privateKeyOf(scalar: Uint8Array): KeyObject {
  // A view, not a copy, so that the caller's wipe is the only copy to wipe.
  const d = Buffer.from(scalar.buffer, scalar.byteOffset, scalar.byteLength).toString('base64url');
  return createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d, x: '' }, format: 'jwk' });
}

function publicKeyOf(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

/** The raw 32 bytes of a public key, or of the public half of a private one. */
function rawPublicKey(key: KeyObject): Buffer {
  const { x } = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('node:crypto exported an X25519 key without x');
  return Buffer.from(x, 'base64url');
}

/**
 * HKDF-SHA-256(X25519(ours, theirs), salt = ephemeral share || recipient), or
 * null when the shared secret is all zeros: theirs is a low-order point, which
 * the spec says to refuse. OpenSSL throws on it, the only way diffieHellman
 * fails with two X25519 keys; the zero check is there should a build not.
 */
function wrappingKey(ours: KeyObject, theirs: KeyObject, share: Uint8Array, recipient: Uint8Array): Buffer | null {
  let secret: Buffer;
  try {
    secret = diffieHellman({ privateKey: ours, publicKey: theirs });
  } catch {
    return null;
  }
  try {
    if (secret.length !== KEY_SIZE || timingSafeEqual(secret, ALL_ZERO)) return null;
    return Buffer.from(hkdfSync('sha256', secret, Buffer.concat([share, recipient]), HKDF_INFO, KEY_SIZE));
  } finally {
    secret.fill(0);
  }
}

function sealFileKey(fileKey: Uint8Array, key: Buffer): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: TAG_SIZE });
  const sealed = cipher.update(fileKey);
  cipher.final();
  return Buffer.concat([sealed, cipher.getAuthTag()]);
}

/** The file key, or null when the body does not authenticate under `key`. */
function openFileKey(body: Uint8Array, key: Buffer): Buffer | null {
  const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: TAG_SIZE });
  decipher.setAuthTag(body.subarray(FILE_KEY_SIZE));
  const fileKey = decipher.update(body.subarray(0, FILE_KEY_SIZE));
  try {
    decipher.final();
    return fileKey;
  } catch {
    fileKey.fill(0);
    return null;
  }
}

/** An `age1...` X25519 recipient; throws on any other string. */
export class NativeX25519Recipient implements Recipient {
  readonly #publicKey: KeyObject;
  readonly #raw: Uint8Array;

  constructor(recipient: string) {
    this.#raw = keyBytes(recipient, RECIPIENT_PREFIX, 'recipient');
    this.#publicKey = publicKeyOf(this.#raw);
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const ephemeral = generateKeyPairSync('x25519');
    const share = rawPublicKey(ephemeral.publicKey);
    const key = wrappingKey(ephemeral.privateKey, this.#publicKey, share, this.#raw);
    if (key === null) throw new Error('invalid recipient: low-order X25519 point');
    try {
      return [new Stanza([STANZA_TYPE, base64nopad.encode(share)], sealFileKey(fileKey, key))];
    } finally {
      key.fill(0);
    }
  }
}

/** The 32 bytes of an X25519 stanza's share; throws, as the library does, when the stanza is malformed. */
function shareOf(stanza: Stanza): Uint8Array {
  let share: Uint8Array | null = null;
  if (stanza.args.length === 2 && stanza.body.length === FILE_KEY_SIZE + TAG_SIZE) {
    try {
      share = base64nopad.decode(stanza.args[1] ?? '');
    } catch {
      share = null;
    }
  }
  if (share === null || share.length !== KEY_SIZE) throw new Error('invalid X25519 stanza');
  return share;
}

/** An `AGE-SECRET-KEY-1...` X25519 identity; throws on any other string. */
export class NativeX25519Identity implements Identity {
  readonly #privateKey: KeyObject;
  readonly #publicKey: Buffer;

  constructor(identity: string) {
    const scalar = keyBytes(identity, IDENTITY_PREFIX, 'identity');
    try {
      this.#privateKey = privateKeyOf(scalar);
    } finally {
      scalar.fill(0);
    }
    this.#publicKey = rawPublicKey(this.#privateKey);
  }

  /** The `age1...` recipient that encrypts to this identity. */
  get recipient(): string {
    return encodeRecipient(this.#publicKey);
  }

  /**
   * The file key from the first X25519 stanza that opens with this identity,
   * or null (another recipient's file). Throws on a malformed X25519 stanza
   * or a low-order share instead of skipping it, like the library.
   */
  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== STANZA_TYPE) continue;
      const share = shareOf(stanza);
      const key = wrappingKey(this.#privateKey, publicKeyOf(share), share, this.#publicKey);
      if (key === null) throw new Error('invalid X25519 stanza: low-order share');
      try {
        const fileKey = openFileKey(stanza.body, key);
        if (fileKey !== null) return fileKey;
      } finally {
        key.fill(0);
      }
    }
    return null;
  }
}

/** A fresh X25519 key pair from OpenSSL, as age strings. */
export function generateX25519KeyPair(): { identity: string; recipient: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const { d } = privateKey.export({ format: 'jwk' });
  if (typeof d !== 'string') throw new Error('node:crypto exported an X25519 private key without d');
  const scalar = Buffer.from(d, 'base64url');
  try {
    return { identity: encodeIdentity(scalar), recipient: encodeRecipient(rawPublicKey(publicKey)) };
  } finally {
    scalar.fill(0);
  }
}
