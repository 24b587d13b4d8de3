/**
 * Register counts for auditors, each by channel and by region: referrals and
 * interference entries (from the clear kind and hour of case records only:
 * what an entry says stays encrypted), closed leads by outcome, and leads on
 * the slow-progress register.
 */
import type { Db } from './database';
import { OVERDUE_AT_NOW_SQL } from './overdue';
import { inRange, type RangeBounds } from './statistics-range';
import type { Statistics } from '../../contract/schemas/staff-oversight-views';

type Count = { key: string; count: number };
type OutcomeCount = Count & { outcome: string };

const CHANNEL = '(SELECT slug FROM channels c WHERE c.id = r.channel_id)';
const REGION = "coalesce(r.region, '')";

/** Case records of one kind recorded in the range, by channel, region and month. */
export function caseRecordCounts(db: Db, kind: 'referral' | 'interference', range: RangeBounds): Statistics['interference'] {
  const grouped = (expression: string): Count[] =>
    db
      .prepare<RangeBounds & { kind: string }, Count>(
        `SELECT ${expression} AS key, count(*) AS count
         FROM case_records cr JOIN reports r ON r.id = cr.report_id
         WHERE cr.kind = @kind AND ${inRange('cr.created_at')} GROUP BY 1 ORDER BY 1`,
      )
      .all({ ...range, kind });
  const byChannel = grouped(CHANNEL);
  return { total: sum(byChannel), byChannel, byRegion: grouped(REGION), byMonth: grouped('substr(cr.created_at, 1, 7)') };
}

/** Leads received in the range and closed, by outcome, and by channel or region and outcome. */
export function outcomeCounts(db: Db, range: RangeBounds): Statistics['outcomes'] {
  const grouped = (expression: string): OutcomeCount[] =>
    db
      .prepare<RangeBounds, OutcomeCount>(
        `SELECT ${expression} AS key, coalesce(r.outcome, '') AS outcome, count(*) AS count FROM reports r
         WHERE r.status = 'closed' AND ${inRange('r.received_at')} GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .all(range);
  const byOutcome = db
    .prepare<RangeBounds, Count>(
      `SELECT coalesce(r.outcome, '') AS key, count(*) AS count FROM reports r
       WHERE r.status = 'closed' AND ${inRange('r.received_at')} GROUP BY 1 ORDER BY 1`,
    )
    .all(range);
  return { total: sum(byOutcome), byOutcome, byChannel: grouped(CHANNEL), byRegion: grouped(REGION) };
}

/** Leads received in the range that are on the slow-progress register at `now`. */
export function overdueLeadCounts(db: Db, range: RangeBounds, now: string): Statistics['overdueLeads'] {
  const grouped = (expression: string): Count[] =>
    db
      .prepare<RangeBounds & { now: string }, Count>(
        `SELECT ${expression} AS key, count(*) AS count FROM reports r
         WHERE ${OVERDUE_AT_NOW_SQL} AND ${inRange('r.received_at')} GROUP BY 1 ORDER BY 1`,
      )
      .all({ ...range, now });
  const byChannel = grouped(CHANNEL);
  return { total: sum(byChannel), byChannel, byRegion: grouped(REGION) };
}

const sum = (rows: readonly Count[]): number => rows.reduce((total, row) => total + row.count, 0);
