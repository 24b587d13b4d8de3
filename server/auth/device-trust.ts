/**
 * Trust in device tokens (server/crypto/device-token.ts), the OWASP
 * "device cookie" pattern: a browser holding a valid token for the account
 * it signs in to skips the per-username slow-down, so an attacker guessing
 * that username never locks the owner out of a browser they used before.
 * Failures with a token are counted for that token alone; at
 * DEVICE_FAILURE_LIMIT it is no longer trusted, and the browser meets the
 * slow-down like any other. A stolen token thus buys a handful of guesses.
 */
import { IN_FLIGHT_RETRY_SECONDS, type Admission } from './sign-in-attempt';

/** Wrong passwords (or second-factor codes) a token survives; the next sign-in with it is untrusted. */
export const DEVICE_FAILURE_LIMIT = 5;

export class DeviceTrust {
  /** Nonce -> failures, for tokens still trusted, oldest first. */
  private readonly counting = new Map<string, number>();
  /** Nonces no longer trusted, oldest first. */
  private readonly distrusted = new Set<string>();
  private readonly inFlight = new Set<string>();

  /**
   * Both are bounded. Only validly signed tokens get here, and each needs a
   * successful sign-in to mint, so the bounds are a backstop; kept apart so
   * that counting many tokens never pushes a distrusted one out.
   */
  constructor(private readonly maxTracked = 10_000) {}

  /** Whether a (validly signed) token still skips the slow-down. */
  trusts(nonce: string): boolean {
    return !this.distrusted.has(nonce);
  }

  /** Leave to try a sign-in with this token now; one attempt at a time per token. */
  admit(nonce: string): Admission {
    if (this.inFlight.has(nonce)) return { ok: false, retryAfterSeconds: IN_FLIGHT_RETRY_SECONDS };
    this.inFlight.add(nonce);
    return { ok: true, attempt: { fail: () => this.recordFailure(nonce), end: () => this.inFlight.delete(nonce) } };
  }

  /** The browser signed in and got a fresh token: the old one's count is no longer needed. */
  forget(nonce: string): void {
    this.counting.delete(nonce);
  }

  private recordFailure(nonce: string): void {
    if (this.distrusted.has(nonce)) return;
    const failures = (this.counting.get(nonce) ?? 0) + 1;
    this.counting.delete(nonce);
    if (failures >= DEVICE_FAILURE_LIMIT) {
      this.distrusted.add(nonce);
      if (this.distrusted.size > this.maxTracked) this.distrusted.delete(this.distrusted.values().next().value ?? '');
      return;
    }
    this.counting.set(nonce, failures);
    if (this.counting.size > this.maxTracked) this.counting.delete(this.counting.keys().next().value ?? '');
  }
}
