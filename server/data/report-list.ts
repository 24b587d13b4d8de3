/**
 * The queue listing: report metadata filtered and in one of the queue's
 * sorts (server/data/queue-sorts.ts), with keyset pagination so a page deep
 * in a million reports costs what the first page costs. Closed reports are
 * left out unless a status filter asks for them.
 */
import type { Db } from './database';
import { OVERDUE_AT_NOW_SQL } from './overdue';
import { compareBy, orderBySql, sortKeys, type KeyValue, type QueueSort, type ResolvedKey, type SortOrder } from './queue-sorts';
import { REPORT_META_FROM, type ReportMeta } from './report-metadata';
import { TAGGED_SQL } from './tags';
import type { InternalStatus, ReportSource } from '../../contract/vocabulary';

/**
 * "Needs action" (README, the staff console): an open lead that is new or in
 * triage and not yet acknowledged; one awaiting the reporter where the
 * reporter has written since its status was last set; or one past a
 * deadline (the slow-progress register). `@now` is the current time.
 */
export const NEEDS_ACTION_SQL = `r.status != 'closed' AND ((r.status IN ('new', 'triage') AND r.acknowledged_at IS NULL)
  OR (r.status = 'awaiting_reporter' AND r.reporter_writes > r.reporter_writes_at_status)
  OR (r.acknowledged_at IS NULL AND r.ack_due_at < @now) OR r.feedback_due_at < @now)`;

/** Unread for staff member `@viewer`: the reporter wrote since they last viewed the report. */
export const UNREAD_SQL = `r.reporter_writes > COALESCE((SELECT v.seen_writes FROM report_views v WHERE v.staff_id = @viewer AND v.report_id = r.id), 0)`;

export interface ReportListFilter {
  /** The channels to list; the caller intersects them with the channels it holds. Never empty. */
  channelIds: readonly number[];
  /** A status, 'all' for every status, or absent for every status but closed. */
  status?: InternalStatus | 'all' | undefined;
  category?: string | undefined;
  region?: string | undefined;
  source?: ReportSource | undefined;
  priority?: number | undefined;
  /** A staff id, or null for unassigned reports. */
  assigneeId?: number | null | undefined;
  /** When set (the current time, to the second): only reports overdue at that moment. */
  overdueAt?: string | undefined;
  /** When set (the current time, to the second): only reports that need action (NEEDS_ACTION_SQL). */
  needsActionAt?: string | undefined;
  /** When set (a staff id): only reports unread for that member. */
  unreadFor?: number | undefined;
  /** When set: only reports carrying this tag. */
  tagId?: number | undefined;
  /** received_at at or after this hour. */
  receivedFrom?: string | undefined;
  /** received_at before this hour. */
  receivedBefore?: string | undefined;
  /** true: only reports with the low-effort marker; false: only those without. */
  lowEffort?: boolean | undefined;
  sort?: QueueSort | undefined;
  order?: SortOrder | undefined;
  /** Keyset cursor: the last row's values for the sort's keys. */
  after?: readonly KeyValue[] | undefined;
  limit: number;
}

type Params = Record<string, string | number>;

/** Equality and set filters that map one-to-one to a column. */
function columnTerms(filter: ReportListFilter, params: Params, terms: string[]): void {
  const equal = (column: string, name: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    params[name] = value;
    terms.push(`${column} = @${name}`);
  };
  if (filter.status === undefined) terms.push(`r.status != 'closed'`);
  else if (filter.status !== 'all') equal('r.status', 'status', filter.status);
  equal('r.category', 'category', filter.category);
  equal('r.region', 'region', filter.region);
  equal('r.source', 'source', filter.source);
  equal('r.priority', 'priority', filter.priority);
  if (filter.assigneeId === null) terms.push('r.assignee_id IS NULL');
  else equal('r.assignee_id', 'assignee', filter.assigneeId);
  equal('r.low_effort', 'lowEffort', filter.lowEffort === undefined ? undefined : filter.lowEffort ? 1 : 0);
  if (filter.receivedFrom !== undefined) {
    params['receivedFrom'] = filter.receivedFrom;
    terms.push('r.received_at >= @receivedFrom');
  }
  if (filter.receivedBefore !== undefined) {
    params['receivedBefore'] = filter.receivedBefore;
    terms.push('r.received_at < @receivedBefore');
  }
}

