/**
 * Deleting reports for good, the one way Tipline does it (retention purge,
 * low-effort discard): the reports are chosen and deleted inside one
 * IMMEDIATE transaction together with one audit entry, so a report that
 * changes meanwhile is judged on its committed state and no deletion goes
 * unrecorded; then their evidence files are removed and the WAL's older
 * copies of the freed pages are checkpointed away (secure_delete zeroes the
 * pages in the database file itself).
 */
import { appendAudit } from '../data/audit';
import type { Db } from '../data/database';
import { deleteReports } from '../data/retention';
import type { FileStore } from '../files/file-store';

export interface Deletion<T> {
  ids: readonly number[];
  /** Written in the same transaction, when `ids` is not empty. Ids and enum values only. */
  audit: Parameters<typeof appendAudit>[1];
  /** What the caller answers. */
  summary: T;
}

/** Run `choose` and delete what it names, atomically with its audit entry; then the files. Returns the summary. */
export async function deleteReportsForGood<T>(db: Db, store: FileStore, choose: () => Deletion<T>): Promise<T> {
  const { summary, files, count } = db
    .transaction(() => {
      const chosen = choose();
      const names = deleteReports(db, chosen.ids);
      if (chosen.ids.length > 0) appendAudit(db, chosen.audit);
      return { summary: chosen.summary, files: names, count: chosen.ids.length };
    })
    .immediate();
  // After the commit: a crash before this leaves files without rows, which the next start deletes.
  await store.discard(files);
  // Older versions of the deleted pages live on in the WAL until a checkpoint;
  // copy everything back now and empty it (best effort while others read).
  if (count > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  return summary;
}
