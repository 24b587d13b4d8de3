/**
 * Low-effort batches for admins: marked reports listed by the hour they
 * arrived, and discarding the ones nobody has worked on in a range of hours
 * as one audited action. Admins never read report content, and need not:
 * the decision rests on clear metadata (the marker, the hour, whether anyone
 * worked on the report). Deleting goes the retention purge's way.
 */
import type { StaffSession } from '../auth/session-store';
import type { Db } from '../data/database';
import { discardableLowEffortIds, listLowEffortBatches, type LowEffortBatch } from '../data/low-effort';
import type { FileStore } from '../files/file-store';
import type { LowEffortDiscard } from '../schemas/staff-admin';
import { toSecond } from '../time';
import { deleteReportsForGood } from './report-deletion';

export interface LowEffortDeps {
  db: Db;
  files: FileStore;
  now: () => Date;
}

/** One page of hours with marked reports, newest first; `nextBefore` continues with older hours. */
export function lowEffortBatchPage(db: Db, query: { before?: string | undefined; limit: number }): { batches: LowEffortBatch[]; nextBefore: string | null } {
  // One hour more than asked tells whether another page exists.
  const rows = listLowEffortBatches(db, { before: query.before ?? null, limit: query.limit + 1 });
  const batches = rows.slice(0, query.limit);
  const last = batches.at(-1);
  return { batches, nextBefore: rows.length > query.limit && last ? last.hour : null };
}

export interface DiscardSummary {
  discarded: number;
  reportIds: number[];
  from: string;
  to: string;
}

/**
 * Delete the marked reports received in the range that nobody has worked on,
 * with their messages and files, and write one audit entry naming them.
 * Nothing matching is not an error: the answer says 0 and nothing is written.
 */
export async function discardLowEffort(deps: LowEffortDeps, admin: StaffSession, range: LowEffortDiscard): Promise<DiscardSummary> {
  return deleteReportsForGood(deps.db, deps.files, () => {
    const ids = discardableLowEffortIds(deps.db, range);
    return {
      ids,
      audit: {
        at: toSecond(deps.now()),
        actorStaffId: admin.staffId,
        action: 'low_effort.discarded',
        detail: { count: ids.length, reportIds: ids.join(','), from: range.from, to: range.to },
      },
      summary: { discarded: ids.length, reportIds: ids, from: range.from, to: range.to },
    };
  });
}
