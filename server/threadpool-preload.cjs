// Sizes libuv's thread pool for Tipline, before anything uses it. Loaded
// with `node --require ./server/threadpool-preload.cjs` (see package.json
// "start"); server/threadpool.ts explains why and checks the result.
//
// CommonJS on purpose, and not a line in server/index.ts: libuv reads
// UV_THREADPOOL_SIZE once, when the pool starts, and Node's ES module loader
// starts it (reading module files asynchronously) before the first line of
// an ES module entry runs. A --require preload runs before that loader.
//
// The arithmetic mirrors the defaults of server/config.ts (its zod schema is
// the one definition; server/threadpool.test.ts checks the two agree). A bad
// value here falls back to the default: the server then refuses to start
// with the config's own clear message.
'use strict';

/** Threads kept for file reads and writes (static pages, evidence files). */
const FS_THREADS = 4;
/** libuv's own ceiling. */
const MAX_THREADS = 1024;

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function positive(env, name, fallback) {
  const value = Number(env[name]);
  return env[name] !== undefined && env[name] !== '' && Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Argon2id derivations that may run at once (reporter pool + staff pool),
 * plus FS_THREADS.
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 */
function threadPoolSizeFor(env) {
  const memoryKib = positive(env, 'ARGON2_MEMORY_KIB', 19_456);
  const concurrency = (/** @type {number} */ budgetMib) => Math.max(1, Math.floor((budgetMib * 1024) / memoryKib));
  const reporter = concurrency(positive(env, 'ARGON2_MEMORY_BUDGET_MIB', 256));
  const staff = concurrency(positive(env, 'ARGON2_STAFF_MEMORY_BUDGET_MIB', 64));
  return Math.min(MAX_THREADS, reporter + staff + FS_THREADS);
}

// The operator's own setting wins.
if (process.env.UV_THREADPOOL_SIZE === undefined || process.env.UV_THREADPOOL_SIZE === '') {
  process.env.UV_THREADPOOL_SIZE = String(threadPoolSizeFor(process.env));
}

module.exports = { threadPoolSizeFor, FS_THREADS, MAX_THREADS };
