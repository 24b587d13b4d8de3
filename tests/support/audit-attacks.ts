/**
 * What an intruder with write access to tipline.db (but not to
 * instance-signing.key) can do to the audit trail: drop the triggers,
 * rewrite, delete or cut entries, recompute every hash after the change so
 * the plain hash chain verifies again, delete checkpoints, and put the
 * triggers back. Each helper opens the database file on its own, as a
 * separate process would.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { entryHash, GENESIS_HASH } from '../../server/data/audit';

type Raw = Database.Database;

const AUDIT_TRIGGERS = `
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
WHEN NEW.id IS NULL OR NEW.id <= (SELECT coalesce(max(id), 0) FROM audit_log)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`;

const CHECKPOINT_TRIGGERS = `
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
CREATE TRIGGER audit_checkpoints_append_only BEFORE INSERT ON audit_checkpoints
WHEN NEW.sequence IS NULL OR NEW.sequence <> (SELECT coalesce(max(sequence), 0) + 1 FROM audit_checkpoints)
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;`;

/** Open the data directory's database, triggers dropped, run `work`, put the triggers back. */
function tamper(dataDir: string, work: (raw: Raw) => void): void {
  const raw = new Database(path.join(dataDir, 'tipline.db'));
  raw.pragma('busy_timeout = 5000');
  try {
    raw.transaction(() => {
      raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_append_only;');
      raw.exec('DROP TRIGGER audit_checkpoints_no_update; DROP TRIGGER audit_checkpoints_no_delete; DROP TRIGGER audit_checkpoints_append_only;');
      work(raw);
      raw.exec(AUDIT_TRIGGERS);
      raw.exec(CHECKPOINT_TRIGGERS);
    })();
  } finally {
    raw.close();
  }
}

interface Row {
  id: number;
  at: string;
  actorStaffId: number | null;
  action: string;
  reportId: number | null;
  channelId: number | null;
  detail: string;
}

/** Recompute prev_hash and hash of every entry from `fromId` on, as the intruder would to hide a change. */
function rehash(raw: Raw, fromId: number): void {
  const before = raw.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(fromId - 1);
  let prev = before?.hash ?? GENESIS_HASH;
  const rows = raw
    .prepare<[number], Row>(
      'SELECT id, at, actor_staff_id AS actorStaffId, action, report_id AS reportId, channel_id AS channelId, detail FROM audit_log WHERE id >= ? ORDER BY id',
    )
    .all(fromId);
  // Placeholders first: hash is UNIQUE, and a new hash may equal an old one further on.
  raw.prepare("UPDATE audit_log SET hash = 'rehash-' || id WHERE id >= ?").run(fromId);
  const update = raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const row of rows) {
    const hash = entryHash(prev, row);
    update.run(prev, hash, row.id);
    prev = hash;
  }
}

/** Attack (a): change the action of the entry `id` and recompute every later hash. */
export function rewriteEntry(dataDir: string, id: number, action: string): void {
  tamper(dataDir, (raw) => {
    raw.prepare('UPDATE audit_log SET action = ? WHERE id = ?').run(action, id);
    rehash(raw, id);
  });
}

/** Attack (b): delete the entry `id`, renumber the later ones down by one and recompute their hashes. */
export function deleteEntryAndRenumber(dataDir: string, id: number): void {
  tamper(dataDir, (raw) => {
    raw.prepare('DELETE FROM audit_log WHERE id = ?').run(id);
    const later = raw.prepare<[number], { id: number }>('SELECT id FROM audit_log WHERE id > ? ORDER BY id').all(id);
    const renumber = raw.prepare('UPDATE audit_log SET id = ? WHERE id = ?');
    for (const row of later) renumber.run(row.id - 1, row.id);
    rehash(raw, id);
  });
}

/** Attack (c): delete every entry after the first `keep`. */
export function cutTail(dataDir: string, keep: number): void {
  tamper(dataDir, (raw) => void raw.prepare('DELETE FROM audit_log WHERE id > ?').run(keep));
}

/** Delete the checkpoints that cover more than `entries` entries (the ones that would give a change away). */
export function deleteCheckpointsBeyond(dataDir: string, entries: number): void {
  tamper(dataDir, (raw) => void raw.prepare('DELETE FROM audit_checkpoints WHERE entries > ?').run(entries));
}

/** Insert a checkpoint row as given (e.g. one signed with another key). */
export function insertCheckpointRow(
  dataDir: string,
  checkpoint: {
    sequence: number;
    entries: number;
    head: string;
    time: string;
    previous: string;
    keyId: string;
    signature: string;
  },
): void {
  tamper(
    dataDir,
    (raw) =>
      void raw
        .prepare('INSERT INTO audit_checkpoints (sequence, entries, head_hash, at, previous_hash, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(checkpoint.sequence, checkpoint.entries, checkpoint.head, checkpoint.time, checkpoint.previous, checkpoint.keyId, checkpoint.signature),
  );
}

/** The id of the first entry with this action. */
export function firstEntryWith(dataDir: string, action: string): number {
  const raw = new Database(path.join(dataDir, 'tipline.db'), {
    readonly: true,
  });
  try {
    const row = raw.prepare<[string], { id: number }>('SELECT id FROM audit_log WHERE action = ? ORDER BY id LIMIT 1').get(action);
    if (row === undefined) throw new Error(`no ${action} entry`);
    return row.id;
  } finally {
    raw.close();
  }
}
