/**
 * The triage queue: listing metadata across the member's channels, claiming
 * the next report atomically, and renewing, releasing or taking over a lease.
 */
import type { StaffSession } from '../auth/session-store';
import { findChannelBySlug } from '../data/channels';
import type { Db } from '../data/database';
import type { QueuePosition } from '../data/queue-order';
import { listReportMeta } from '../data/report-list';
import { findReportMeta } from '../data/report-metadata';
import { claimNextReport, releaseLease, renewLease, takeLease } from '../data/report-queue';
import { fail } from '../errors';
import type { LeaseAction, ReportListQuery } from '../../contract/schemas/staff-reports';
import { toSecond } from '../time';
import { auditCase, openCase, sessionChannelIds, type OpenCase } from './case-access';
import { leaseHeld, liveLeaseOf } from './case-lease';
import { caseViewOf, summaryOf } from './case-view';
import type { CaseView, ReportSummary } from '../../contract/schemas/staff-views';

export interface QueueDeps {
  db: Db;
  leaseMinutes: number;
}

/**
 * The opaque cursor: the last row's marker, priority and id, base64url. In
 * queue order (server/data/queue-order.ts) these three fully place a row.
 */
function encodeCursor(row: QueuePosition): string {
  return Buffer.from(`${row.lowEffort}:${row.priority}:${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): QueuePosition {
  const match = /^([01]):(\d{1,3}):([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1] || !match[2] || !match[3]) throw fail('invalid_input', { cursor: 'invalid' });
  return { lowEffort: match[1] === '1' ? 1 : 0, priority: Number(match[2]), id: Number(match[3]) };
}

/** A page of queue rows (metadata only) from the member's channels. */
export function listQueue(db: Db, session: StaffSession, query: ReportListQuery, now: Date): { reports: ReportSummary[]; nextCursor: string | null } {
  let channelIds = sessionChannelIds(session);
  if (query.channel !== undefined) {
    // A channel the member does not hold lists like an empty one.
    const channel = findChannelBySlug(db, query.channel);
    channelIds = channel && channelIds.includes(channel.id) ? [channel.id] : [];
  }
  if (channelIds.length === 0) return { reports: [], nextCursor: null };
  const assignee = query.assignee === 'me' ? session.staffId : query.assignee === 'none' ? null : query.assignee;
  // One row more than asked tells whether another page exists.
  const rows = listReportMeta(db, {
    channelIds,
    status: query.status,
    category: query.category,
    region: query.region,
    assigneeId: assignee,
    overdueAt: query.overdue === true ? toSecond(now) : undefined,
    lowEffort: query.lowEffort,
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    reports: page.map((row) => summaryOf(row, now, session.staffId)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
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
