/**
 * The gate in front of the reporter routes, before any body is read or any
 * Argon2id work is done: a proof of work, if the client sent one, and then
 * a token from the route's global bucket — the generous one with a valid
 * proof, the strict one without (browsers without JavaScript).
 */
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config';
import { ApiError } from '../http/errors';
import { POW_HEADER, ProofOfWork, type PowPurpose } from './proof-of-work';
import { FailedCheckLimiter, TokenBucket } from './rate-limit';

export interface AbuseGuards {
  pow: ProofOfWork;
  buckets: Record<PowPurpose, { withProof: TokenBucket; withoutProof: TokenBucket }>;
  /** Failed code checks per lookup tag. */
  failedChecks: FailedCheckLimiter;
  /** Challenges handed out (cheap, but still bounded). */
  challenges: TokenBucket;
}

export function createAbuseGuards(config: Config, instanceKey: Uint8Array, now: () => Date): AbuseGuards {
  const { rates } = config;
  const bucket = (perMinute: number): TokenBucket => new TokenBucket(perMinute, Math.max(1, Math.ceil(perMinute / 4)), now);
  return {
    pow: new ProofOfWork(instanceKey, config.powDifficulty, now),
    buckets: {
      report: { withProof: bucket(rates.submissionsPerMinute), withoutProof: bucket(rates.submissionsWithoutProofPerMinute) },
      status: { withProof: bucket(rates.checksPerMinute), withoutProof: bucket(rates.checksWithoutProofPerMinute) },
    },
    failedChecks: new FailedCheckLimiter(rates.failedChecksPerTagPerHour, now),
    challenges: bucket(rates.checksPerMinute + rates.submissionsPerMinute),
  };
}

/** 429 with Retry-After. */
export function rateLimited(retryAfterSeconds: number): ApiError {
  return new ApiError(429, 'rate_limited', 'Too many requests right now; please wait a little and try again.', undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
}

/** Middleware for a reporter route of this purpose. */
export function reporterGuard(guards: AbuseGuards, purpose: PowPurpose): MiddlewareHandler {
  return async (c, next) => {
    const proof = c.req.header(POW_HEADER);
    let bucket = guards.buckets[purpose].withoutProof;
    if (proof !== undefined) {
      const verdict = guards.pow.verify(proof, purpose);
      if (!verdict.ok) {
        throw new ApiError(400, 'pow_invalid', `The proof of work was not accepted (${verdict.reason}); fetch a new challenge.`);
      }
      bucket = guards.buckets[purpose].withProof;
    }
    const token = bucket.take();
    if (!token.ok) throw rateLimited(token.retryAfterSeconds);
    await next();
  };
}
