/**
 * Opening a data directory: create it, open the database, apply migrations
 * and load the instance key. Shared by the server and the CLI.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { applyMigrations, openDatabase, type Db } from './data/database';
import { FileStore } from './files/file-store';
import type { SigningKeyPair } from './crypto/signing';
import { DATABASE_FILE, DataDirError, loadOrCreateInstanceKey, loadOrCreateInstanceSigningKey } from './services/instance';

export interface OpenedDataDir {
  db: Db;
  instanceKey: Buffer;
  /** Signs checkpoints and referral manifests (DATA_DIR/instance-signing.key). */
  signingKey: SigningKeyPair;
  /** Evidence files (DATA_DIR/files). */
  files: FileStore;
}

/**
 * Open the data directory named by the configuration, creating it unless
 * `mustExist` (commands that only read an instance should not conjure an
 * empty one from a mistyped DATA_DIR).
 */
export function openDataDir(config: Config, options: { mustExist?: boolean } = {}): OpenedDataDir {
  if (options.mustExist && !existsSync(path.join(config.dataDir, DATABASE_FILE))) {
    throw new DataDirError(`no Tipline instance in ${config.dataDir} (set DATA_DIR, or run \`tipline init\`)`);
  }
  // Everything Tipline writes (database, WAL, keys) is for its own user only.
  process.umask(0o077);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(path.join(config.dataDir, DATABASE_FILE));
  applyMigrations(db);
  return {
    db,
    instanceKey: loadOrCreateInstanceKey(config.dataDir, db),
    signingKey: loadOrCreateInstanceSigningKey(config.dataDir),
    files: new FileStore(config.dataDir),
  };
}
