/**
 * Failed sign-ins and recoveries, aggregated for the audit trail: one entry
 * per account, action and window, with a count, and one entry per action
 * and window for all unknown usernames together (never a name in clear: it
 * may be a mistyped password). So a flood of failures adds a few entries
 * per window, not one per guess. Entries are written when their window has
 * closed, by `flush` (on a timer, and at shutdown with `everything`).
 */
import { appendAudit } from '../data/audit';
import type { Db } from '../data/database';
import { toSecond } from '../time';

export type FailedSignInAction = 'login.failed' | 'recovery.failed';

/** Length of an aggregation window. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Distinct unknown usernames counted per window; beyond this the count stops growing. */
const MAX_NAMES_COUNTED = 10_000;

interface Tally {
  windowStart: number;
  action: FailedSignInAction;
  /** The account tried, or null for unknown (and disabled) usernames. */
  staffId: number | null;
  failures: number;
  /** Keyed tags of the unknown names, to count distinct ones. */
  names: Set<string>;
}

export class FailedSignInLog {
  private readonly tallies = new Map<string, Tally>();

  constructor(private readonly db: Db) {}

  /** Count one failure; `tag` is the username's keyed tag (server/crypto/username-tag.ts). */
  record(action: FailedSignInAction, staffId: number | null, tag: string, now: Date): void {
    const windowStart = Math.floor(now.getTime() / FAILURE_WINDOW_MS) * FAILURE_WINDOW_MS;
    const key = `${windowStart}|${action}|${staffId ?? ''}`;
    let tally = this.tallies.get(key);
    if (!tally) this.tallies.set(key, (tally = { windowStart, action, staffId, failures: 0, names: new Set() }));
    tally.failures += 1;
    if (staffId === null && tally.names.size < MAX_NAMES_COUNTED) tally.names.add(tag);
  }

  /**
   * Append an entry for every window that has closed by `now` (all of them,
   * the current one too, when `everything` is set: at shutdown). Returns
   * how many entries were written.
   */
  flush(now: Date, options: { everything?: boolean } = {}): number {
    const due = [...this.tallies.entries()]
      .filter(([, tally]) => options.everything === true || tally.windowStart + FAILURE_WINDOW_MS <= now.getTime())
      .sort(([, a], [, b]) => a.windowStart - b.windowStart || a.action.localeCompare(b.action) || (a.staffId ?? Infinity) - (b.staffId ?? Infinity));
    for (const [key, tally] of due) {
      const windowEnd = Math.min(tally.windowStart + FAILURE_WINDOW_MS, now.getTime());
      appendAudit(this.db, {
        at: toSecond(new Date(windowEnd)),
        actorStaffId: tally.staffId,
        action: tally.action,
        detail: {
          failures: tally.failures,
          since: toSecond(new Date(tally.windowStart)),
          ...(tally.staffId === null ? { unknownUsernames: tally.names.size } : {}),
        },
      });
      this.tallies.delete(key);
    }
    return due.length;
  }
}
