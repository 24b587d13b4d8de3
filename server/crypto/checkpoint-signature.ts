/**
 * Signing and checking audit checkpoints (contract/audit-checkpoint.ts):
 * Ed25519 over the checkpoint's signed text, and the SHA-256 of that text
 * that the next checkpoint names as `previous`.
 */
import { createHash } from 'node:crypto';
import { checkpointBody, type CheckpointFields, type SignedCheckpoint } from '../../contract/audit-checkpoint';
import { signMessage, verifyMessage, type SigningKeyPair } from './signing';

/** Sign a checkpoint's fields with the instance key (whose id must be the one named). */
export function signCheckpoint(fields: CheckpointFields, key: Pick<SigningKeyPair, 'privateKey' | 'keyId'>): SignedCheckpoint {
  if (fields.keyId !== key.keyId) throw new Error('a checkpoint must name the key that signs it');
  return { ...fields, signature: signMessage(key, checkpointBody(fields)) };
}

/** True when the checkpoint's signature verifies under the raw base64 public key. */
export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKeyBase64: string): boolean {
  return verifyMessage(publicKeyBase64, checkpointBody(checkpoint), checkpoint.signature);
}

/** SHA-256 (hex) of the checkpoint's signed text: the `previous` of the checkpoint after it. */
export function checkpointHash(checkpoint: CheckpointFields): string {
  return createHash('sha256').update(checkpointBody(checkpoint), 'utf8').digest('hex');
}
