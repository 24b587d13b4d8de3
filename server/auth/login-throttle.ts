/**
 * The per-username slow-down for browsers that have not signed in to the
 * account before: after a few free failures each one doubles the wait, up
 * to a cap. State is kept in memory for every username tried, known or
 * unknown alike, keyed by a keyed tag (server/crypto/username-tag.ts), so
 * throttling never tells an attacker which names exist. Never per IP
 * address or per client: Tor users share exits.
 *
 * Only one attempt per username runs at a time: otherwise a burst of
 * concurrent guesses would all pass the check before the first failure was
 * counted.
 */
import { IN_FLIGHT_RETRY_SECONDS, type Admission } from './sign-in-attempt';

/** Failures allowed before any delay; then 1 s, 2 s, 4 s... up to the cap. */
export const FREE_FAILURES = 3;
export const MAX_DELAY_SECONDS = 15 * 60;
/** A username with no failure for this long starts afresh. */
const FORGET_AFTER_MS = 24 * 3_600_000;

interface Entry {
  failures: number;
  /** Epoch ms before which untrusted attempts are refused. */
  nextAt: number;
  lastFailureAt: number;
}

/** Seconds of delay after `failures` failures. */
export function delayAfter(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_SECONDS);
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  /**
   * Tags by failure count, each set in the order entries reached that count.
   * When full, the entry with the fewest failures goes first (oldest first
   * among equals): flooding the table with fresh names, one failure each,
   * cannot push out a username that is being slowed down.
   */
  private readonly byFailures = new Map<number, Set<string>>();
  private readonly inFlight = new Set<string>();
  private lastPruneAt = 0;

  constructor(private readonly maxEntries = 50_000) {}

  /** Leave to try a sign-in for this username now, or how long to wait. */
  admit(tag: string, now: Date): Admission {
    const entry = this.current(tag, now.getTime());
    const wait = entry ? Math.ceil((entry.nextAt - now.getTime()) / 1000) : 0;
    if (wait > 0) return { ok: false, retryAfterSeconds: wait };
    if (this.inFlight.has(tag)) return { ok: false, retryAfterSeconds: IN_FLIGHT_RETRY_SECONDS };
    this.inFlight.add(tag);
    return {
      ok: true,
      attempt: { fail: (at) => this.recordFailure(tag, at.getTime()), end: () => this.inFlight.delete(tag) },
    };
  }

  /** Usernames with state now (for tests of the bound). */
  size(): number {
    return this.entries.size;
  }

  /** Drop usernames whose last failure is older than a day. */
  private prune(nowMs: number): void {
    this.lastPruneAt = nowMs;
    for (const [tag, entry] of this.entries) if (nowMs - entry.lastFailureAt > FORGET_AFTER_MS) this.remove(tag, entry);
  }

  private current(tag: string, nowMs: number): Entry | null {
    const entry = this.entries.get(tag);
    if (!entry) return null;
    if (nowMs - entry.lastFailureAt <= FORGET_AFTER_MS) return entry;
    this.remove(tag, entry);
    return null;
  }

  private recordFailure(tag: string, nowMs: number): void {
    if (nowMs - this.lastPruneAt > 3_600_000) this.prune(nowMs);
    const entry = this.current(tag, nowMs);
    if (entry) this.remove(tag, entry);
    else if (this.entries.size >= this.maxEntries) this.evictOne();
    const failures = (entry?.failures ?? 0) + 1;
    this.entries.set(tag, { failures, nextAt: nowMs + delayAfter(failures) * 1000, lastFailureAt: nowMs });
    let bucket = this.byFailures.get(failures);
    if (!bucket) this.byFailures.set(failures, (bucket = new Set()));
    bucket.add(tag);
  }

  private evictOne(): void {
    const fewest = Math.min(...this.byFailures.keys());
    const tag = this.byFailures.get(fewest)?.values().next().value;
    const entry = tag === undefined ? undefined : this.entries.get(tag);
    if (tag !== undefined && entry) this.remove(tag, entry);
  }

  private remove(tag: string, entry: Entry): void {
    this.entries.delete(tag);
    const bucket = this.byFailures.get(entry.failures);
    bucket?.delete(tag);
    if (bucket?.size === 0) this.byFailures.delete(entry.failures);
  }
}
