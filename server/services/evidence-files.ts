/**
 * Evidence files as the services see them: storing received files with the
 * report or follow-up they came with, and listing them for the reporter
 * (decrypted with the code) and for staff (with the channel key).
 */
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReporterFileView, StaffFileView } from '../../contract/attachments';
import { decryptText, encryptTo } from '../crypto/age';
import type { Db } from '../data/database';
import { insertReportFile, listReportFiles, type FileOrigin, type ReportFileRecord } from '../data/report-files';
import type { FileStore } from '../files/file-store';
import { OpenedFileReader } from '../files/opened-file-reader';
import type { FileMeta, ReceivedFile } from '../files/receive-file';
import { ageDecryptor, ageEncryptor, decryptStream } from '../crypto/age-stream';

/**
 * Move received files into place, then run `write` (the database
 * transaction that stores the report or follow-up and, through `addFiles`,
 * the file rows). If `write` fails the files are deleted again; if the
 * process dies in between, the startup sweep deletes files without rows.
 * So a submission is stored whole or not at all.
 */
export async function storeWithFiles<T>(
  store: FileStore,
  files: readonly Pick<ReceivedFile, 'storageName'>[],
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
  row: { reportId: number; origin: FileOrigin; messageId: number | null; createdAt: string },
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
    origin: record.origin,
    messageId: record.messageId,
  };
}

/**
 * A stored file decrypted as it is read. age authenticates every 64 KiB
 * chunk, so a tampered file fails at the damaged chunk and the download
 * breaks off there rather than delivering altered bytes.
 */
export function decryptFileStream(stored: Readable, identity: string): Readable {
  return decryptStream([identity], stored);
}

/**
 * A stored file decrypted as it is read, the payload on a worker thread (see
 * files/opened-file-reader.ts). As with decryptFileStream, a tampered file
 * fails at the damaged chunk and the download breaks off there.
 */
export function openStoredFile(store: FileStore, storageName: string, identity: string): Readable {
  const reader = new OpenedFileReader(store.storedPath(storageName), [identity]);
  // A download abandoned before it was read (or a file gone meanwhile) fails
  // with nobody listening yet; as inside decryptStream's pipeline, that must
  // not become an unhandled 'error' event. Readers still see the error.
  reader.on('error', () => undefined);
  return reader;
}

/**
 * A stored file decrypted and encrypted again to `recipients`, streamed into
 * a new incoming file (a move to another channel). Returns the new storage
 * name; the caller commits it, or discards it if the move does not happen.
 */
export async function reencryptStoredFile(
  store: FileStore,
  storageName: string,
  identity: string,
  recipients: readonly string[],
): Promise<string> {
  const { storageName: next, incomingPath } = store.stage();
  try {
    await pipeline(store.openStored(storageName), ageDecryptor([identity]), ageEncryptor(recipients), createWriteStream(incomingPath, { flags: 'wx' }));
    await store.syncIncoming(next);
  } catch (error) {
    await store.discardIncoming([next]);
    throw error;
  }
  return next;
}

/** Staff's list of a report's files. */
export async function staffFilesOf(db: Db, reportId: number, channelIdentity: string): Promise<StaffFileView[]> {
  return Promise.all(listReportFiles(db, reportId).map((record) => staffFileViewOf(record, channelIdentity)));
}
