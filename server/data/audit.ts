/**
 * The audit trail: append-only (triggers refuse UPDATE and DELETE) and
 * hash-chained, so removing or editing an entry breaks every later hash.
 * Entries hold ids and action names, never content.
 */
import { createHash } from 'node:crypto';
import type { AuditAction } from '../../contract/vocabulary';
import type { Db } from './database';
import type { AuditChain, AuditEntry as AuditListEntry } from '../../contract/schemas/staff-oversight-views';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actorStaffId: number | null;
  action: string;
  reportId: number | null;
  channelId: number | null;
  /** JSON object of ids and enum values only. */
  detail: string;
}

interface AuditRow extends AuditEntry {
  id: number;
  prevHash: string;
  hash: string;
}

/** The hash of an entry chained to `prevHash`: what verification recomputes. */
export function entryHash(prevHash: string, entry: AuditEntry): string {
  const canonical = JSON.stringify([
    prevHash,
    entry.at,
    entry.actorStaffId,
    entry.action,
    entry.reportId,
    entry.channelId,
    entry.detail,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Told the id of each entry appended through a database handle (the
 * checkpointer, server/services/audit-checkpoints.ts, decides from it alone
 * whether a checkpoint is due, so the hot path gains no query). Called
 * inside the caller's transaction, if any: a listener must not sign there.
 */
const appendListeners = new WeakMap<Db, (entries: number) => void>();

/** Have `listener` told the size of the trail after each append through `db` (one listener per handle). */
export function onAuditAppended(db: Db, listener: (entries: number) => void): void {
  appendListeners.set(db, listener);
}

/** Append an entry, chained to the last one. Safe across processes (IMMEDIATE transaction). */
export function appendAudit(
  db: Db,
  entry: Omit<AuditEntry, 'action' | 'detail' | 'reportId' | 'channelId'> & {
    /** One of the vocabulary's audit actions: the console has a sentence for each. */
    action: AuditAction;
    reportId?: number | null;
    channelId?: number | null;
    detail?: Record<string, string | number | boolean | null>;
  },
): void {
  const full: AuditEntry = {
    at: entry.at,
    actorStaffId: entry.actorStaffId,
    action: entry.action,
    reportId: entry.reportId ?? null,
    channelId: entry.channelId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  const id = db.transaction(() => {
    const last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
    const prevHash = last?.hash ?? GENESIS_HASH;
    const next = (last?.id ?? 0) + 1;
    db.prepare(
      `INSERT INTO audit_log (id, at, actor_staff_id, action, report_id, channel_id, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(next, full.at, full.actorStaffId, full.action, full.reportId, full.channelId, full.detail, prevHash, entryHash(prevHash, full));
    return next;
  }).immediate();
  appendListeners.get(db)?.(id);
}

/** Recompute the chain from the start; reports the first entry that does not match. */
export function verifyAuditChain(db: Db): AuditChain {
  const rows = db
    .prepare<[], AuditRow>(
      `SELECT id, at, actor_staff_id AS actorStaffId, action, report_id AS reportId, channel_id AS channelId,
         detail, prev_hash AS prevHash, hash FROM audit_log ORDER BY id`,
    )
    .iterate();
  let expectedPrev = GENESIS_HASH;
  let entries = 0;
  for (const row of rows) {
    entries += 1;
    if (row.prevHash !== expectedPrev || entryHash(expectedPrev, row) !== row.hash) {
      return { ok: false, entries, brokenAtId: row.id };
    }
    expectedPrev = row.hash;
  }
  return { ok: true, entries };
}

/** Entries newest first, `limit` of them before `beforeId`, optionally for one report. */
export function listAudit(db: Db, options: { limit: number; beforeId: number | null; reportId: number | null }): AuditListEntry[] {
  const rows = db
    .prepare<[number | null, number | null, number | null, number | null, number], Omit<AuditListEntry, 'detail'> & { detail: string }>(
      `SELECT a.id, a.at, a.actor_staff_id AS actorStaffId, s.username AS actorUsername, a.action,
         a.report_id AS reportId, a.channel_id AS channelId, a.detail, a.hash
       FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_staff_id
       WHERE (? IS NULL OR a.id < ?) AND (? IS NULL OR a.report_id = ?)
       ORDER BY a.id DESC LIMIT ?`,
    )
    .all(options.beforeId, options.beforeId, options.reportId, options.reportId, options.limit);
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}