/** Terms for one channel; the channel comes first so SQLite seeks an index that starts with channel_id. */
function whereClause(channelId: number, filter: ReportListFilter, params: Params): string {
  params['channel'] = channelId;
  const terms = ['r.channel_id = @channel'];
  columnTerms(filter, params, terms);
  const now = filter.overdueAt ?? filter.needsActionAt;
  if (now !== undefined) params['now'] = now;
  if (filter.overdueAt !== undefined) terms.push(OVERDUE_AT_NOW_SQL);
  if (filter.needsActionAt !== undefined) terms.push(`(${NEEDS_ACTION_SQL})`);
  if (filter.tagId !== undefined) {
    params['tag'] = filter.tagId;
    terms.push(TAGGED_SQL);
  }
  if (filter.unreadFor !== undefined) {
    params['viewer'] = filter.unreadFor;
    terms.push(UNREAD_SQL);
  }
  return terms.join(' AND ');
}

/**
 * After a cursor, the rest of the listing is one index range per key, read
 * deepest first: equal on the earlier keys and past the cursor on this one.
 * One OR of them is something SQLite cannot seek on. A low-effort range that
 * cannot hold a row (past the last marker value, or the marker filtered) is
 * left out.
 */
function rangesAfter(keys: readonly ResolvedKey[], after: readonly KeyValue[] | undefined, filter: ReportListFilter): string[] {
  if (after === undefined) return [` ${orderBySql(keys)}`];
  const ranges: string[] = [];
  for (let i = keys.length - 1; i >= 0; i -= 1) {
    const key = keys[i];
    if (!key) continue;
    if (key.sql === 'r.low_effort' && (filter.lowEffort !== undefined || after[i] === (key.desc ? 0 : 1))) continue;
    const equal = keys.slice(0, i).map((k, j) => ` AND ${k.sql} = @k${j}`);
    // The keys held equal are left out of the ORDER BY: SQLite does not see that an expression held equal is constant.
    ranges.push(`${equal.join('')} AND ${key.sql} ${key.desc ? '<' : '>'} @k${i} ${orderBySql(keys.slice(i))}`);
  }
  return ranges;
}

/**
 * The statements that read one channel's page, in order, each with its
 * parameters (LIMIT not yet lowered by earlier ranges). Exported so a test
 * can check every one of them with EXPLAIN QUERY PLAN.
 */
export function channelPageQueries(channelId: number, filter: ReportListFilter): { sql: string; params: Params }[] {
  if ((filter.sort ?? 'priority') === 'priority' && filter.priority !== undefined && filter.lowEffort === undefined) return byMarker(channelId, filter);
  const keys = sortKeys(filter.sort ?? 'priority', filter.order ?? 'desc');
  const params: Params = { limit: filter.limit };
  const where = whereClause(channelId, filter, params);
  filter.after?.forEach((value, i) => (params[`k${i}`] = value));
  return rangesAfter(keys, filter.after, filter).map((range) => ({ sql: `${REPORT_META_FROM} WHERE ${where}${range} LIMIT @limit`, params }));
}

/**
 * Queue order with one priority: SQLite cannot read (low_effort, priority,
 * id) in order with only the priority fixed, so each marker value is its
 * own listing, unmarked first (in queue order).
 */
function byMarker(channelId: number, filter: ReportListFilter): { sql: string; params: Params }[] {
  const natural = (filter.order ?? 'desc') === 'desc';
  const after = filter.after;
  return (natural ? [0, 1] : [1, 0])
    .filter((marker) => after === undefined || (natural ? marker >= Number(after[0]) : marker <= Number(after[0])))
    .flatMap((marker) => channelPageQueries(channelId, { ...filter, lowEffort: marker === 1, after: after?.[0] === marker ? after : undefined }));
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
 * Up to `limit` reports after the cursor, in the asked sort. Each channel is
 * read separately in index order and the pages merged: one query over
 * `channel_id IN (...)` would have to sort every matching row.
 */
export function listReportMeta(db: Db, filter: ReportListFilter): ReportMeta[] {
  const compare = compareBy(sortKeys(filter.sort ?? 'priority', filter.order ?? 'desc'));
  return filter.channelIds
    .flatMap((channelId) => listChannel(db, channelId, filter))
    .sort(compare)
    .slice(0, filter.limit);
}

/** Which of these reports are unread for a staff member (UNREAD_SQL). One statement for a page. */
export function unreadAmong(db: Db, staffId: number, reportIds: readonly number[]): Set<number> {
  if (reportIds.length === 0) return new Set();
  const rows = db
    .prepare<[{ viewer: number; ids: string }], { id: number }>(`SELECT r.id FROM reports r WHERE r.id IN (SELECT value FROM json_each(@ids)) AND ${UNREAD_SQL}`)
    .all({ viewer: staffId, ids: JSON.stringify(reportIds) });
  return new Set(rows.map((row) => row.id));
}
