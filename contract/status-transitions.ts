/**
 * The workflow state machine, shared: the server enforces it on
 * `POST /reports/:id/status` (server/services/report-status.ts) and the case
 * page offers exactly these steps in its status menu. `referred` is reached
 * only by recording a referral (so every referred report says to whom) and
 * `closed` only by closing with an outcome. `new` is where intake starts and
 * is never re-entered.
 */
import type { InternalStatus } from './vocabulary';

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

/** The statuses the status route accepts from `from`, in the table's order. */
export function nextStatuses(from: InternalStatus): readonly InternalStatus[] {
  return STATUS_TRANSITIONS[from];
}

/** True when the status route may move a report from `from` to `to`. */
export function canChangeStatus(from: InternalStatus, to: InternalStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}
