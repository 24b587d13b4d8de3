/** authorities rows: who a referral package can be encrypted to (migration 016). */
import type { Db } from './database';

export interface AuthorityRow {
  id: number;
  name: string;
  jurisdiction: string;
  /** age recipient, `age1…` or `age1pq1…`. */
  recipient: string;
  createdAt: string;
  createdBy: number | null;
  disabled: boolean;
}

const SELECT = `SELECT id, name, jurisdiction, recipient, created_at AS createdAt, created_by AS createdBy, disabled FROM authorities`;

type Raw = Omit<AuthorityRow, 'disabled'> & { disabled: number };
const fromRaw = (row: Raw): AuthorityRow => ({ ...row, disabled: row.disabled === 1 });

/** Register an authority; returns its id. */
export function insertAuthority(db: Db, row: { name: string; jurisdiction: string; recipient: string; createdAt: string; createdBy: number }): number {
  const result = db
    .prepare('INSERT INTO authorities (name, jurisdiction, recipient, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
    .run(row.name, row.jurisdiction, row.recipient, row.createdAt, row.createdBy);
  return Number(result.lastInsertRowid);
}

/** Every authority by name, the disabled ones too unless `enabledOnly`. */
export function listAuthorities(db: Db, options: { enabledOnly: boolean }): AuthorityRow[] {
  const where = options.enabledOnly ? ' WHERE disabled = 0' : '';
  return db.prepare<[], Raw>(`${SELECT}${where} ORDER BY name, id`).all().map(fromRaw);
}

/** One authority, or null. */
export function findAuthority(db: Db, id: number): AuthorityRow | null {
  const row = db.prepare<[number], Raw>(`${SELECT} WHERE id = ?`).get(id);
  return row ? fromRaw(row) : null;
}

/** Mark an authority disabled; false when there is no such authority. */
export function disableAuthority(db: Db, id: number): boolean {
  return db.prepare('UPDATE authorities SET disabled = 1 WHERE id = ?').run(id).changes === 1;
}
