/**
 * Admission to one kind of expensive request (reports, code checks and
 * follow-ups, staff sign-ins), ordered by the effort each request proves,
 * after Tor's onion-service defence. Nothing here knows who is asking.
 *
 * Two token buckets serve two bounded lines:
 * - the main bucket admits the best request waiting: the highest effort,
 *   and among equal efforts the one that came first;
 * - a smaller slow bucket is reserved for requests without a proof (effort
 *   0: browsers without JavaScript), in arrival order, so that a flood of
 *   solved proofs cannot take every place from them.
 * A full line refuses its worst request (lowest effort, latest arrival): a
 * newcomer that would be the worst is refused at once, otherwise the worst
 * waiting one is, so nobody already waiting is overtaken by an equal bid.
 * A request waits at most `maxWaitMs`. Refusals feed the suggested effort.
 */
import { TokenBucket } from './rate-limit';
import { SuggestedEffort } from './suggested-effort';

export type Admission =
  | { admitted: true; effort: number; lowEffort: boolean }
  | { admitted: false; retryAfterSeconds: number; suggestedEffort: number };

export interface LaneOptions {
  /** Requests admitted per minute, best bid first. */
  perMinute: number;
  /** Further requests per minute reserved for those without a proof (0: none). */
  slowPerMinute: number;
  /** Requests with a proof that may wait. */
  queueSize: number;
  /** Requests without a proof that may wait. */
  slowQueueSize: number;
  maxWaitMs: number;
  /** How often the suggested effort is recomputed. */
  periodMs: number;
  now: () => Date;
  /** Run `run` in `ms` (tests pass a manual scheduler); returns a cancel function. */
  schedule?: (run: () => void, ms: number) => () => void;
}

interface Waiter {
  effort: number;
  order: number;
  deadlineMs: number;
  settle: (admission: Admission) => void;
}

