/**
 * Retention: closed reports are deleted RETENTION_DAYS after they were
 * closed, with their files. secure_delete overwrites the freed pages; the
 * audit trail keeps that a purge happened (how many, which ids, the
 * cutoff), never what they said. Reports closed without ever being
 * acknowledged are held back unless an operator includes them explicitly
 * (`tipline purge --include-unacknowledged`), so none goes unseen.
 */
import type { Db } from '../data/database';
import { closedReportsBefore } from '../data/retention';
import type { FileStore } from '../files/file-store';
import { addDays, toHour, toSecond } from '../time';
import { deleteReportsForGood } from './report-deletion';

export interface PurgeSummary {
  purged: number;
  /** Closed long enough ago, but never acknowledged: kept. */
  heldBack: number;
  /** Reports closed before this (hour) were considered. */
  closedBefore: string;
}

export async function purgeClosedReports(
  db: Db,
  store: FileStore,
  options: { retentionDays: number; now: Date; includeUnacknowledged?: boolean; dryRun?: boolean },
): Promise<PurgeSummary> {
  const closedBefore = toHour(addDays(options.now, -options.retentionDays));
  const include = options.includeUnacknowledged ?? false;
  if (options.dryRun) {
    const { ids, heldBack } = closedReportsBefore(db, closedBefore, include);
    return { purged: ids.length, heldBack, closedBefore };
  }
  return deleteReportsForGood(db, store, () => {
    const { ids, heldBack } = closedReportsBefore(db, closedBefore, include);
    return {
      ids,
      audit: {
        at: toSecond(options.now),
        actorStaffId: null,
        action: 'retention.purged',
        detail: { count: ids.length, reportIds: ids.join(','), closedBefore, includedUnacknowledged: include },
      },
      summary: { purged: ids.length, heldBack, closedBefore },
    };
  });
}
