/**
 * The blind search index (db/migrations/011_search_index.sql): rows of
 * (channel, 16-byte blind token, report). Nothing here sees a word; the
 * tokens arrive already keyed (server/crypto/search-key.ts).
 */
import type { Db } from './database';

/** What a report's tokens were made from: checked again before they are stored. */
export interface IndexSnapshot {
  channelId: number;
  /** The newest message and case record when the content was read: a newer one makes the tokens stale. */
  lastMessageId: number;
  lastRecordId: number;
}

/** The report's channel and newest content ids now, or null when it is gone. */
export function indexSnapshotOf(db: Db, reportId: number): IndexSnapshot | null {
  return (
    db
      .prepare<[number, number, number], IndexSnapshot>(
        `SELECT channel_id AS channelId,
           (SELECT coalesce(max(id), 0) FROM report_messages WHERE report_id = ?) AS lastMessageId,
           (SELECT coalesce(max(id), 0) FROM case_records WHERE report_id = ?) AS lastRecordId
         FROM reports WHERE id = ?`,
      )
      .get(reportId, reportId, reportId) ?? null
  );
}

/**
 * Replace a report's tokens and mark it indexed with `version`, unless it
 * changed since `snapshot` (moved, or new content): then nothing is written
 * and the answer is false, and the report stays unindexed for the next try.
 */
export function replaceReportTokens(db: Db, reportId: number, snapshot: IndexSnapshot, tokens: readonly Uint8Array[], version: number): boolean {
  const insert = db.prepare('INSERT OR IGNORE INTO search_tokens (channel_id, token, report_id) VALUES (?, ?, ?)');
  return db
    .transaction((): boolean => {
      const now = indexSnapshotOf(db, reportId);
      if (!now || now.channelId !== snapshot.channelId || now.lastMessageId !== snapshot.lastMessageId || now.lastRecordId !== snapshot.lastRecordId) {
        return false;
      }
      db.prepare('DELETE FROM search_tokens WHERE report_id = ?').run(reportId);
      for (const token of tokens) insert.run(snapshot.channelId, token, reportId);
      db.prepare('UPDATE reports SET search_version = ? WHERE id = ?').run(version, reportId);
      return true;
    })
    .immediate();
}

/** Up to `limit` unindexed reports of a channel after `afterId`, oldest first. */
export function findUnindexedReports(db: Db, channelId: number, afterId: number, limit: number): number[] {
  return db
    .prepare<[number, number, number], { id: number }>(
      'SELECT id FROM reports INDEXED BY reports_unindexed WHERE channel_id = ? AND search_version < 1 AND id > ? ORDER BY id LIMIT ?',
    )
    .all(channelId, afterId, limit)
    .map((row) => row.id);
}

/** How many reports of these channels are not indexed. */
export function countUnindexed(db: Db, channelIds: readonly number[]): number {
  const count = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM reports INDEXED BY reports_unindexed WHERE channel_id = ? AND search_version < 1');
  return channelIds.reduce((sum, channelId) => sum + (count.get(channelId)?.n ?? 0), 0);
}

/** How many reports of the channel hold the token, counting no further than `cap` (enough to rank and to skip common tokens). */
export function tokenFrequency(db: Db, channelId: number, token: Uint8Array, cap: number): number {
  return (
    db
      .prepare<[number, Uint8Array, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM search_tokens WHERE channel_id = ? AND token = ? LIMIT ?)',
      )
      .get(channelId, token, cap)?.n ?? 0
  );
}

/**
 * The newest reports of the channel holding every token, newest first.
 * `tokens` should come rarest first: SQLite walks the first token's reports
 * (newest first) and probes the others' primary key for each.
 */
export function findReportsWithAll(db: Db, channelId: number, tokens: readonly Uint8Array[], limit: number): number[] {
  const [first, ...rest] = tokens;
  if (first === undefined) return [];
  const probes = rest
    .map(() => 'AND EXISTS (SELECT 1 FROM search_tokens o WHERE o.channel_id = s.channel_id AND o.token = ? AND o.report_id = s.report_id)')
    .join(' ');
  return db
    .prepare<unknown[], { id: number }>(
      `SELECT s.report_id AS id FROM search_tokens s WHERE s.channel_id = ? AND s.token = ? ${probes} ORDER BY s.report_id DESC LIMIT ?`,
    )
    .all(channelId, first, ...rest, limit)
    .map((row) => row.id);
}

/** A report's blind tokens. */
export function tokensOfReport(db: Db, reportId: number): Buffer[] {
  return db
    .prepare<[number], { token: Buffer }>('SELECT token FROM search_tokens WHERE report_id = ?')
    .all(reportId)
    .map((row) => row.token);
}

/** The reports of the channel holding a token, at most `limit`. */
export function reportsWithToken(db: Db, channelId: number, token: Uint8Array, limit: number): number[] {
  return db
    .prepare<[number, Uint8Array, number], { id: number }>('SELECT report_id AS id FROM search_tokens WHERE channel_id = ? AND token = ? LIMIT ?')
    .all(channelId, token, limit)
    .map((row) => row.id);
}

/** Reports in the channel (the base of "rare"). */
export function countChannelReports(db: Db, channelId: number): number {
  return db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM reports WHERE channel_id = ?').get(channelId)?.n ?? 0;
}

/** Whether the report's tokens are missing or older than `version`. */
export function needsIndexing(db: Db, reportId: number, version: number): boolean {
  const row = db.prepare<[number], { v: number }>('SELECT search_version AS v FROM reports WHERE id = ?').get(reportId);
  return row !== undefined && row.v < version;
}
