/**
 * Low-effort batches for admins: marked reports listed by the hour they
 * arrived, and discarding the ones nobody has worked on in a range of hours
 * as one audited action. Admins never read report content, and need not:
 * the decision rests on clear metadata (the marker, the hour, whether anyone
 * worked on the report). Deleting goes the retention purge's way.
 */
import { MAX_DISCARD_PER_ACTION } from '../../contract/low-effort';
import type { StaffSession } from '../auth/session-store';
import type { Db } from '../data/database';
import { discardableLowEffortIds, listLowEffortBatches } from '../data/low-effort';
import type { DiscardSummary, LowEffortBatch } from '../../contract/schemas/staff-views';
import type { FileStore } from '../files/file-store';
import type { LowEffortDiscard } from '../../contract/schemas/staff-admin';
import { toSecond } from '../time';
import { deleteReportsForGood } from './report-deletion';

export interface LowEffortDeps {
  db: Db;
  files: FileStore;
  now: () => Date;
  /** MAX_DISCARD_PER_ACTION unless a test says otherwise. */
  maxPerAction?: number;
}

/** One page of hours with marked reports, newest first; `nextBefore` continues with older hours. */
export function lowEffortBatchPage(db: Db, query: { before?: string | undefined; limit: number }): { batches: LowEffortBatch[]; nextBefore: string | null } {
  // One hour more than asked tells whether another page exists.
  const rows = listLowEffortBatches(db, { before: query.before ?? null, limit: query.limit + 1 });
  const batches = rows.slice(0, query.limit);
  const last = batches.at(-1);
  return { batches, nextBefore: rows.length > query.limit && last ? last.hour : null };
}

/**
 * Delete the marked reports received in the range that nobody has worked on
 * (up to the cap, oldest first), with their messages and files, and write one
 * audit entry naming them. Nothing matching is not an error: the answer says
 * 0 and nothing is written.
 */
export async function discardLowEffort(deps: LowEffortDeps, admin: StaffSession, range: LowEffortDiscard): Promise<DiscardSummary> {
  const cap = deps.maxPerAction ?? MAX_DISCARD_PER_ACTION;
  return deleteReportsForGood(deps.db, deps.files, () => {
    // One more than the cap tells whether any remain.
    const found = discardableLowEffortIds(deps.db, range, cap + 1);
    const ids = found.slice(0, cap);
    const more = found.length > cap;
    return {
      ids,
      audit: {
        at: toSecond(deps.now()),
        actorStaffId: admin.staffId,
        action: 'low_effort.discarded',
        detail: { count: ids.length, reportIds: ids.join(','), from: range.from, to: range.to, more },
      },
      summary: { discarded: ids.length, reportIds: ids, from: range.from, to: range.to, more },
    };
  });
}
