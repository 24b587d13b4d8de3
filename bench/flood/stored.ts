/** What a phase left in the database, read from the SQLite file read-only after the server stopped. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../server/services/instance';
import type { StoredCounts } from '../results';
import { HONEST_REGIONS } from './honest-reporters';


/** Count reports by who filed them, and audit rows, in a data directory. */
export function countStored(dataDir: string): StoredCounts {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const byRegion = (region: string): number => (db.prepare('SELECT count(*) AS n FROM reports WHERE region = ?').get(region) as { n: number }).n;
    const all = (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    const honestJs = byRegion(HONEST_REGIONS.js);
    const honestNoJs = byRegion(HONEST_REGIONS.nojs);
    const auditRows = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    return { honestJs, honestNoJs, junk: all - honestJs - honestNoJs, auditRows };
  } finally {
    db.close();
  }
}
