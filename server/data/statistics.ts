/** Counts for auditors: from clear metadata only, never content. */
import type { Db } from './database';
import { channelNames, listChannelNames } from './channels';
import type { Statistics } from '../../contract/schemas/staff-oversight-views';

type Count = { key: string; count: number };

/** All the numbers at `now` (ISO). */
export function computeStatistics(db: Db, now: string): Statistics {
  const grouped = (expression: string): Count[] =>
    db
      .prepare<[], Count>(`SELECT ${expression} AS key, count(*) AS count FROM reports r GROUP BY 1 ORDER BY 1`)
      .all();
  const hours = db
    .prepare<[], { h: number }>(
      `SELECT (julianday(acknowledged_at) - julianday(received_at)) * 24 AS h FROM reports
       WHERE acknowledged_at IS NOT NULL ORDER BY h`,
    )
    .all()
    .map((row) => row.h);
  const middle = Math.floor(hours.length / 2);
  const median =
    hours.length === 0 ? null : hours.length % 2 === 1 ? (hours[middle] ?? null) : ((hours[middle - 1] ?? 0) + (hours[middle] ?? 0)) / 2;
  const overdue = db
    .prepare<[string, string], { acknowledgement: number; feedback: number }>(
      `SELECT
         coalesce(sum(acknowledged_at IS NULL AND status <> 'closed' AND ack_due_at < ?), 0) AS acknowledgement,
         coalesce(sum(status <> 'closed' AND feedback_due_at < ?), 0) AS feedback
       FROM reports`,
    )
    .get(now, now) ?? { acknowledgement: 0, feedback: 0 };
  return {
    total: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports').get()?.n ?? 0,
    byChannel: grouped('(SELECT slug FROM channels c WHERE c.id = r.channel_id)'),
    byCategory: grouped('r.category'),
    byRegion: grouped("coalesce(r.region, '')"),
    byStatus: grouped('r.status'),
    byMonth: grouped('substr(r.received_at, 1, 7)'),
    medianHoursToAcknowledge: median === null ? null : Math.round(median * 10) / 10,
    overdue,
    channels: listChannelNames(db).map(channelNames),
    interference: interferenceCounts(db),
  };
}

/**
 * Interference register entries by channel and by month. Only the clear
 * `kind` and hour of each case record are read: the method, the person and
 * whether it was reported stay in the encrypted body, so these counts need
 * no new clear field.
 */
function interferenceCounts(db: Db): Statistics['interference'] {
  const grouped = (expression: string): Count[] =>
    db
      .prepare<[], Count>(
        `SELECT ${expression} AS key, count(*) AS count
         FROM case_records cr JOIN reports r ON r.id = cr.report_id
         WHERE cr.kind = 'interference' GROUP BY 1 ORDER BY 1`,
      )
      .all();
  const byChannel = grouped('(SELECT slug FROM channels c WHERE c.id = r.channel_id)');
  return { total: byChannel.reduce((sum, row) => sum + row.count, 0), byChannel, byMonth: grouped('substr(cr.created_at, 1, 7)') };
}
