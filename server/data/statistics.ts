/** Counts for auditors: from clear metadata only, never content. */
import type { Db } from './database';
import { channelNames, listChannelNames } from './channels';
import { inRange, rangeBounds, type RangeBounds } from './statistics-range';
import { caseRecordCounts, outcomeCounts, overdueLeadCounts } from './statistics-registers';
import type { Statistics, StatisticsQuery } from '../../contract/schemas/staff-oversight-views';

type Count = { key: string; count: number };

/** All the numbers at `now` (ISO) for leads received, and entries recorded, in `query`'s days. */
export function computeStatistics(db: Db, now: string, query: StatisticsQuery = {}): Statistics {
  const range = rangeBounds(query);
  const received = inRange('r.received_at');
  const grouped = (expression: string): Count[] =>
    db
      .prepare<RangeBounds, Count>(`SELECT ${expression} AS key, count(*) AS count FROM reports r WHERE ${received} GROUP BY 1 ORDER BY 1`)
      .all(range);
  const overdue = db
    .prepare<RangeBounds & { now: string }, { acknowledgement: number; feedback: number }>(
      `SELECT
         coalesce(sum(acknowledged_at IS NULL AND status <> 'closed' AND ack_due_at < @now), 0) AS acknowledgement,
         coalesce(sum(status <> 'closed' AND feedback_due_at < @now), 0) AS feedback
       FROM reports r WHERE ${received}`,
    )
    .get({ ...range, now }) ?? { acknowledgement: 0, feedback: 0 };
  const { byMonth: _referralMonths, ...referrals } = caseRecordCounts(db, 'referral', range);
  return {
    range: { from: query.from ?? null, to: query.to ?? null },
    total: db.prepare<RangeBounds, { n: number }>(`SELECT count(*) AS n FROM reports r WHERE ${received}`).get(range)?.n ?? 0,
    byChannel: grouped('(SELECT slug FROM channels c WHERE c.id = r.channel_id)'),
    byCategory: grouped('r.category'),
    byRegion: grouped("coalesce(r.region, '')"),
    byStatus: grouped('r.status'),
    byMonth: grouped('substr(r.received_at, 1, 7)'),
    medianHoursToAcknowledge: medianHoursToAcknowledge(db, range),
    overdue,
    channels: listChannelNames(db).map(channelNames),
    interference: caseRecordCounts(db, 'interference', range),
    referrals,
    outcomes: outcomeCounts(db, range),
    overdueLeads: overdueLeadCounts(db, range, now),
  };
}

function medianHoursToAcknowledge(db: Db, range: RangeBounds): number | null {
  const hours = db
    .prepare<RangeBounds, { h: number }>(
      `SELECT (julianday(acknowledged_at) - julianday(received_at)) * 24 AS h FROM reports r
       WHERE acknowledged_at IS NOT NULL AND ${inRange('r.received_at')} ORDER BY h`,
    )
    .all(range)
    .map((row) => row.h);
  const middle = Math.floor(hours.length / 2);
  const median =
    hours.length === 0 ? null : hours.length % 2 === 1 ? (hours[middle] ?? null) : ((hours[middle - 1] ?? 0) + (hours[middle] ?? 0)) / 2;
  return median === null ? null : Math.round(median * 10) / 10;
}
