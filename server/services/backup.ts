/**
 * Backup and restore of a whole instance: the database (through SQLite's
 * online backup API, so the server keeps running), the instance key and
 * every evidence file, in one tar file readable by Tipline's user only.
 *
 * Consistency: the database snapshot is taken first and decides which
 * files belong in the backup. A file the snapshot names but that is gone
 * by the time it is copied (a report moved or purged meanwhile) means the
 * snapshot is already stale; it is taken again. Files stored after the
 * snapshot are simply not in it, as their rows are not.
 *
 * The latest audit checkpoint of the snapshot goes in as
 * audit-checkpoint.txt, as the data directory keeps it.
 *
 * Everything in the backup is as encrypted as on disk, but instance.key
 * and instance-signing.key are in it: keep backups as carefully as the data directory.
 */
import { chmod, copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';
import type { Db } from '../data/database';
import type { FileStore } from '../files/file-store';
import type { SignedCheckpoint } from '../../contract/audit-checkpoint';
import { signingKeyFromSeed } from '../crypto/signing';
import { latestCheckpoint } from '../data/audit-checkpoints';
import { CHECKPOINT_FILE, writeCheckpointFile } from './audit-checkpoints';
import { DATABASE_FILE, INSTANCE_KEY_FILE, INSTANCE_SIGNING_KEY_FILE } from './instance';

const MANIFEST = 'MANIFEST.json';
const FORMAT = 'tipline-backup';
const SNAPSHOT_ATTEMPTS = 5;

export interface BackupManifest {
  format: typeof FORMAT;
  version: 1;
  reports: number;
  files: number;
}

export class BackupError extends Error {}

function snapshotContents(file: string): { reports: number; storageNames: string[]; checkpoint: SignedCheckpoint | null } {
  const snapshot = new Database(file, { readonly: true });
  try {
    const reports = snapshot.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports').get()?.n ?? 0;
    const storageNames = snapshot
      .prepare<[], { name: string }>('SELECT storage_name AS name FROM report_files ORDER BY id')
      .all()
      .map((row) => row.name);
    // A backup made before checkpoints existed (migration 014) has no table for them.
    const hasCheckpoints = snapshot.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'audit_checkpoints'").get()?.n === 1;
    return { reports, storageNames, checkpoint: hasCheckpoints ? latestCheckpoint(snapshot) : null };
  } finally {
    snapshot.close();
  }
}

/** Write a backup of the open instance to `target` (replaced atomically). */
export async function createBackup(instance: { db: Db; files: FileStore; dataDir: string }, target: string): Promise<BackupManifest> {
  const work = await mkdtemp(path.join(path.dirname(path.resolve(target)), '.tipline-backup-'));
  try {
    let contents: ReturnType<typeof snapshotContents> | null = null;
    for (let attempt = 0; attempt < SNAPSHOT_ATTEMPTS && contents === null; attempt += 1) {
      await rm(path.join(work, 'files'), { recursive: true, force: true });
      await rm(path.join(work, DATABASE_FILE), { force: true });
      await instance.db.backup(path.join(work, DATABASE_FILE));
      const snapshot = snapshotContents(path.join(work, DATABASE_FILE));
      await mkdir(path.join(work, 'files'));
      contents = snapshot;
      for (const name of snapshot.storageNames) {
        try {
          await copyFile(instance.files.storedPath(name), path.join(work, 'files', `${name}.age`));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          contents = null; // moved or purged since the snapshot: take it again
          break;
        }
      }
    }
    if (contents === null) throw new BackupError('the instance kept changing under the backup; try again');
    await copyFile(path.join(instance.dataDir, INSTANCE_KEY_FILE), path.join(work, INSTANCE_KEY_FILE));
    // Instances opened before the signing key existed have none yet; the next open creates it.
    const signingKeyEntries = existsSync(path.join(instance.dataDir, INSTANCE_SIGNING_KEY_FILE)) ? [INSTANCE_SIGNING_KEY_FILE] : [];
    for (const entry of signingKeyEntries) await copyFile(path.join(instance.dataDir, entry), path.join(work, entry));
    // The checkpoint file is written from the snapshot, not copied: the live
    // one may already name a checkpoint the snapshot does not hold, which
    // `tipline audit verify` would rightly call deleted after a restore.
    const checkpointEntries: string[] = [];
    if (contents.checkpoint !== null && signingKeyEntries.length > 0) {
      const seed = await readFile(path.join(work, INSTANCE_SIGNING_KEY_FILE));
      writeCheckpointFile(work, contents.checkpoint, signingKeyFromSeed(seed).publicKeyBase64);
      checkpointEntries.push(CHECKPOINT_FILE);
    }
    const manifest: BackupManifest = { format: FORMAT, version: 1, reports: contents.reports, files: contents.storageNames.length };
    await writeFile(path.join(work, MANIFEST), JSON.stringify(manifest));
    const partial = `${target}.part`;
    await tar.create({ file: partial, cwd: work, portable: true }, [MANIFEST, DATABASE_FILE, INSTANCE_KEY_FILE, ...signingKeyEntries, ...checkpointEntries, 'files']);
    await chmod(partial, 0o600); // it holds instance.key and the signing key
    await rename(partial, target);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The entries a backup may hold; anything else in the archive is ignored. */
function isBackupEntry(entry: string): boolean {
  return [MANIFEST, DATABASE_FILE, INSTANCE_KEY_FILE, INSTANCE_SIGNING_KEY_FILE, CHECKPOINT_FILE, 'files', 'files/'].includes(entry) || /^files\/[0-9a-f]{32}\.age$/.test(entry);
}

/**
 * Unpack a backup into `dataDir`, which must not hold an instance. Checks
 * the manifest and that every file the database names came along. The
 * caller opens the data directory afterwards (migrations, integrity).
 */
export async function restoreBackup(archive: string, dataDir: string): Promise<BackupManifest> {
  if (existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw new BackupError(`${dataDir} already holds an instance; restore into an empty data directory`);
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const work = await mkdtemp(path.join(dataDir, '.restore-'));
  try {
    await tar.extract({ file: archive, cwd: work, filter: (entry) => isBackupEntry(entry.replace(/^\.\//, '')) });
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(await readFile(path.join(work, MANIFEST), 'utf8')) as BackupManifest;
    } catch {
      throw new BackupError('not a Tipline backup (no manifest)');
    }
    if (manifest.format !== FORMAT || manifest.version !== 1) throw new BackupError('not a Tipline backup this version can read');
    const { storageNames } = snapshotContents(path.join(work, DATABASE_FILE));
    const missing = storageNames.filter((name) => !existsSync(path.join(work, 'files', `${name}.age`)));
    if (missing.length > 0) throw new BackupError(`the backup lacks ${missing.length} evidence file(s); it is damaged`);
    await mkdir(path.join(dataDir, 'files'), { recursive: true, mode: 0o700 });
    for (const name of storageNames) await rename(path.join(work, 'files', `${name}.age`), path.join(dataDir, 'files', `${name}.age`));
    await rename(path.join(work, INSTANCE_KEY_FILE), path.join(dataDir, INSTANCE_KEY_FILE));
    if (existsSync(path.join(work, INSTANCE_SIGNING_KEY_FILE))) {
      await rename(path.join(work, INSTANCE_SIGNING_KEY_FILE), path.join(dataDir, INSTANCE_SIGNING_KEY_FILE));
    }
    if (existsSync(path.join(work, CHECKPOINT_FILE))) await rename(path.join(work, CHECKPOINT_FILE), path.join(dataDir, CHECKPOINT_FILE));
    await rename(path.join(work, DATABASE_FILE), path.join(dataDir, DATABASE_FILE));
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
