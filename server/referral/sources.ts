/**
 * What a referral package takes from the rest of the instance beyond the
 * case itself: the report's signed decisions (簽字確認) and the audit trail's
 * latest signed checkpoint. Kept behind this small seam so that the package
 * format does not depend on how those are stored; `packageSourcesFor` is the
 * one place that connects them.
 *
 * The signed records are the report's signed decisions (migration 015), each
 * with its signer's key as the audit trail registered it; the checkpoint is
 * the trail's latest (migration 014), as the text its signature covers.
 */
import { checkpointBody } from '../../contract/audit-checkpoint';
import { latestCheckpoint } from '../data/audit-checkpoints';
import type { Db } from '../data/database';
import { auditedKeyRegistration, listSignedRecords } from '../data/signed-records';

/** A staff member's signed decision, as it goes into records/<id>.json. */
export interface SignedRecordForPackage {
  /** The signed record's own id: names its file. */
  id: number;
  /** The case record it signs, when it signs one. */
  recordId: number | null;
  /** What was decided (referral, closing, interference, contact reveal, formal note). */
  kind: string;
  /** The signed text exactly as signed (its UTF-8 bytes are what the signature covers). */
  payload: string;
  /** Base64 Ed25519 signature of the payload's UTF-8 bytes. */
  signature: string;
  /** The signer's raw 32-byte Ed25519 public key, base64, as the instance registered it. */
  publicKey: string;
}

/** The audit trail's latest signed checkpoint. */
export interface CheckpointForPackage {
  /** The exact text the instance signed (for Tipline: the seven-line checkpoint note). */
  text: string;
  /** Base64 Ed25519 signature of the text's UTF-8 bytes by the instance signing key. */
  signature: string;
}

export interface PackageSources {
  /** The report's signed records, oldest first. */
  signedRecords(reportId: number): SignedRecordForPackage[];
  /** The latest checkpoint, or null when the trail has none yet. */
  latestCheckpoint(): CheckpointForPackage | null;
}

/** No signed records and no checkpoint. */
export const NO_PACKAGE_SOURCES: PackageSources = {
  signedRecords: () => [],
  latestCheckpoint: () => null,
};

/** The instance's own sources. */
export function packageSourcesFor(db: Db): PackageSources {
  return {
    signedRecords: (reportId) =>
      listSignedRecords(db, reportId).flatMap((record) => {
        // The key the audit trail registered, not the key table's copy: a key swapped in the table must not verify.
        // A record whose key the trail never registered is left out; the case page already flags it.
        const key = auditedKeyRegistration(db, record.keyId);
        if (key === null) return [];
        return [{ id: record.id, recordId: record.recordId, kind: record.kind, payload: record.payload, signature: record.signature, publicKey: key.publicKey }];
      }),
    latestCheckpoint: () => {
      const checkpoint = latestCheckpoint(db);
      return checkpoint === null ? null : { text: checkpointBody(checkpoint), signature: checkpoint.signature };
    },
  };
}
