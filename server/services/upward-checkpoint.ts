/**
 * THE SEAM between reports upward and the signed audit checkpoints (branch
 * `checkpoints`, migration 014). An audit export carries the latest signed
 * checkpoint that falls within the entries it holds, so the receiver can
 * check the chain it recomputes against a head the instance signed when
 * that checkpoint was made, not only at export time.
 *
 * On this branch there are no checkpoints yet, so this answers null. After
 * merging `checkpoints`, the body becomes (server/data/audit-checkpoints.ts):
 *
 *     const found = db.prepare(`SELECT sequence, entries, head_hash AS head, at AS time, previous_hash AS previous,
 *         key_id AS keyId, signature FROM audit_checkpoints WHERE entries BETWEEN ? AND ? ORDER BY sequence DESC LIMIT 1`)
 *       .get(firstId, lastId);
 *     return found ?? null;
 *
 * (a SignedCheckpoint is exactly an ExportedCheckpoint), and
 * auditCheckpointText in contract/reports-upward.ts should call
 * checkpointBody from contract/audit-checkpoint.ts.
 */
import type { ExportedCheckpoint } from '../../contract/reports-upward';
import type { Db } from '../data/database';

/** The latest signed checkpoint whose size lies in [firstId, lastId], or null when there is none. */
export function latestCheckpointWithin(_db: Db, _firstId: number, _lastId: number): ExportedCheckpoint | null {
  return null;
}
