/**
 * Retention: closed reports are deleted RETENTION_DAYS after they were
 * closed, with their files. secure_delete overwrites the freed pages; the
 * audit trail keeps that a purge happened (how many, which ids, the
 * cutoff), never what they said. Reports closed without ever being
 * acknowledged are held back unless an operator includes them explicitly
 * (`tipline purge --include-unacknowledged`), so none goes unseen.
 */
import { appendAudit } from '../data/audit';
import type { Db } from '../data/database';
import { closedReportsBefore, deleteReports } from '../data/retention';
import type { FileStore } from '../files/file-store';
import { addDays, toHour, toSecond } from '../time';

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
  const { summary, files } = db
    .transaction(() => {
      const { ids, heldBack } = closedReportsBefore(db, closedBefore, include);
      const names = deleteReports(db, ids);
      if (ids.length > 0) {
        appendAudit(db, {
          at: toSecond(options.now),
          actorStaffId: null,
          action: 'retention.purged',
          detail: { count: ids.length, reportIds: ids.join(','), closedBefore, includedUnacknowledged: include },
        });
      }
      return { summary: { purged: ids.length, heldBack, closedBefore }, files: names };
    })
    .immediate();
  // After the commit: a crash before this leaves files without rows, which the next start deletes.
  await store.discard(files);
  // Older versions of the deleted pages live on in the WAL until a checkpoint;
  // copy everything back now and empty it (best effort while others read).
  if (summary.purged > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  return summary;
}
