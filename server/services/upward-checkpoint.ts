/**
 * Reports upward and the signed audit checkpoints: an audit export carries
 * the latest signed checkpoint that falls within the entries it holds, so
 * the receiver can check the chain it recomputes against a head the
 * instance signed when that checkpoint was made, not only at export time.
 * A SignedCheckpoint (contract/audit-checkpoint.ts) is exactly an
 * ExportedCheckpoint.
 */
import type { ExportedCheckpoint } from '../../contract/reports-upward';
import { latestCheckpointWithin as newestWithin } from '../data/audit-checkpoints';
import type { Db } from '../data/database';

/** The latest signed checkpoint whose size lies in [firstId, lastId], or null when there is none. */
export function latestCheckpointWithin(db: Db, firstId: number, lastId: number): ExportedCheckpoint | null {
  return newestWithin(db, firstId, lastId);
}
