/** Medians, percentiles and a bounded closed-loop load runner. */

/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** The p-th percentile (0–100) by the nearest-rank method (NaN for none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? NaN;
}

export interface LoadResult {
  /** Tasks that returned true. */
  ok: number;
  /** Tasks that returned false or threw. */
  errors: number;
  elapsedMs: number;
  /** ok per second over the whole window, the last tasks in flight included. */
  perSecond: number;
}

/**
 * Run `task` from `concurrency` loops until `durationMs` have passed or
 * `maxTasks` were started, then wait for those in flight. A task reports
 * success by returning true.
 */
export async function runLoad(options: {
  concurrency: number;
  durationMs: number;
  maxTasks: number;
  task: () => Promise<boolean>;
}): Promise<LoadResult> {
  let started = 0;
  let ok = 0;
  let errors = 0;
  const begin = performance.now();
  const deadline = begin + options.durationMs;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline && started < options.maxTasks) {
      started += 1;
      try {
        if (await options.task()) ok += 1;
        else errors += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  const elapsedMs = performance.now() - begin;
  return { ok, errors, elapsedMs, perSecond: ok / (elapsedMs / 1000) };
}

/** Time one call in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const begin = performance.now();
  const value = await work();
  return { ms: performance.now() - begin, value };
}

/** A small deterministic PRNG (mulberry32), so seeded data is the same on every run. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Pick from weighted choices with a random number in [0, 1). */
export function weighted<T>(choices: readonly (readonly [T, number])[], random: number): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random * total;
  for (const [value, weight] of choices) {
    left -= weight;
    if (left < 0) return value;
  }
  const last = choices.at(-1);
  if (!last) throw new RangeError('no choices');
  return last[0];
}
