/**
 * Bounds on Argon2id work. Each derivation holds `m` KiB of memory for its
 * duration, so a flood of code checks, submissions or sign-ins could
 * otherwise exhaust memory or queue up without end. At most `concurrency`
 * derivations run at once (sized from a memory budget); up to `queue` more
 * wait their turn; anything beyond is refused at once with 503 and
 * Retry-After, never an out-of-memory crash.
 *
 * There are two limiters, each with its own budget and queue: one for the
 * reporter routes and one for the staff routes (sign-in, recovery, account
 * work, the CLI), so that a flood on one never starves the other. They are
 * passed explicitly to whoever derives (see KdfPool in ./argon2), never
 * reached through a module global.
 */
export interface KdfLimits {
  concurrency: number;
  queue: number;
}

/** Too many derivations running and waiting; the app answers 503 with Retry-After. */
export class KdfOverloadedError extends Error {
  /** Seconds a refused client is asked to wait: about one queue's worth of work. */
  readonly retryAfterSeconds = 5;
}

/** How many derivations of `memoryKib` fit in a budget of `budgetMib` (at least one). */
export function concurrencyFor(budgetMib: number, memoryKib: number): number {
  return Math.max(1, Math.floor((budgetMib * 1024) / memoryKib));
}

/** One bounded pool of Argon2id derivations. */
export class KdfLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limits: KdfLimits) {}

  /** Derivations running now and waiting now (for tests and the benchmark). */
  load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Run `work` when a slot is free; 503 at once when the queue is full too. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.concurrency) {
      if (this.waiting.length >= this.limits.queue) throw new KdfOverloadedError('Argon2id queue full');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
