/**
 * The queue listing: report metadata filtered and ordered by priority
 * (highest first), then id (oldest first), with keyset pagination so a page
 * deep in a million reports costs what the first page costs.
 */
import type { Db } from './database';
import { REPORT_META_FROM, type ReportMeta } from './report-metadata';
import type { InternalStatus } from './reports';

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
  /** Keyset cursor: the last row of the previous page. */
  after?: { priority: number; id: number } | undefined;
  limit: number;
}

type Params = Record<string, string | number>;

/** Terms for one channel; the channel comes first so SQLite seeks a (channel_id, ..., priority DESC, id) index. */
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
  if (filter.overdueAt !== undefined) {
    // The slow-progress register: open reports past either deadline. A closed
    // report needs no more work, so it leaves the register. The literal
    // `r.status != 'closed'` lets SQLite use the partial index of open reports.
    params['now'] = filter.overdueAt;
    terms.push(`r.status != 'closed' AND ((r.acknowledged_at IS NULL AND r.ack_due_at < @now) OR r.feedback_due_at < @now)`);
  }
  return terms.join(' AND ');
}

/**
 * One channel's next `limit` rows after the cursor. With a cursor the rest of
 * the cursor's priority comes first, then the lower priorities: two index
 * range scans instead of one OR that SQLite cannot seek on.
 */
function listChannel(db: Db, channelId: number, filter: ReportListFilter): ReportMeta[] {
  const params: Params = { limit: filter.limit };
  const where = whereClause(channelId, filter, params);
  if (filter.after === undefined) {
    return db.prepare<[Params], ReportMeta>(`${REPORT_META_FROM} WHERE ${where} ORDER BY r.priority DESC, r.id LIMIT @limit`).all(params);
  }
  params['afterPriority'] = filter.after.priority;
  params['afterId'] = filter.after.id;
  const samePriority = db
    .prepare<[Params], ReportMeta>(
      `${REPORT_META_FROM} WHERE ${where} AND r.priority = @afterPriority AND r.id > @afterId ORDER BY r.priority DESC, r.id LIMIT @limit`,
    )
    .all(params);
  if (samePriority.length >= filter.limit) return samePriority;
  params['limit'] = filter.limit - samePriority.length;
  const lower = db
    .prepare<[Params], ReportMeta>(
      `${REPORT_META_FROM} WHERE ${where} AND r.priority < @afterPriority ORDER BY r.priority DESC, r.id LIMIT @limit`,
    )
    .all(params);
  return [...samePriority, ...lower];
}

/**
 * Up to `limit` reports after the cursor, priority desc then id asc. Each
 * channel is read separately in index order and the pages merged: one query
 * over `channel_id IN (...)` would have to sort every matching row.
 */
export function listReportMeta(db: Db, filter: ReportListFilter): ReportMeta[] {
  return filter.channelIds
    .flatMap((channelId) => listChannel(db, channelId, filter))
    .sort((a, b) => b.priority - a.priority || a.id - b.id)
    .slice(0, filter.limit);
}
