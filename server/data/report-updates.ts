/**
 * Changes to a report's clear workflow fields. Each update is a
 * compare-and-set on the state the caller checked, so two staff acting at
 * once cannot both win: the loser sees `false` and answers 409.
 * `at` is hour-truncated: these columns date the report.
 */
import type { Db } from './database';
import type { InternalStatus } from '../../contract/vocabulary';

/** Move from `from` to `to`. Reopening a closed report clears its outcome. */
export function updateStatus(db: Db, reportId: number, from: InternalStatus, to: InternalStatus, at: string): boolean {
  const result = db
    .prepare(
      `UPDATE reports SET status = @to, updated_at = @at,
         outcome = CASE WHEN @from = 'closed' THEN NULL ELSE outcome END,
         closed_at = CASE WHEN @from = 'closed' THEN NULL ELSE closed_at END
       WHERE id = @id AND status = @from`,
    )
    .run({ id: reportId, from, to, at });
  return result.changes === 1;
}

/** Close with an outcome; ends any lease (nothing left to work on). False when already closed. */
export function closeReport(db: Db, reportId: number, outcome: string, at: string): boolean {
  const result = db
    .prepare(
      `UPDATE reports SET status = 'closed', outcome = ?, closed_at = ?, updated_at = ?,
         lease_staff_id = NULL, lease_expires_at = NULL
       WHERE id = ? AND status != 'closed'`,
    )
    .run(outcome, at, at, reportId);
  return result.changes === 1;
}

/** Mark referred (after a referral record). False when closed. */
export function markReferred(db: Db, reportId: number, at: string): boolean {
  const result = db
    .prepare(`UPDATE reports SET status = 'referred', updated_at = ? WHERE id = ? AND status != 'closed'`)
    .run(at, reportId);
  return result.changes === 1;
}

export function updatePriority(db: Db, reportId: number, priority: number, at: string): void {
  db.prepare('UPDATE reports SET priority = ?, updated_at = ? WHERE id = ?').run(priority, at, reportId);
}

export function updateAssignee(db: Db, reportId: number, assigneeId: number | null, at: string): void {
  db.prepare('UPDATE reports SET assignee_id = ?, updated_at = ? WHERE id = ?').run(assigneeId, at, reportId);
}

/** Store the public message (a ciphertext to the channel and the reporter) and its hour, replacing any earlier one. */
export function updatePublicMessage(db: Db, reportId: number, ciphertext: Uint8Array, at: string): void {
  db.prepare('UPDATE reports SET public_message = ?, public_message_at = ?, updated_at = ? WHERE id = ?').run(ciphertext, at, at, reportId);
}

/** Store the agency the reporter is told of (a ciphertext to the channel and the reporter), replacing any earlier one. */
export function updatePublicReferral(db: Db, reportId: number, ciphertext: Uint8Array): void {
  db.prepare('UPDATE reports SET public_referral = ? WHERE id = ?').run(ciphertext, reportId);
}

/**
 * The first word to the reporter acknowledges the report (and a `new` one
 * moves to `triage`). Returns true only for that first time.
 */
export function acknowledgeReport(db: Db, reportId: number, at: string): boolean {
  const result = db
    .prepare(
      `UPDATE reports SET acknowledged_at = ?, updated_at = ?,
         status = CASE WHEN status = 'new' THEN 'triage' ELSE status END
       WHERE id = ? AND acknowledged_at IS NULL`,
    )
    .run(at, at, reportId);
  return result.changes === 1;
}
