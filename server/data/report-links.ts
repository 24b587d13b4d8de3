/** Links between related reports, stored once with the smaller id first. */
import type { Db } from './database';
import type { InternalStatus } from '../../contract/vocabulary';

/** Link two reports; false when they were already linked. */
export function insertReportLink(db: Db, link: { a: number; b: number; staffId: number; createdAt: string }): boolean {
  const [low, high] = link.a < link.b ? [link.a, link.b] : [link.b, link.a];
  const result = db
    .prepare('INSERT OR IGNORE INTO report_links (report_id, related_id, staff_id, created_at) VALUES (?, ?, ?, ?)')
    .run(low, high, link.staffId, link.createdAt);
  return result.changes === 1;
}

/** A report linked to another: its channel (callers hide the ones outside a member's channels) and clear queue fields. */
export interface LinkedReport {
  id: number;
  channelId: number;
  category: string;
  status: InternalStatus;
}

/** The reports linked to this one, by id. */
export function listLinkedReports(db: Db, reportId: number): LinkedReport[] {
  return db
    .prepare<{ id: number }, LinkedReport>(
      `SELECT r.id, r.channel_id AS channelId, r.category, r.status FROM report_links l
       JOIN reports r ON r.id = CASE WHEN l.report_id = @id THEN l.related_id ELSE l.report_id END
       WHERE l.report_id = @id OR l.related_id = @id
       ORDER BY r.id`,
    )
    .all({ id: reportId });
}
