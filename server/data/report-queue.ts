/**
 * The claim queue: reports in `new` or `triage` without a live lease, taken
 * in queue order: reports without the low-effort marker before marked ones,
 * then by priority (highest first), then age (lowest id first). A lease is
 * live while `lease_expires_at` is later than now; an expired one is simply
 * ignored, which is what puts the report back in the queue. A live lease
 * excludes the report from every claim, its holder's included, so pulling
 * again always gives the next lead, never one the caller already holds.
 */
import type { Db } from './database';
import { QUEUE_ORDER_SQL, queueOrder, type QueuePosition } from './queue-order';

export interface LeaseRequest {
  staffId: number;
  /** ISO to the second. */
  now: string;
  until: string;
}

// `status IN ('new', 'triage')` repeats the partial index's WHERE word for
// word so SQLite can use reports_claimable, whose columns are the ORDER BY's:
// the claim reads index entries in order and stops at the first unleased one.
// Exported for the query-plan test.
export const NEXT_IN_CHANNEL = `
  SELECT r.id, r.low_effort AS lowEffort, r.priority FROM reports r INDEXED BY reports_claimable
  WHERE r.channel_id = ? AND r.status IN ('new', 'triage') AND (r.lease_expires_at IS NULL OR r.lease_expires_at < ?)
  ${QUEUE_ORDER_SQL} LIMIT 1`;

/**
 * Lease the next claimable report of these channels to a member; returns its
 * id, or null when there is none. Select and update run in one IMMEDIATE
 * transaction, so two claims (even from two processes) never take the same
 * report: the second waits for the first's write lock and then no longer
 * sees the report as claimable.
 */
export function claimNextReport(db: Db, channelIds: readonly number[], lease: LeaseRequest): number | null {
  const next = db.prepare<[number, string], QueuePosition>(NEXT_IN_CHANNEL);
  const take = db.prepare('UPDATE reports SET lease_staff_id = ?, lease_expires_at = ? WHERE id = ?');
  return db
    .transaction((): number | null => {
      let best: QueuePosition | null = null;
      for (const channelId of channelIds) {
        const candidate = next.get(channelId, lease.now);
        if (candidate && (!best || queueOrder(candidate, best) < 0)) best = candidate;
      }
      if (!best) return null;
      take.run(lease.staffId, lease.until, best.id);
      return best.id;
    })
    .immediate();
}

/** Extend a live lease held by this member; false when they do not hold it (any more). */
export function renewLease(db: Db, reportId: number, lease: LeaseRequest): boolean {
  const result = db
    .prepare('UPDATE reports SET lease_expires_at = ? WHERE id = ? AND lease_staff_id = ? AND lease_expires_at >= ?')
    .run(lease.until, reportId, lease.staffId, lease.now);
  return result.changes === 1;
}

/** Give back a live lease held by this member; false when they do not hold it (any more). */
export function releaseLease(db: Db, reportId: number, staffId: number, now: string): boolean {
  const result = db
    .prepare(
      'UPDATE reports SET lease_staff_id = NULL, lease_expires_at = NULL WHERE id = ? AND lease_staff_id = ? AND lease_expires_at >= ?',
    )
    .run(reportId, staffId, now);
  return result.changes === 1;
}

export interface LiveLease {
  staffId: number;
  username: string;
  /** ISO to the second. */
  until: string;
}

/** The report's live lease at `now` (ISO to the second), or null when nobody holds one. */
export function findLiveLease(db: Db, reportId: number, now: string): LiveLease | null {
  return (
    db
      .prepare<[number, string], LiveLease>(
        `SELECT r.lease_staff_id AS staffId, s.username, r.lease_expires_at AS until
         FROM reports r JOIN staff s ON s.id = r.lease_staff_id
         WHERE r.id = ? AND r.lease_expires_at >= ?`,
      )
      .get(reportId, now) ?? null
  );
}

/** Lease the report to this member whoever held it before (the caller checked and audits). */
export function takeLease(db: Db, reportId: number, lease: LeaseRequest): void {
  db.prepare('UPDATE reports SET lease_staff_id = ?, lease_expires_at = ? WHERE id = ?').run(lease.staffId, lease.until, reportId);
}
