/** Tags per channel (names are ciphertexts to the channel) and which leads carry them (ids only). */
import type { Db } from './database';

export interface TagRow {
  id: number;
  channelId: number;
  /** An age ciphertext to the channel. */
  name: Uint8Array;
}

/** Store a tag; returns its id. */
export function insertTag(db: Db, tag: { channelId: number; name: Uint8Array; createdBy: number; createdAt: string }): number {
  return Number(
    db.prepare('INSERT INTO channel_tags (channel_id, name, created_by, created_at) VALUES (?, ?, ?, ?)').run(tag.channelId, tag.name, tag.createdBy, tag.createdAt)
      .lastInsertRowid,
  );
}

/** The tags of these channels, oldest first. */
export function listTags(db: Db, channelIds: readonly number[]): TagRow[] {
  return db
    .prepare<[string], TagRow>('SELECT id, channel_id AS channelId, name FROM channel_tags WHERE channel_id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(JSON.stringify(channelIds));
}

/** One tag's channel, or null. */
export function findTagChannel(db: Db, tagId: number): number | null {
  return db.prepare<[number], { channelId: number }>('SELECT channel_id AS channelId FROM channel_tags WHERE id = ?').get(tagId)?.channelId ?? null;
}

/** Put a tag on a lead; false when it was there already. */
export function addReportTag(db: Db, reportId: number, tagId: number): boolean {
  return db.prepare('INSERT OR IGNORE INTO report_tags (report_id, tag_id) VALUES (?, ?)').run(reportId, tagId).changes === 1;
}

/** Take a tag off a lead; false when it was not there. */
export function removeReportTag(db: Db, reportId: number, tagId: number): boolean {
  return db.prepare('DELETE FROM report_tags WHERE report_id = ? AND tag_id = ?').run(reportId, tagId).changes === 1;
}

/** The tag ids of each of these leads. */
export function tagsOfReports(db: Db, reportIds: readonly number[]): Map<number, number[]> {
  const tags = new Map<number, number[]>();
  if (reportIds.length === 0) return tags;
  const rows = db
    .prepare<[string], { reportId: number; tagId: number }>(
      'SELECT report_id AS reportId, tag_id AS tagId FROM report_tags WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, tag_id',
    )
    .all(JSON.stringify(reportIds));
  for (const row of rows) tags.set(row.reportId, [...(tags.get(row.reportId) ?? []), row.tagId]);
  return tags;
}

/** The queue's tag filter, over `reports r` with the tag id bound as `@tag`. */
export const TAGGED_SQL = 'EXISTS (SELECT 1 FROM report_tags t WHERE t.report_id = r.id AND t.tag_id = @tag)';
