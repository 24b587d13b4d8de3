/**
 * Workflow changes on clear fields: status (through the state machine),
 * priority, assignee and links. Closing with an outcome is a signed
 * decision (case-notes.ts closeWithOutcome). Each change and its audit entry
 * are one transaction; the audit detail holds ids and enum values only.
 * Each refuses (409 lease_held) while someone else holds the lead (case-lease.ts).
 */
import type { StaffSession } from '../auth/session-store';
import { findChannelMember } from '../data/assignees';
import type { Db } from '../data/database';
import { insertReportLink } from '../data/report-links';
import { updateAssignee, updatePriority, updateStatus } from '../data/report-updates';
import type { InternalStatus } from '../../contract/vocabulary';
import type { LinkedLead } from '../../contract/schemas/staff-views';
import { fail } from '../errors';
import { toHour } from '../time';
import { auditCase, openCase, type OpenCase } from './case-access';
import { assertLeaseAllows } from './case-lease';
import { canChangeStatus } from './report-status';

/** Move through the state machine; 409 invalid_transition for an edge it lacks (or a race lost). */
export function changeStatus(db: Db, session: StaffSession, opened: OpenCase, to: InternalStatus, now: Date): void {
  const { meta } = opened;
  if (!canChangeStatus(meta.status, to)) throw fail('invalid_transition');
  db.transaction(() => {
    assertLeaseAllows(db, session, meta.id, now);
    if (!updateStatus(db, meta.id, meta.status, to, toHour(now))) throw fail('invalid_transition');
    auditCase(db, session, 'report.status_changed', meta, now, { from: meta.status, to });
  }).immediate();
}

export function changePriority(db: Db, session: StaffSession, opened: OpenCase, priority: number, now: Date): void {
  const { meta } = opened;
  db.transaction(() => {
    assertLeaseAllows(db, session, meta.id, now);
    updatePriority(db, meta.id, priority, toHour(now));
    auditCase(db, session, 'report.priority_changed', meta, now, { from: meta.priority, to: priority });
  }).immediate();
}

/** Assign to an enabled member who holds the report's channel (else 400), or unassign with null. */
export function changeAssignee(db: Db, session: StaffSession, opened: OpenCase, staffId: number | null, now: Date): void {
  const { meta } = opened;
  if (staffId !== null && !findChannelMember(db, staffId, meta.channelId)) {
    throw fail('invalid_input', { staffId: 'invalid_choice' });
  }
  db.transaction(() => {
    assertLeaseAllows(db, session, meta.id, now);
    updateAssignee(db, meta.id, staffId, toHour(now));
    auditCase(db, session, 'report.assignee_changed', meta, now, { from: meta.assigneeId, to: staffId });
  }).immediate();
}

/**
 * Link two reports, both in the member's channels (the other one answers 404
 * like a missing report otherwise). 400 for a self-link, 409 when linked
 * already. Returns the other report's clear fields, which the case page lists.
 */
export function link(db: Db, session: StaffSession, opened: OpenCase, relatedId: number, now: Date): LinkedLead {
  const { meta } = opened;
  if (relatedId === meta.id) throw fail('invalid_input', { relatedId: 'invalid' });
  const related = openCase(db, session, relatedId).meta;
  db.transaction(() => {
    assertLeaseAllows(db, session, meta.id, now);
    if (!insertReportLink(db, { a: meta.id, b: related.id, staffId: session.staffId, createdAt: toHour(now) })) {
      throw fail('conflict');
    }
    auditCase(db, session, 'report.linked', meta, now, { relatedId: related.id, relatedChannelId: related.channelId });
  }).immediate();
  return { id: related.id, category: related.category, status: related.status };
}
