/**
 * Where evidence files live: DATA_DIR/files/<storage name>.age, each a
 * standard age file. A file being received is written to files/incoming/
 * first and moved into place only when the whole submission has arrived, so
 * a cut connection or a killed server never leaves a half file where a
 * stored one would be. Whatever is in incoming/ at startup is a leftover
 * and is deleted, and so is any stored file no database row refers to (the
 * server died between moving files into place and committing their rows).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, type ReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** 128 random bits as hex: names files without saying anything about them. */
function newStorageName(): string {
  return randomBytes(16).toString('hex');
}

const STORAGE_NAME = /^[0-9a-f]{32}$/;

export class FileStore {
  readonly dir: string;
  readonly incomingDir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'files');
    this.incomingDir = path.join(this.dir, 'incoming');
    mkdirSync(this.incomingDir, { recursive: true, mode: 0o700 });
  }

  /** A fresh name and the incoming path to write it to. */
  stage(): { storageName: string; incomingPath: string } {
    const storageName = newStorageName();
    return { storageName, incomingPath: this.incomingPath(storageName) };
  }

  incomingPath(storageName: string): string {
    return path.join(this.incomingDir, `${checked(storageName)}.part`);
  }

  storedPath(storageName: string): string {
    return path.join(this.dir, `${checked(storageName)}.age`);
  }

  /** Flush a fully written incoming file to disk (before it counts as received). */
  async syncIncoming(storageName: string): Promise<void> {
    const handle = await open(this.incomingPath(storageName), 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Move received files into place and make the moves durable. Call before committing their rows. */
  async commit(storageNames: readonly string[]): Promise<void> {
    for (const name of storageNames) await rename(this.incomingPath(name), this.storedPath(name));
    if (storageNames.length > 0) await syncDirectory(this.dir);
  }

  /** Delete files wherever they are (incoming or stored); missing ones are fine. */
  async discard(storageNames: readonly string[]): Promise<void> {
    for (const name of storageNames) {
      await rm(this.incomingPath(name), { force: true });
      await rm(this.storedPath(name), { force: true });
    }
  }

  /** Delete incoming files that were never committed (committed ones have moved and are untouched). */
  async discardIncoming(storageNames: readonly string[]): Promise<void> {
    for (const name of storageNames) await rm(this.incomingPath(name), { force: true });
  }

  /** The stored age file, as a stream. */
  openStored(storageName: string): ReadStream {
    return createReadStream(this.storedPath(storageName));
  }

  /**
   * At startup, before serving: delete every incoming leftover and every
   * stored file that no row refers to. Not safe while uploads are running.
   */
  sweep(referenced: ReadonlySet<string>): { incoming: number; orphans: number } {
    let incoming = 0;
    for (const entry of readdirSync(this.incomingDir)) {
      rmSync(path.join(this.incomingDir, entry), { force: true, recursive: true });
      incoming += 1;
    }
    let orphans = 0;
    for (const entry of readdirSync(this.dir)) {
      const match = /^([0-9a-f]{32})\.age$/.exec(entry);
      if (match?.[1] !== undefined && !referenced.has(match[1])) {
        rmSync(path.join(this.dir, entry), { force: true });
        orphans += 1;
      }
    }
    return { incoming, orphans };
  }
}

function checked(storageName: string): string {
  // Names come from our own rows, but a path must never be built from anything else.
  if (!STORAGE_NAME.test(storageName)) throw new Error('not a storage name');
  return storageName;
}

/** fsync a directory so that renames inside it survive a power cut. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