/** Real timers that do not keep the process alive. */
function realTimer(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

export class AdmissionLane {
  readonly suggested: SuggestedEffort;
  private readonly main: TokenBucket;
  private readonly slow: TokenBucket | null;
  /** Requests with a proof, best first. */
  private readonly line: Waiter[] = [];
  /** Requests without one, first come first. */
  private readonly slowLine: Waiter[] = [];
  private arrivals = 0;
  private cancelWake: (() => void) | null = null;
  private readonly schedule: (run: () => void, ms: number) => () => void;

  constructor(private readonly options: LaneOptions) {
    const burst = (perMinute: number): number => Math.max(1, Math.ceil(perMinute / 4));
    this.main = new TokenBucket(options.perMinute, burst(options.perMinute), options.now);
    this.slow = options.slowPerMinute > 0 ? new TokenBucket(options.slowPerMinute, burst(options.slowPerMinute), options.now) : null;
    this.suggested = new SuggestedEffort(options.periodMs, options.now);
    this.schedule = options.schedule ?? realTimer;
  }

  /** Requests waiting now, with and without a proof (for tests and the benchmark). */
  waiting(): { withProof: number; withoutProof: number } {
    return { withProof: this.line.length, withoutProof: this.slowLine.length };
  }

  /** Wait for a place for a request of this effort; `signal` aborting (the client left) gives the place up. */
  admit(effort: number, signal?: AbortSignal): Promise<Admission> {
    this.pump();
    if (effort === 0 ? this.admitWithoutProofNow() : this.line.length === 0 && this.main.tryTake()) {
      return Promise.resolve(this.admission(effort));
    }
    return new Promise<Admission>((resolve) => {
      const waiter: Waiter = { effort, order: this.arrivals++, deadlineMs: this.nowMs() + this.options.maxWaitMs, settle: resolve };
      if (!this.enqueue(waiter)) return;
      this.suggested.noteWaited();
      if (signal?.aborted === true) return this.leave(waiter);
      signal?.addEventListener('abort', () => this.leave(waiter), { once: true });
      this.wakeLater();
    });
  }

  /** Refuse whoever waited too long, admit whoever is due, and set the next wake-up. */
  pump(): void {
    const nowMs = this.nowMs();
    for (const waiter of [...this.line, ...this.slowLine]) {
      if (waiter.deadlineMs <= nowMs) this.refuse(this.take(waiter));
    }
    let progressed = true;
    while (progressed) {
      progressed = false;
      const best = this.line[0] ?? this.slowLine[0];
      if (best !== undefined && this.main.tryTake()) {
        this.take(best).settle(this.admission(best.effort));
        progressed = true;
      }
      const first = this.slowLine[0];
      if (first !== undefined && this.slow?.tryTake() === true) {
        this.take(first).settle(this.admission(0));
        progressed = true;
      }
    }
    this.wakeLater();
  }

  private admitWithoutProofNow(): boolean {
    if (this.slowLine.length > 0) return false;
    // The reserved bucket first, keeping the main one for bids.
    return this.slow?.tryTake() === true || (this.line.length === 0 && this.main.tryTake());
  }

  /** Put a waiter in its line; false when it was refused at once. */
  private enqueue(waiter: Waiter): boolean {
    if (waiter.effort === 0) {
      if (this.slowLine.length >= this.options.slowQueueSize) {
        this.refuse(waiter);
        return false;
      }
      this.slowLine.push(waiter);
      return true;
    }
    if (this.line.length >= this.options.queueSize) {
      const worst = this.line[this.line.length - 1];
      if (worst === undefined || worst.effort >= waiter.effort) {
        this.refuse(waiter);
        return false;
      }
      this.refuse(this.take(worst));
    }
    const at = this.line.findIndex((other) => other.effort < waiter.effort);
    this.line.splice(at === -1 ? this.line.length : at, 0, waiter);
    return true;
  }

  private admission(effort: number): Admission {
    const suggested = this.suggested.current();
    return { admitted: true, effort, lowEffort: suggested > 0 && effort < suggested };
  }

  private refuse(waiter: Waiter): void {
    this.suggested.noteRefused(waiter.effort);
    waiter.settle({
      admitted: false,
      retryAfterSeconds: this.retryAfterSeconds(waiter.effort),
      suggestedEffort: Math.max(this.suggested.current(), waiter.effort * 2, 1),
    });
  }

  /** A bid can come back soon with more work; a request without one waits for the slow line to clear. */
  private retryAfterSeconds(effort: number): number {
    if (effort > 0 || this.slow === null) return Math.min(30, Math.max(2, Math.ceil(this.main.msUntilToken() / 1000)));
    const perMinute = this.options.slowPerMinute;
    return Math.min(600, Math.max(5, Math.ceil(((this.slowLine.length + 1) * 60) / perMinute)));
  }

  private leave(waiter: Waiter): void {
    if (!this.line.includes(waiter) && !this.slowLine.includes(waiter)) return;
    this.take(waiter).settle({ admitted: false, retryAfterSeconds: 0, suggestedEffort: this.suggested.current() });
  }

  /** Remove a waiter from whichever line holds it. */
  private take(waiter: Waiter): Waiter {
    for (const line of [this.line, this.slowLine]) {
      const index = line.indexOf(waiter);
      if (index !== -1) line.splice(index, 1);
    }
    return waiter;
  }

  private wakeLater(): void {
    this.cancelWake?.();
    this.cancelWake = null;
    const waits: number[] = [];
    if (this.line.length + this.slowLine.length > 0) waits.push(this.main.msUntilToken());
    if (this.slowLine.length > 0 && this.slow !== null) waits.push(this.slow.msUntilToken());
    for (const waiter of [...this.line, ...this.slowLine]) waits.push(waiter.deadlineMs - this.nowMs());
    if (waits.length === 0) return;
    this.cancelWake = this.schedule(() => this.pump(), Math.max(1, Math.min(...waits)));
  }

  private nowMs(): number {
    return this.options.now().getTime();
  }
}
