/** Links between related reports, stored once with the smaller id first. */
import type { Db } from './database';

/** Link two reports; false when they were already linked. */
export function insertReportLink(db: Db, link: { a: number; b: number; staffId: number; createdAt: string }): boolean {
  const [low, high] = link.a < link.b ? [link.a, link.b] : [link.b, link.a];
  const result = db
    .prepare('INSERT OR IGNORE INTO report_links (report_id, related_id, staff_id, created_at) VALUES (?, ?, ?, ?)')
    .run(low, high, link.staffId, link.createdAt);
  return result.changes === 1;
}

/** The reports linked to this one, with their channels (callers hide the ones outside a member's channels). */
export function listLinkedReports(db: Db, reportId: number): { id: number; channelId: number }[] {
  return db
    .prepare<{ id: number }, { id: number; channelId: number }>(
      `SELECT r.id, r.channel_id AS channelId FROM report_links l
       JOIN reports r ON r.id = CASE WHEN l.report_id = @id THEN l.related_id ELSE l.report_id END
       WHERE l.report_id = @id OR l.related_id = @id
       ORDER BY r.id`,
    )
    .all({ id: reportId });
}
