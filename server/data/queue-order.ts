/**
 * Queue order, the same for the claim and the listing: reports without the
 * low-effort marker first, then priority (highest first), then id (oldest
 * first). Every queue index ends in these columns
 * (db/migrations/006_low_effort.sql), so SQLite reads them in order.
 */

/** Where a report sits in queue order: these three fully place it. */
export interface QueuePosition {
  lowEffort: 0 | 1;
  priority: number;
  id: number;
}

/** The ORDER BY of every queue query (`r` is the report). */
export const QUEUE_ORDER_SQL = 'ORDER BY r.low_effort, r.priority DESC, r.id';

/** Compare two reports in queue order (negative when `a` comes first). */
export function queueOrder(a: QueuePosition, b: QueuePosition): number {
  return a.lowEffort - b.lowEffort || b.priority - a.priority || a.id - b.id;
}
