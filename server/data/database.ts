/**
 * Opening the SQLite database and applying migrations. Every other data
 * module takes the `Db` handle as an argument; nothing opens it at import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS_DIR } from '../paths';

export type Db = Database.Database;

/** Open (creating if needed) the database file with Tipline's pragmas. */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${file} (got ${String(mode)})`);
  // FULL, not NORMAL: in WAL mode NORMAL survives a process kill but may lose
  // the last transactions on power loss or an OS crash. A report whose code
  // was shown to the reporter must never be lost, so every commit is synced.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted content is overwritten with zeros instead of lingering in free pages.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  keepPreparedStatements(db);
  return db;
}

/**
 * How many distinct SQL texts a connection keeps prepared. The data modules
 * use a few dozen fixed texts; the report listing builds one per filter
 * combination, which stays well below this.
 */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Make `db.prepare(sql)` hand back the statement it prepared before for the
 * same text. Every data function prepares its statement on each call, which
 * costs SQLite a parse and a plan each time: measured in the server, about
 * 0.1 ms of a report submission and more of a claim, for nothing.
 * Sharing one statement is safe because nothing in Tipline changes a
 * statement's mode (pluck, raw, expand) and better-sqlite3 is synchronous,
 * so two callers never run one statement at once (except a caller that
 * runs the same SQL inside an `iterate()` loop over it, which none does).
 */
function keepPreparedStatements(db: Db): void {
  const prepareAnew = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = prepareAnew(sql);
      // Forget the oldest text first; a busy instance re-prepares it once.
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return statement;
  };
  db.prepare = prepare as Db['prepare'];
}

/** Apply, in name order, every migration in db/migrations not yet applied. Returns the names applied. */
export function applyMigrations(db: Db, dir: string = MIGRATIONS_DIR): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(
    db.prepare<[], { name: string }>('SELECT name FROM schema_migrations').all().map((row) => row.name),
  );
  const pending = readdirSync(dir)
    .filter((name) => name.endsWith('.sql') && !applied.has(name))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const isApplied = db.prepare<[string], { name: string }>('SELECT name FROM schema_migrations WHERE name = ?');
  const done: string[] = [];
  for (const name of pending) {
    const sql = readFileSync(path.join(dir, name), 'utf8');
    // IMMEDIATE and re-checked inside: the server and a CLI command may start at once.
    db.transaction(() => {
      if (isApplied.get(name)) return;
      db.exec(sql);
      record.run(name, new Date().toISOString());
      done.push(name);
    }).immediate();
  }
  return done;
}
