/**
 * Opening a data directory: create it, open the database, apply migrations
 * and load the instance key. Shared by the server and the CLI.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { applyMigrations, openDatabase, type Db } from './data/database';
import { DATABASE_FILE, loadOrCreateInstanceKey } from './services/instance';

export interface OpenedDataDir {
  db: Db;
  instanceKey: Buffer;
}

/** Open (and create if needed) the data directory named by the configuration. */
export function openDataDir(config: Config): OpenedDataDir {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(path.join(config.dataDir, DATABASE_FILE));
  applyMigrations(db);
  return { db, instanceKey: loadOrCreateInstanceKey(config.dataDir) };
}
