/**
 * The workflow state machine lives in contract/status-transitions.ts, so the
 * case page's status menu offers exactly the edges enforced here.
 */
import type { InternalStatus } from '../../contract/vocabulary';

export { canChangeStatus, nextStatuses, STATUS_TRANSITIONS } from '../../contract/status-transitions';

/** Referral and closing are allowed from every open status (a second referral keeps `referred`). */
export function isOpen(status: InternalStatus): boolean {
  return status !== 'closed';
}
