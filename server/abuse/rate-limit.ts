/**
 * Rate limits that never look at who is asking: global token buckets per
 * route (Tor users share exit addresses, so per-IP limits would block the
 * people Tipline is for), and a count of failed code checks per lookup tag.
 */

/** A bucket of `perMinute` tokens, refilled continuously, holding at most `burst`. */
export class TokenBucket {
  private tokens: number;
  private updatedMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => Date,
  ) {
    this.tokens = burst;
    this.updatedMs = now().getTime();
  }

  /** Take a token if there is one. */
  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token will be there (0 when there is one now). */
  msUntilToken(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / (this.perMinute / 60_000));
  }

  private refill(): void {
    const nowMs = this.now().getTime();
    this.tokens = Math.min(this.burst, this.tokens + Math.max(0, nowMs - this.updatedMs) * (this.perMinute / 60_000));
    this.updatedMs = nowMs;
  }
}

/**
 * Failed code checks per 24-bit lookup tag in a sliding hour. Past the
 * limit, codes with that tag are refused (429) until the hour has passed,
 * so nobody can keep guessing around one tag. A real reporter's typo lands
 * on another tag, and an attacker cannot aim at a report's tag without the
 * instance key.
 */
export class FailedCheckLimiter {
  private readonly failures = new Map<number, number[]>();

  constructor(
    private readonly maxPerHour: number,
    private readonly now: () => Date,
    /** Bounds memory under a flood of random codes: the oldest tags are forgotten first. */
    private readonly maxTags = 100_000,
  ) {}

  /** Seconds until checks for this tag are allowed again, or null when they are. */
  blockedFor(tag: number): number | null {
    const recent = this.recent(tag);
    if (recent.length < this.maxPerHour) return null;
    const oldest = recent[0] ?? this.now().getTime();
    return Math.max(1, Math.ceil((oldest + 3_600_000 - this.now().getTime()) / 1000));
  }

  recordFailure(tag: number): void {
    const recent = this.recent(tag);
    recent.push(this.now().getTime());
    this.failures.delete(tag); // re-insert: Map order is then least recently failed first
    this.failures.set(tag, recent);
    if (this.failures.size > this.maxTags) {
      const oldest = this.failures.keys().next();
      if (oldest.done !== true) this.failures.delete(oldest.value);
    }
  }

  private recent(tag: number): number[] {
    const since = this.now().getTime() - 3_600_000;
    return (this.failures.get(tag) ?? []).filter((at) => at > since);
  }
}
