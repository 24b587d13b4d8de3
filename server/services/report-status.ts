/**
 * The workflow state machine. `POST /reports/:id/status` may only take the
 * edges below; `referred` is reached only by recording a referral (so every
 * referred report says to whom) and `closed` only by closing with an
 * outcome. `new` is where intake starts and is never re-entered.
 */
import type { InternalStatus } from '../../contract/vocabulary';

export const STATUS_TRANSITIONS: Readonly<Record<InternalStatus, readonly InternalStatus[]>> = {
  new: ['triage', 'investigating', 'awaiting_reporter'],
  triage: ['investigating', 'awaiting_reporter'],
  investigating: ['triage', 'awaiting_reporter'],
  awaiting_reporter: ['triage', 'investigating'],
  // The authority sent it back, or more work is needed before it goes.
  referred: ['investigating'],
  // Reopening: new information after closing. The outcome is cleared.
  closed: ['triage'],
};

/** True when the status route may move a report from `from` to `to`. */
export function canChangeStatus(from: InternalStatus, to: InternalStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Referral and closing are allowed from every open status (a second referral keeps `referred`). */
export function isOpen(status: InternalStatus): boolean {
  return status !== 'closed';
}
