/**
 * A report's clear metadata as staff see it (routing, workflow, deadlines,
 * lease), joined with the channel slug and the usernames it refers to.
 * No ciphertext is read here.
 */
import type { Db } from './database';
import type { InternalStatus, ReportSource } from '../../contract/vocabulary';

export interface ReportMeta {
  id: number;
  channelId: number;
  channel: string;
  category: string;
  region: string | null;
  status: InternalStatus;
  outcome: string | null;
  priority: number;
  assigneeId: number | null;
  assigneeUsername: string | null;
  source: ReportSource;
  /** The low-effort marker: 1 when admitted with little proof of work under load. */
  lowEffort: 0 | 1;
  /** Hour-truncated ISO timestamps. */
  receivedAt: string;
  acknowledgedAt: string | null;
  ackDueAt: string;
  feedbackDueAt: string;
  closedAt: string | null;
  leaseStaffId: number | null;
  leaseUsername: string | null;
  /** To the second; a lease is live while this is later than now. */
  leaseExpiresAt: string | null;
}

/** The SELECT list and joins every metadata query shares (`r` is the report). */
export const REPORT_META_FROM = `
  SELECT r.id, r.channel_id AS channelId, c.slug AS channel, r.category, r.region, r.status, r.outcome,
    r.priority, r.assignee_id AS assigneeId, a.username AS assigneeUsername, r.source, r.low_effort AS lowEffort,
    r.received_at AS receivedAt, r.acknowledged_at AS acknowledgedAt, r.ack_due_at AS ackDueAt,
    r.feedback_due_at AS feedbackDueAt, r.closed_at AS closedAt, r.lease_staff_id AS leaseStaffId,
    l.username AS leaseUsername, r.lease_expires_at AS leaseExpiresAt
  FROM reports r
  JOIN channels c ON c.id = r.channel_id
  LEFT JOIN staff a ON a.id = r.assignee_id
  LEFT JOIN staff l ON l.id = r.lease_staff_id`;

/** The metadata of one report, or null. */
export function findReportMeta(db: Db, id: number): ReportMeta | null {
  return db.prepare<[number], ReportMeta>(`${REPORT_META_FROM} WHERE r.id = ?`).get(id) ?? null;
}
