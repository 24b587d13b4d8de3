/**
 * The console as a witness of the audit trail (Certificate Transparency's
 * idea at the scale of one instance). Each browser remembers, per origin,
 * the latest signed checkpoint it was given and the instance public key it
 * saw first; at every sign-in it asks the server whether the trail still
 * holds what it remembers. A rewrite (fork) or a shorter trail (cut) is a
 * warning, which the server also writes to the trail.
 *
 * Where the browser has Ed25519 in WebCrypto (Chromium 137+, Firefox 129+,
 * Safari 17+), the console checks the signature of each checkpoint it is
 * given against the pinned key itself; elsewhere it relies on the server's
 * check of the remembered one.
 */
import { checkpointBody, signedCheckpointSchema, signingPublicKeySchema, type SignedCheckpoint } from '../../contract/audit-checkpoint';
import { staffApi } from './api';

const STORE_KEY = 'tipline.auditWitness';

interface Remembered {
  /** The instance public key seen at the first sign-in in this browser. */
  publicKey: string;
  checkpoint: SignedCheckpoint;
}

/** What to warn of: the remembered checkpoint was forked or cut, or a signature does not hold under the pinned key. */
export type WitnessWarning = { kind: 'fork' | 'cut'; remembered: SignedCheckpoint } | { kind: 'signature' };

function recall(): Remembered | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null') as { publicKey?: unknown; checkpoint?: unknown } | null;
    if (stored === null) return null;
    const publicKey = signingPublicKeySchema.safeParse(stored.publicKey);
    const checkpoint = signedCheckpointSchema.safeParse(stored.checkpoint);
    return publicKey.success && checkpoint.success ? { publicKey: publicKey.data, checkpoint: checkpoint.data } : null;
  } catch {
    return null;
  }
}

function remember(value: Remembered): void {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(value));
  } catch {
    // Storage full or refused (a private window's policy): this console is simply no witness.
  }
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

/** The checkpoint's signature checked in the browser: null when this browser has no Ed25519 in WebCrypto. */
export async function verifiedInBrowser(publicKey: string, checkpoint: SignedCheckpoint): Promise<boolean | null> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return null;
  let key: CryptoKey;
  try {
    key = await subtle.importKey('raw', bytesOf(publicKey), { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null;
  }
  try {
    return await subtle.verify({ name: 'Ed25519' }, key, bytesOf(checkpoint.signature), new TextEncoder().encode(checkpointBody(checkpoint)));
  } catch {
    return false;
  }
}

/**
 * At sign-in: compare the trail with what this browser remembers and
 * remember the newer checkpoint. A warning keeps the old checkpoint, so it
 * shows again at the next sign-in. A failed request is no warning: signing
 * in must not depend on it.
 */
export async function witnessAtSignIn(): Promise<WitnessWarning | null> {
  const remembered = recall();
  const answer = await staffApi('POST', 'audit/consistency', { remembered: remembered?.checkpoint ?? null }, { background: true });
  if (!answer.ok) return null;
  const { current, publicKey, result } = answer.data;
  if (remembered !== null) {
    if (result === 'fork' || result === 'cut') return { kind: result, remembered: remembered.checkpoint };
    if (result === 'bad_signature' || publicKey !== remembered.publicKey) return { kind: 'signature' };
  }
  if (current === null) return null;
  const pinned = remembered?.publicKey ?? publicKey;
  if ((await verifiedInBrowser(pinned, current)) === false) return { kind: 'signature' };
  if (remembered !== null) {
    // What the browser can tell by itself: a checkpoint never covers fewer entries, nor other ones at the same size.
    const before = remembered.checkpoint;
    if (current.entries < before.entries) return { kind: 'cut', remembered: before };
    if (current.entries === before.entries && current.head !== before.head) return { kind: 'fork', remembered: before };
  }
  remember({ publicKey: pinned, checkpoint: current });
  return null;
}
