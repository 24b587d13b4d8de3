/**
 * The triage queue: listing metadata across the member's channels, claiming
 * the next report atomically, and renewing, releasing or taking over a lease.
 */
import type { StaffSession } from '../auth/session-store';
import { findChannelBySlug } from '../data/channels';
import type { Db } from '../data/database';
import { DEFAULT_ORDER, sortKeys, type KeyValue, type QueueSort, type SortOrder } from '../data/queue-sorts';
import { listReportMeta, unreadAmong, type ReportListFilter } from '../data/report-list';
import { tagsOfReports } from '../data/tags';
import { z } from 'zod';
import { QUEUE_SORTS } from '../../contract/vocabulary';
import { findReportMeta } from '../data/report-metadata';
import { claimNextReport, releaseLease, renewLease, takeLease } from '../data/report-queue';
import { fail } from '../errors';
import type { LeaseAction, ReportListQuery } from '../../contract/schemas/staff-reports';
import { toSecond } from '../time';
import { auditCase, openCase, sessionChannelIds, type OpenCase } from './case-access';
import { leaseHeld, liveLeaseOf } from './case-lease';
import { caseViewOf, summaryOf } from './case-view';
import type { CaseView, QueuePage, ReportSummary } from '../../contract/schemas/staff-views';

export interface QueueDeps {
  db: Db;
  leaseMinutes: number;
}

const cursorSchema = z.object({
  sort: z.enum(QUEUE_SORTS),
  order: z.enum(['asc', 'desc']),
  keys: z.array(z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().max(40)])).min(1).max(3),
});

/**
 * The opaque cursor: the sort, its direction and the last row's values for
 * the sort's keys (server/data/queue-sorts.ts), which fully place a row;
 * base64url JSON. A cursor from another sort is refused.
 */
function encodeCursor(sort: QueueSort, order: SortOrder, keys: KeyValue[]): string {
  return Buffer.from(JSON.stringify({ sort, order, keys }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, sort: QueueSort, order: SortOrder): KeyValue[] {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail('invalid_input', { cursor: 'invalid' });
  }
  const result = cursorSchema.safeParse(parsed);
  const expected = sortKeys(sort, order).length;
  if (!result.success || result.data.sort !== sort || result.data.order !== order || result.data.keys.length !== expected) {
    throw fail('invalid_input', { cursor: 'invalid' });
  }
  return result.data.keys;
}

/** The day after a YYYY-MM-DD, as the hour that starts it. */
function startOfNextDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().replace('.000Z', 'Z');
}

/** The member's channels to list: all they hold, or the one asked for (one they do not hold lists like an empty one). */
function channelsToList(db: Db, session: StaffSession, slug: string | undefined): number[] {
  const held = sessionChannelIds(session);
  if (slug === undefined) return held;
  const channel = findChannelBySlug(db, slug);
  return channel && held.includes(channel.id) ? [channel.id] : [];
}

/** The data layer's filter for a query. */
function filterOf(session: StaffSession, query: ReportListQuery, now: Date, channelIds: number[]): ReportListFilter {
  const order = query.order ?? DEFAULT_ORDER[query.sort];
  const at = toSecond(now);
  return {
    channelIds,
    status: query.status,
    category: query.category,
    region: query.region,
    source: query.source,
    priority: query.priority,
    assigneeId: query.assignee === 'me' ? session.staffId : query.assignee === 'none' ? null : query.assignee,
    overdueAt: query.overdue === true ? at : undefined,
    needsActionAt: query.needsAction === true ? at : undefined,
    unreadFor: query.unread === true ? session.staffId : undefined,
    tagId: query.tag,
    receivedFrom: query.from === undefined ? undefined : `${query.from}T00:00:00Z`,
    receivedBefore: query.to === undefined ? undefined : startOfNextDay(query.to),
    lowEffort: query.lowEffort,
    sort: query.sort,
    order,
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.sort, order),
    limit: query.limit + 1,
  };
}

/** A page of queue rows (metadata only) from the member's channels, each saying whether it is unread for the member. */
export function listQueue(db: Db, session: StaffSession, query: ReportListQuery, now: Date): QueuePage {
  const channelIds = channelsToList(db, session, query.channel);
  if (channelIds.length === 0) return { reports: [], nextCursor: null };
  const filter = filterOf(session, query, now, channelIds);
  const order = filter.order ?? 'desc';
  // One row more than asked tells whether another page exists.
  const rows = listReportMeta(db, filter);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const ids = page.map((row) => row.id);
  const unread = unreadAmong(db, session.staffId, ids);
  const tags = tagsOfReports(db, ids);
  const keys = sortKeys(query.sort, order);
  return {
    reports: page.map((row) => ({ ...summaryOf(row, now, session.staffId), unread: unread.has(row.id), tags: tags.get(row.id) ?? [] })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(query.sort, order, keys.map((key) => key.of(last))) : null,
  };
}

function leaseUntil(deps: QueueDeps, now: Date): string {
  return toSecond(new Date(now.getTime() + deps.leaseMinutes * 60_000));
}

/** Lease the next report to the member and return it decrypted; null when the queue is empty. Audited as a claim and a view. */
export async function claimNext(deps: QueueDeps, session: StaffSession, now: Date): Promise<CaseView | null> {
  const channelIds = sessionChannelIds(session);
  if (channelIds.length === 0) return null;
  const claimed = deps.db
    .transaction((): number | null => {
      const id = claimNextReport(deps.db, channelIds, { staffId: session.staffId, now: toSecond(now), until: leaseUntil(deps, now) });
      const meta = id === null ? null : findReportMeta(deps.db, id);
      if (meta) {
        auditCase(deps.db, session, 'report.claimed', meta, now, { leaseMinutes: deps.leaseMinutes });
        auditCase(deps.db, session, 'report.viewed', meta, now);
      }
      return id;
    })
    .immediate();
  if (claimed === null) return null;
  return caseViewOf(deps.db, session, openCase(deps.db, session, claimed), now);
}

/**
 * Renew or release the member's lease, or take it over. Renewing or
 * releasing a lease someone else holds is 409 lease_held (naming them), one
 * nobody holds any more 409 conflict. Taking over works whoever holds the
 * lead (or nobody) and is audited with the previous holder's id; the former
 * holder's writes are refused from then on. Taking over a lease one already
 * holds is 409 conflict: there is nothing to take.
 */
export function changeLease(
  deps: QueueDeps,
  session: StaffSession,
  opened: OpenCase,
  action: LeaseAction,
  now: Date,
): ReportSummary {
  const { db } = deps;
  const reportId = opened.meta.id;
  const request = { staffId: session.staffId, now: toSecond(now), until: leaseUntil(deps, now) };
  db.transaction(() => {
    const held = liveLeaseOf(db, reportId, now);
    if (action === 'take_over') {
      if (held?.holder.id === session.staffId) throw fail('conflict');
      takeLease(db, reportId, request);
      auditCase(db, session, 'report.lease_taken_over', opened.meta, now, { previousHolderId: held?.holder.id ?? null, leaseMinutes: deps.leaseMinutes });
      return;
    }
    if (held !== null && held.holder.id !== session.staffId) throw leaseHeld(held);
    const done = action === 'renew' ? renewLease(db, reportId, request) : releaseLease(db, reportId, session.staffId, request.now);
    if (!done) throw fail('conflict');
    auditCase(db, session, action === 'renew' ? 'report.lease_renewed' : 'report.lease_released', opened.meta, now);
  }).immediate();
  const meta = findReportMeta(db, reportId);
  return summaryOf(meta ?? opened.meta, now, session.staffId);
}
