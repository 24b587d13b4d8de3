/**
 * Evidence files as the services see them: storing received files with the
 * report or follow-up they came with, and listing them for the reporter
 * (decrypted with the code) and for staff (with the channel key).
 */
import type { ReporterFileView, StaffFileView } from '../../web/lib/attachments';
import { decryptText, encryptTo } from '../crypto/age';
import type { Db } from '../data/database';
import { insertReportFile, listReportFiles, type ReportFileRecord } from '../data/report-files';
import type { FileStore } from '../files/file-store';
import type { FileMeta, ReceivedFile } from '../files/receive-file';

/**
 * Move received files into place, then run `write` (the database
 * transaction that stores the report or follow-up and, through `addFiles`,
 * the file rows). If `write` fails the files are deleted again; if the
 * process dies in between, the startup sweep deletes files without rows.
 * So a submission is stored whole or not at all.
 */
export async function storeWithFiles<T>(
  store: FileStore,
  files: readonly ReceivedFile[],
  write: () => T,
): Promise<T> {
  const names = files.map((file) => file.storageName);
  await store.commit(names);
  try {
    return write();
  } catch (error) {
    await store.discard(names);
    throw error;
  }
}

/** The encrypted metadata of each file, made before the write transaction (encryption is async). */
export async function encryptFileMetas(files: readonly ReceivedFile[], recipients: readonly string[]): Promise<Uint8Array[]> {
  return Promise.all(files.map((file) => encryptTo(recipients, JSON.stringify(file.meta))));
}

/** Insert the rows for files; call inside the write transaction. */
export function addFileRows(
  db: Db,
  files: readonly ReceivedFile[],
  metas: readonly Uint8Array[],
  row: { reportId: number; messageId: number | null; createdAt: string },
): void {
  files.forEach((file, index) => {
    const meta = metas[index];
    if (meta === undefined) throw new Error('a file without its encrypted metadata');
    insertReportFile(db, { ...row, storageName: file.storageName, meta });
  });
}

async function metaOf(record: ReportFileRecord, identity: string): Promise<FileMeta> {
  return JSON.parse(await decryptText([identity], record.meta)) as FileMeta;
}

/** The reporter's list: names and sizes of what they sent. */
export async function reporterFilesOf(db: Db, reportId: number, reporterIdentity: string): Promise<ReporterFileView[]> {
  return Promise.all(
    listReportFiles(db, reportId).map(async (record) => {
      const meta = await metaOf(record, reporterIdentity);
      return { name: meta.name, size: meta.size, at: record.createdAt };
    }),
  );
}

/** A file row decrypted for staff. */
export async function staffFileViewOf(record: ReportFileRecord, channelIdentity: string): Promise<StaffFileView> {
  const meta = await metaOf(record, channelIdentity);
  return {
    id: record.id,
    name: meta.name,
    size: meta.size,
    at: record.createdAt,
    type: meta.type,
    sha256: meta.sha256,
    metadata: meta.metadata,
    messageId: record.messageId,
  };
}

/** Staff's list of a report's files. */
export async function staffFilesOf(db: Db, reportId: number, channelIdentity: string): Promise<StaffFileView[]> {
  return Promise.all(listReportFiles(db, reportId).map((record) => staffFileViewOf(record, channelIdentity)));
}
