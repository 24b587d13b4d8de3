/**
 * What stands between a request and the server's expensive work: a proof of
 * work if the client sent one, then a place in its purpose's admission lane.
 * Routes call `admit` only once the request's body has been read and found
 * valid, so garbage never spends a challenge, a place or an Argon2id slot.
 */
import type { Context } from 'hono';
import type { Config } from '../config';
import { DomainError } from '../errors';
import { AdmissionLane, type Admission } from './admission-lane';
import { POW_HEADER, POW_PURPOSES, ProofOfWork, type PowPurpose } from './proof-of-work';
import { FailedCheckLimiter } from './rate-limit';

export type { Admission } from './admission-lane';
export type Refusal = Extract<Admission, { admitted: false }>;

export interface AbuseGuards {
  pow: ProofOfWork;
  lanes: Record<PowPurpose, AdmissionLane>;
  /** Failed code checks per lookup tag. */
  failedChecks: FailedCheckLimiter;
}

/** How long a request may wait for its place before it is told to come back. */
const MAX_WAIT_MS = 30_000;
/** Bids that may wait at once; requests without a proof get as many as their bucket admits in MAX_WAIT_MS. */
const QUEUE_SIZE = 32;
/** The suggested effort is recomputed this often. */
const PERIOD_MS = 10_000;

export function createAbuseGuards(config: Config, instanceKey: Uint8Array, now: () => Date): AbuseGuards {
  const { rates } = config;
  const lane = (perMinute: number, slowPerMinute: number): AdmissionLane =>
    new AdmissionLane({
      perMinute,
      slowPerMinute,
      queueSize: QUEUE_SIZE,
      slowQueueSize: Math.max(2, Math.ceil(((slowPerMinute || perMinute) * MAX_WAIT_MS) / 60_000)),
      maxWaitMs: MAX_WAIT_MS,
      periodMs: PERIOD_MS,
      now,
    });
  const lanes = {
    report: lane(rates.submissionsPerMinute, rates.submissionsWithoutProofPerMinute),
    status: lane(rates.checksPerMinute, rates.checksWithoutProofPerMinute),
    // The console always has JavaScript: sign-ins without a proof get no reserved share.
    signin: lane(rates.signinsPerMinute, 0),
  } satisfies Record<PowPurpose, AdmissionLane>;
  return {
    pow: new ProofOfWork(instanceKey, now),
    lanes,
    failedChecks: new FailedCheckLimiter(rates.failedChecksPerTagPerHour, now),
  };
}

/** True for a purpose a challenge may be asked for. */
export function isPowPurpose(value: unknown): value is PowPurpose {
  return POW_PURPOSES.some((purpose) => purpose === value);
}

/**
 * Check the request's proof (400 `pow_invalid` when it fails; the challenge
 * is spent either way) and wait for a place in the purpose's lane. The
 * caller answers a refusal with `busyError` or a page of its own.
 */
export async function admit(c: Context, guards: AbuseGuards, purpose: PowPurpose): Promise<Admission> {
  const header = c.req.header(POW_HEADER);
  let effort = 0;
  if (header !== undefined) {
    const verdict = guards.pow.verify(header, purpose);
    if (!verdict.ok) throw new DomainError('pow_invalid', { message: `The proof of work was not accepted (${verdict.reason}); fetch a new challenge.` });
    effort = verdict.effort;
  }
  return guards.lanes[purpose].admit(effort, c.req.raw.signal);
}

/** A refusal as an answer: the route's own page for a browser's form post, else the JSON 503 (thrown). */
export function answerRefusal(c: Context, refusal: Refusal, page: () => Response): Response {
  if (c.get('wantsHtml') === true) return page();
  throw new BusyError(refusal);
}

/** 503 `busy` with Retry-After, and the effort that should get through. */
export class BusyError extends DomainError {
  constructor(readonly refusal: Refusal) {
    super('busy', { retryAfterSeconds: refusal.retryAfterSeconds, suggestedEffort: refusal.suggestedEffort });
  }
}

/** 429 with Retry-After (a lookup tag that failed too often). */
export function rateLimited(retryAfterSeconds: number): DomainError {
  return new DomainError('rate_limited', { retryAfterSeconds });
}
