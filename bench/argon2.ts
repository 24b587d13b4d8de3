/**
 * The yardstick for submissions and code checks: bare Argon2id with the
 * server's parameters, at the same concurrency, in this process.
 */
import { randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import type { KdfParams } from '../server/crypto/argon2';
import type { ThroughputRow } from './results';
import { median, runLoad, type LoadResult } from './stats';

/** One derivation as the server makes it (algorithm left at its default, Argon2id). */
export async function deriveOnce(params: KdfParams): Promise<boolean> {
  const secret = randomBytes(10).toString('hex');
  await hashRaw(secret, { salt: randomBytes(16), memoryCost: params.m, timeCost: params.t, parallelism: params.p, outputLen: 32 });
  return true;
}

/** Bare Argon2id derivations per second at `concurrency`, over one window. */
export function argon2Rate(params: KdfParams, concurrency: number, durationMs: number): Promise<LoadResult> {
  return runLoad({ concurrency, durationMs, maxTasks: Number.MAX_SAFE_INTEGER, task: () => deriveOnce(params) });
}

/** A table row from per-round rates. */
export function throughputRow(concurrency: number, http: readonly LoadResult[], argon2: readonly LoadResult[]): ThroughputRow {
  const httpPerSecond = median(http.map((r) => r.perSecond));
  const argon2PerSecond = median(argon2.map((r) => r.perSecond));
  return {
    concurrency,
    httpPerSecond,
    argon2PerSecond,
    ratio: httpPerSecond / argon2PerSecond,
    overheadPercent: (argon2PerSecond / httpPerSecond - 1) * 100,
    errors: http.reduce((sum, r) => sum + r.errors, 0),
    requests: http.reduce((sum, r) => sum + r.ok + r.errors, 0),
    perRound: { http: http.map((r) => r.perSecond), argon2: argon2.map((r) => r.perSecond) },
  };
}
