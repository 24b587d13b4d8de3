/** report_files rows: which encrypted file on disk belongs to which report. */
import type { Db } from './database';

export interface ReportFileRecord {
  id: number;
  reportId: number;
  /** Sent with the report, or with a later follow-up. */
  origin: FileOrigin;
  messageId: number | null;
  /** The file's name under DATA_DIR/files/ (without the .age suffix). */
  storageName: string;
  /** age ciphertext of the file's FileMeta JSON. */
  meta: Buffer;
  /** Hour-truncated. */
  createdAt: string;
}

export type FileOrigin = 'report' | 'follow_up';

const COLUMNS = 'id, report_id AS reportId, origin, message_id AS messageId, storage_name AS storageName, meta, created_at AS createdAt';

/** Add a file row; returns its id. Call inside the transaction that stores the report or follow-up. */
export function insertReportFile(
  db: Db,
  file: { reportId: number; origin: FileOrigin; messageId: number | null; storageName: string; meta: Uint8Array; createdAt: string },
): number {
  const result = db
    .prepare('INSERT INTO report_files (report_id, origin, message_id, storage_name, meta, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(file.reportId, file.origin, file.messageId, file.storageName, file.meta, file.createdAt);
  return Number(result.lastInsertRowid);
}

/** A report's files in the order they arrived. */
export function listReportFiles(db: Db, reportId: number): ReportFileRecord[] {
  return db.prepare<[number], ReportFileRecord>(`SELECT ${COLUMNS} FROM report_files WHERE report_id = ? ORDER BY id`).all(reportId);
}

/** One file of one report, or undefined (a file id of another report is not found). */
export function findReportFile(db: Db, reportId: number, fileId: number): ReportFileRecord | undefined {
  return db
    .prepare<[number, number], ReportFileRecord>(`SELECT ${COLUMNS} FROM report_files WHERE report_id = ? AND id = ?`)
    .get(reportId, fileId);
}

/** Every storage name the database refers to (the startup sweep keeps exactly these). */
export function allStorageNames(db: Db): Set<string> {
  return new Set(db.prepare<[], { storageName: string }>('SELECT storage_name AS storageName FROM report_files').all().map((row) => row.storageName));
}

/**
 * Inside a report move's transaction: point each file row at its
 * re-encrypted file. Throws (rolling the move back) if the report's files
 * changed since they were read, e.g. a follow-up with files arrived.
 */
export function replaceReportFiles(
  db: Db,
  reportId: number,
  read: readonly Pick<ReportFileRecord, 'id'>[],
  next: readonly { id: number; storageName: string; meta: Uint8Array }[],
): void {
  const current = db.prepare<[number], { id: number }>('SELECT id FROM report_files WHERE report_id = ? ORDER BY id').all(reportId);
  if (current.map((row) => row.id).join() !== read.map((row) => row.id).join()) throw new FilesChangedError();
  const update = db.prepare('UPDATE report_files SET storage_name = ?, meta = ? WHERE id = ? AND report_id = ?');
  for (const file of next) update.run(file.storageName, file.meta, file.id, reportId);
}

/** A report's files changed while it was being moved. */
export class FilesChangedError extends Error {}
