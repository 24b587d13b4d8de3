/**
 * Opening a report for a staff member: it exists and lies in one of the
 * member's channels, or it answers exactly like a report that does not
 * exist. Also the audit helper every casework action uses.
 */
import type { StaffSession } from '../auth/session-store';
import { appendAudit } from '../data/audit';
import type { Db } from '../data/database';
import type { AuditAction } from '../../contract/vocabulary';
import { findReportMeta, type ReportMeta } from '../data/report-metadata';
import { fail, type DomainError } from '../errors';
import { toSecond } from '../time';
import { pathId } from '../path-id';

export interface OpenCase {
  meta: ReportMeta;
  /** The channel identity (AGE-SECRET-KEY-1...) from the member's session. */
  identity: string;
}

/** The one answer for "no such report" and "not in your channels". */
export function reportNotFound(): DomainError {
  return fail('not_found');
}

/** A report id from the path's `:id` (path-id.ts: 400 unless decimal digits, 404 past any row). */
export function parseReportId(raw: string): number {
  return pathId(raw, 'id');
}

/** The report if it lies in one of the member's channels; throws 404 otherwise. */
export function openCase(db: Db, session: StaffSession, reportId: number): OpenCase {
  const meta = findReportMeta(db, reportId);
  const identity = meta ? session.channelIdentities.get(meta.channelId) : undefined;
  if (!meta || identity === undefined) throw reportNotFound();
  return { meta, identity };
}

/** The channels whose keys the member's session holds. */
export function sessionChannelIds(session: StaffSession): number[] {
  return [...session.channelIdentities.keys()].sort((a, b) => a - b);
}

export type AuditDetail = Record<string, string | number | boolean | null>;

/** Append an audit entry about a report: ids and enum values only, never content. */
export function auditCase(
  db: Db,
  session: StaffSession,
  action: AuditAction,
  report: { id: number; channelId: number },
  now: Date,
  detail: AuditDetail = {},
): void {
  appendAudit(db, { at: toSecond(now), actorStaffId: session.staffId, action, reportId: report.id, channelId: report.channelId, detail });
}

/**
 * Inside a write transaction that stores a ciphertext made for the channel
 * the report was in when opened: 409 if a move happened meanwhile, since the
 * new channel could not read it.
 */
export function assertSameChannel(db: Db, opened: OpenCase): void {
  const row = db.prepare<[number], { channelId: number }>('SELECT channel_id AS channelId FROM reports WHERE id = ?').get(opened.meta.id);
  if (!row || row.channelId !== opened.meta.channelId) throw fail('conflict');
}
