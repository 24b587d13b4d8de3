/**
 * What the sign-in slow-downs hand out: either leave to try now, as an
 * attempt that must be ended (and marked failed when it fails), or a wait.
 */
export interface SignInAttempt {
  /** The credentials were wrong: count it. */
  fail(now: Date): void;
  /** The attempt is over (succeeded or failed): the next one may start. */
  end(): void;
}

export type Admission = { ok: true; attempt: SignInAttempt } | { ok: false; retryAfterSeconds: number };

/** Seconds a client is told to wait while another attempt for the same name or token is still running. */
export const IN_FLIGHT_RETRY_SECONDS = 1;
