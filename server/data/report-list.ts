/**
 * The queue listing: report metadata filtered and in queue order (unmarked
 * before low-effort marked, then priority highest first, then id oldest
 * first), with keyset pagination so a page deep in a million reports costs
 * what the first page costs.
 */
import type { Db } from './database';
import { OVERDUE_AT_NOW_SQL } from './overdue';
import { QUEUE_ORDER_SQL, queueOrder, type QueuePosition } from './queue-order';
import { REPORT_META_FROM, type ReportMeta } from './report-metadata';
import type { InternalStatus } from '../../contract/vocabulary';

export interface ReportListFilter {
  /** The channels to list; the caller intersects them with the channels it holds. Never empty. */
  channelIds: readonly number[];
  status?: InternalStatus | undefined;
  category?: string | undefined;
  region?: string | undefined;
  /** A staff id, or null for unassigned reports. */
  assigneeId?: number | null | undefined;
  /** When set (the current time, to the second): only reports overdue at that moment. */
  overdueAt?: string | undefined;
  /** true: only reports with the low-effort marker; false: only those without. */
  lowEffort?: boolean | undefined;
  /** Keyset cursor: the last row of the previous page. */
  after?: QueuePosition | undefined;
  limit: number;
}

type Params = Record<string, string | number>;

/** Terms for one channel; the channel comes first so SQLite seeks a (channel_id, ..., low_effort, priority DESC, id) index. */
function whereClause(channelId: number, filter: ReportListFilter, params: Params): string {
  params['channel'] = channelId;
  const terms = ['r.channel_id = @channel'];
  if (filter.status !== undefined) {
    params['status'] = filter.status;
    terms.push('r.status = @status');
  }
  if (filter.category !== undefined) {
    params['category'] = filter.category;
    terms.push('r.category = @category');
  }
  if (filter.region !== undefined) {
    params['region'] = filter.region;
    terms.push('r.region = @region');
  }
  if (filter.assigneeId === null) terms.push('r.assignee_id IS NULL');
  else if (filter.assigneeId !== undefined) {
    params['assignee'] = filter.assigneeId;
    terms.push('r.assignee_id = @assignee');
  }
  if (filter.lowEffort !== undefined) {
    params['lowEffort'] = filter.lowEffort ? 1 : 0;
    terms.push('r.low_effort = @lowEffort');
  }
  if (filter.overdueAt !== undefined) {
    params['now'] = filter.overdueAt;
    terms.push(OVERDUE_AT_NOW_SQL);
  }
  return terms.join(' AND ');
}

/**
 * After a cursor, the rest of the queue is up to three index ranges, read in
 * this order: the cursor's own marker and priority past its id; the same
 * marker at lower priorities; and (after an unmarked row) every marked row.
 * One OR of the three is something SQLite cannot seek on.
 */
function rangesAfter(after: QueuePosition | undefined, filter: ReportListFilter): string[] {
  if (after === undefined) return [''];
  const ranges = [
    ' AND r.low_effort = @afterLowEffort AND r.priority = @afterPriority AND r.id > @afterId',
    ' AND r.low_effort = @afterLowEffort AND r.priority < @afterPriority',
  ];
  if (after.lowEffort === 0 && filter.lowEffort === undefined) ranges.push(' AND r.low_effort = 1');
  return ranges;
}

/**
 * The statements that read one channel's page, in order, each with its
 * parameters (LIMIT not yet lowered by earlier ranges). Exported so a test
 * can check every one of them with EXPLAIN QUERY PLAN.
 */
export function channelPageQueries(channelId: number, filter: ReportListFilter): { sql: string; params: Params }[] {
  const params: Params = { limit: filter.limit };
  const where = whereClause(channelId, filter, params);
  if (filter.after !== undefined) {
    params['afterLowEffort'] = filter.after.lowEffort;
    params['afterPriority'] = filter.after.priority;
    params['afterId'] = filter.after.id;
  }
  return rangesAfter(filter.after, filter).map((range) => ({ sql: `${REPORT_META_FROM} WHERE ${where}${range} ${QUEUE_ORDER_SQL} LIMIT @limit`, params }));
}

/** One channel's next `limit` rows after the cursor, reading the ranges until the page is full. */
function listChannel(db: Db, channelId: number, filter: ReportListFilter): ReportMeta[] {
  const rows: ReportMeta[] = [];
  for (const { sql, params } of channelPageQueries(channelId, filter)) {
    if (rows.length >= filter.limit) break;
    rows.push(...db.prepare<[Params], ReportMeta>(sql).all({ ...params, limit: filter.limit - rows.length }));
  }
  return rows;
}

/**
 * Up to `limit` reports after the cursor, in queue order. Each channel is
 * read separately in index order and the pages merged: one query over
 * `channel_id IN (...)` would have to sort every matching row.
 */
export function listReportMeta(db: Db, filter: ReportListFilter): ReportMeta[] {
  return filter.channelIds
    .flatMap((channelId) => listChannel(db, channelId, filter))
    .sort(queueOrder)
    .slice(0, filter.limit);
}
