/**
 * The hashes and signatures of reports upward (contract/reports-upward.ts):
 * Ed25519 by the instance key over canonical JSON, and the audit trail's
 * entry hash recomputed from an exported line, as a receiver does it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../contract/reports-upward';
import { entryHash } from '../data/audit';
import { signMessage, verifyMessage, type SigningKeyPair } from './signing';

/** Ed25519 (base64) over canonicalJson(value) with the instance key. */
export function signCanonical(key: Pick<SigningKeyPair, 'privateKey'>, value: unknown): string {
  return signMessage(key, canonicalJson(value));
}

/** True when `signature` is the raw base64 key's Ed25519 signature over canonicalJson(value). */
export function verifyCanonical(publicKeyBase64: string, value: unknown, signature: string): boolean {
  return verifyMessage(publicKeyBase64, canonicalJson(value), signature);
}

/** SHA-256 in hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * An audit entry's hash as server/data/audit.ts stores it: SHA-256 (hex) of
 * the UTF-8 of JSON.stringify([prev_hash, at, actor_staff_id, action,
 * report_id, channel_id, detail]), `detail` being the stored JSON text. This
 * is the recipe a receiver follows; tests/cli/reports-upward.test.ts checks
 * it against hashes the server wrote.
 */
export function auditEntryHash(entry: {
  prev_hash: string;
  at: string;
  actor_staff_id: number | null;
  action: string;
  report_id: number | null;
  channel_id: number | null;
  detail: string;
}): string {
  // The exported columns mapped onto the one definition of the recipe.
  return entryHash(entry.prev_hash, {
    at: entry.at,
    actorStaffId: entry.actor_staff_id,
    action: entry.action,
    reportId: entry.report_id,
    channelId: entry.channel_id,
    detail: entry.detail,
  });
}
