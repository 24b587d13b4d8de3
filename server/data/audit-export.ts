/**
 * The audit trail read exactly as stored, for the export a supervising body
 * receives (server/services/audit-export.ts). In pages by id, so a long
 * export never holds the shared connection busy between pages.
 */
import type { ExportedAuditEntry } from '../../contract/reports-upward';
import type { Db } from './database';

/** The first and last id of the trail in [fromId, toId] (either open), or null when it holds none there. */
export function auditIdBounds(db: Db, fromId: number | null, toId: number | null): { firstId: number; lastId: number } | null {
  const row = db
    .prepare<{ fromId: number | null; toId: number | null }, { firstId: number | null; lastId: number | null }>(
      `SELECT min(id) AS firstId, max(id) AS lastId FROM audit_log WHERE (@fromId IS NULL OR id >= @fromId) AND (@toId IS NULL OR id <= @toId)`,
    )
    .get({ fromId, toId });
  return row?.firstId == null || row.lastId == null ? null : { firstId: row.firstId, lastId: row.lastId };
}

/** Up to `limit` entries with ids in (afterId, lastId], oldest first, every column as stored. */
export function auditRowsAfter(db: Db, afterId: number, lastId: number, limit: number): ExportedAuditEntry[] {
  return db
    .prepare<[number, number, number], ExportedAuditEntry>(
      `SELECT id, at, actor_staff_id, action, report_id, channel_id, detail, prev_hash, hash
       FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`,
    )
    .all(afterId, lastId, limit);
}
