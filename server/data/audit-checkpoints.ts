/**
 * The signed checkpoints of the audit trail (db/migrations/014), and the
 * two facts about the trail a checkpoint needs: its head, and the stored
 * hash of the entry at a given size. Signing and checking live in
 * server/services/audit-checkpoints.ts and audit-verify.ts.
 */
import type { SignedCheckpoint } from '../../contract/audit-checkpoint';
import type { Db } from './database';

const COLUMNS = `sequence, entries, head_hash AS head, at AS time, previous_hash AS previous, key_id AS keyId, signature`;

/** The newest checkpoint, or null before the first. */
export function latestCheckpoint(db: Db): SignedCheckpoint | null {
  return db.prepare<[], SignedCheckpoint>(`SELECT ${COLUMNS} FROM audit_checkpoints ORDER BY sequence DESC LIMIT 1`).get() ?? null;
}

/** The newest checkpoint whose size lies in [firstId, lastId] (what an audit export of those entries can be checked against), or null. */
export function latestCheckpointWithin(db: Db, firstId: number, lastId: number): SignedCheckpoint | null {
  return (
    db
      .prepare<[number, number], SignedCheckpoint>(`SELECT ${COLUMNS} FROM audit_checkpoints WHERE entries BETWEEN ? AND ? ORDER BY sequence DESC LIMIT 1`)
      .get(firstId, lastId) ?? null
  );
}

/** Every checkpoint, oldest first. */
export function listCheckpoints(db: Db): SignedCheckpoint[] {
  return db.prepare<[], SignedCheckpoint>(`SELECT ${COLUMNS} FROM audit_checkpoints ORDER BY sequence`).all();
}

/** Store a signed checkpoint (the table's trigger refuses any sequence but the next). */
export function insertCheckpoint(db: Db, checkpoint: SignedCheckpoint): void {
  db.prepare(
    `INSERT INTO audit_checkpoints (sequence, entries, head_hash, at, previous_hash, key_id, signature)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(checkpoint.sequence, checkpoint.entries, checkpoint.head, checkpoint.time, checkpoint.previous, checkpoint.keyId, checkpoint.signature);
}

/** How many entries the trail holds and the stored hash of the last; null when it is empty. */
export function auditHead(db: Db): { entries: number; head: string } | null {
  const last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  return last === undefined ? null : { entries: last.id, head: last.hash };
}

/** The stored hash of entry `size` (the head of the trail when it had `size` entries), or null if there is no such entry. */
export function storedHashAt(db: Db, size: number): string | null {
  return db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(size)?.hash ?? null;
}
