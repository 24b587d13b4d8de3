/** Finding and deleting closed reports past the retention period. */
import type { Db } from './database';

/**
 * Closed before `cutoff` (hour-truncated ISO): the ones that may go, and how
 * many are held back because nobody ever acknowledged them (a report closed
 * unread is not purged by the timer; an operator must ask for it).
 */
export function closedReportsBefore(db: Db, cutoff: string, includeUnacknowledged: boolean): { ids: number[]; heldBack: number } {
  const rows = db
    .prepare<[string], { id: number; acknowledged: number }>(
      `SELECT id, acknowledged_at IS NOT NULL AS acknowledged FROM reports
       WHERE status = 'closed' AND closed_at IS NOT NULL AND closed_at < ? ORDER BY id`,
    )
    .all(cutoff);
  const ids = rows.filter((row) => includeUnacknowledged || row.acknowledged === 1).map((row) => row.id);
  return { ids, heldBack: rows.length - ids.length };
}

/**
 * Delete these reports (messages, case records, links and file rows go with
 * them by ON DELETE CASCADE); returns the storage names of their files, for
 * the caller to delete once the transaction has committed.
 */
export function deleteReports(db: Db, ids: readonly number[]): string[] {
  const files = db.prepare<[number], { storageName: string }>('SELECT storage_name AS storageName FROM report_files WHERE report_id = ?');
  const remove = db.prepare('DELETE FROM reports WHERE id = ?');
  const names: string[] = [];
  for (const id of ids) {
    names.push(...files.all(id).map((row) => row.storageName));
    remove.run(id);
  }
  return names;
}
