/**
 * Reports with the low-effort marker, by the hour they were received: how
 * many, and which of them nobody has worked on yet (those an admin may
 * discard as a batch).
 */
import type { Db } from './database';
import type { LowEffortBatch } from '../../contract/schemas/staff-views';

/**
 * Nobody has worked on the report (`r`): still `new`, never acknowledged,
 * no lease (live or expired), no assignee, no priority set, no public
 * message, no staff reply, no case record and no link. Any one of these
 * means a person looked at it and decided something, so it is kept.
 */
const UNTOUCHED = `r.status = 'new' AND r.acknowledged_at IS NULL AND r.lease_staff_id IS NULL AND r.assignee_id IS NULL
  AND r.priority = 0 AND r.public_message IS NULL
  AND NOT EXISTS (SELECT 1 FROM report_messages m WHERE m.report_id = r.id AND m.author = 'staff')
  AND NOT EXISTS (SELECT 1 FROM case_records cr WHERE cr.report_id = r.id)
  AND NOT EXISTS (SELECT 1 FROM report_links l WHERE l.report_id = r.id)
  AND NOT EXISTS (SELECT 1 FROM report_links l WHERE l.related_id = r.id)`;

// Both read reports_low_effort_by_hour (marked reports only, by hour):
// `r.low_effort = 1` repeats its WHERE, and INDEXED BY keeps SQLite from
// seeking the assignee index for UNTOUCHED's `assignee_id IS NULL`, which
// would read nearly every report. The listing stops after `limit` hours.
const batches = (where: string): string => `
  SELECT r.received_at AS hour, count(*) AS marked, sum(CASE WHEN ${UNTOUCHED} THEN 1 ELSE 0 END) AS discardable
  FROM reports r INDEXED BY reports_low_effort_by_hour
  WHERE r.low_effort = 1${where}
  GROUP BY r.received_at ORDER BY r.received_at DESC LIMIT @limit`;
const BATCHES = batches('');
const BATCHES_BEFORE = batches(' AND r.received_at < @before');

// In index order (hour, then id), so LIMIT stops reading as soon as it has enough.
const DISCARDABLE = `
  SELECT r.id FROM reports r INDEXED BY reports_low_effort_by_hour
  WHERE r.low_effort = 1 AND r.received_at >= @from AND r.received_at <= @to AND ${UNTOUCHED}
  ORDER BY r.received_at, r.id LIMIT @limit`;

/** The statements, for the query-plan test. */
export const LOW_EFFORT_QUERIES = { batches: BATCHES, batchesBefore: BATCHES_BEFORE, discardable: DISCARDABLE } as const;

/** Hours with marked reports, newest first: up to `limit` hours received before `before` (or any). */
export function listLowEffortBatches(db: Db, options: { before: string | null; limit: number }): LowEffortBatch[] {
  if (options.before === null) return db.prepare<[{ limit: number }], LowEffortBatch>(BATCHES).all({ limit: options.limit });
  return db.prepare<[{ before: string; limit: number }], LowEffortBatch>(BATCHES_BEFORE).all({ before: options.before, limit: options.limit });
}

/**
 * Ids of up to `limit` marked reports received from `from` to `to` (hours,
 * both included) that nobody has worked on: the oldest hour first, then by id.
 */
export function discardableLowEffortIds(db: Db, range: { from: string; to: string }, limit: number): number[] {
  return db
    .prepare<[{ from: string; to: string; limit: number }], { id: number }>(DISCARDABLE)
    .all({ from: range.from, to: range.to, limit })
    .map((row) => row.id);
}
