/**
 * The lease holds: while one staff member holds a live lease on a lead, every
 * casework write by anyone else is refused with 409 `lease_held` (naming the
 * holder and the expiry) until the lease expires, is released, or is taken
 * over explicitly (audited). Reading the case stays open to everyone with the
 * channel, so a colleague can see what is going on.
 *
 * Which writes: everything that changes the case or talks to the reporter —
 * status, priority, assignee, public message, replies, notes, referrals,
 * interference entries, links (checked on the report in the path), closing,
 * revealing the contact details (it adds a case record) and moving.
 *
 * A report without a live lease can be worked by anyone with its channel, and
 * such a write does not take the lease implicitly: many writes are one-offs
 * on cases nobody is pulling (a note on a referred case, a link), and a lease
 * taken silently would lock colleagues out for LEASE_MINUTES without anyone
 * having asked. Holding a lead is a choice: claim it from the queue, or take
 * it over on its page.
 */
import type { StaffSession } from '../auth/session-store';
import type { Db } from '../data/database';
import { findLiveLease } from '../data/report-queue';
import { DomainError } from '../errors';
import type { HeldLease } from '../../contract/errors';
import { toSecond } from '../time';

/** The report's live lease as the API shows it, or null. */
export function liveLeaseOf(db: Db, reportId: number, now: Date): HeldLease | null {
  const lease = findLiveLease(db, reportId, toSecond(now));
  return lease === null ? null : { holder: { id: lease.staffId, username: lease.username }, until: lease.until };
}

/** 409 lease_held, carrying who holds the lead and until when. */
export function leaseHeld(lease: HeldLease): DomainError {
  return new DomainError('lease_held', {
    message: `${lease.holder.username} holds this lead until ${lease.until}; take it over first. Nothing was changed.`,
    lease,
  });
}

/**
 * Throws 409 lease_held when someone other than the member holds a live
 * lease on the report. Called before the work (to fail before encrypting)
 * and again inside the write's transaction, so a take-over in between wins.
 */
export function assertLeaseAllows(db: Db, session: StaffSession, reportId: number, now: Date): void {
  const lease = liveLeaseOf(db, reportId, now);
  if (lease !== null && lease.holder.id !== session.staffId) throw leaseHeld(lease);
}
