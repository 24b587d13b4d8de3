/**
 * libuv's thread pool and the Argon2id pools. Every Argon2id derivation runs
 * on a libuv thread (@node-rs/argon2 queues native work there), and so does
 * file I/O. The two KdfLimiters keep reporter and staff derivations apart in
 * memory and in their queues, but if the thread pool were smaller than both
 * their concurrencies together, staff derivations could hold every thread and
 * reporter derivations would wait behind them anyway: a sign-in flood would
 * still slow every reporter. libuv's default is 4 threads; Tipline wants
 * reporter concurrency + staff concurrency + FS_THREADS.
 *
 * The size must be set before the pool first starts, which for an ES module
 * entry is before its first line runs: server/threadpool-preload.cjs does it,
 * loaded with --require. server/index.ts checks here that it happened.
 */
import type { Config } from './config';

/** Threads kept for file I/O beside the Argon2id derivations (as in threadpool-preload.cjs). */
export const FS_THREADS = 4;
const MAX_THREADS = 1024;
const LIBUV_DEFAULT = 4;

/** The thread pool size this configuration wants. */
export function wantedThreadPoolSize(config: Pick<Config, 'kdfLimits'>): number {
  return Math.min(MAX_THREADS, config.kdfLimits.reporter.concurrency + config.kdfLimits.staff.concurrency + FS_THREADS);
}

/** The pool size this process started with (libuv reads UV_THREADPOOL_SIZE once, clamped to 1..1024). */
export function startedThreadPoolSize(env: Record<string, string | undefined>): number {
  const value = Number(env['UV_THREADPOOL_SIZE']);
  return Number.isInteger(value) && value > 0 ? Math.min(value, MAX_THREADS) : LIBUV_DEFAULT;
}
