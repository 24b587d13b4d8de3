/**
 * The effort a lane suggests with every challenge, as in Tor's onion-service
 * defence: it rises while requests that bid the suggestion are still turned
 * away, holds while only lower bids are, and decays when the lane is calm.
 * It is recomputed once per period from what happened in it, so a burst of
 * refusals moves it one step, not a hundred.
 */
import { MAX_EFFORT } from '../../contract/proof-of-work';

export class SuggestedEffort {
  private value = 0;
  private periodEndsMs: number;
  /** The highest effort refused for load in this period, or null. */
  private refusedMax: number | null = null;
  /** Whether anyone had to wait in this period. */
  private waited = false;

  constructor(
    private readonly periodMs: number,
    private readonly now: () => Date,
  ) {
    this.periodEndsMs = now().getTime() + periodMs;
  }

  /** The suggestion now. */
  current(): number {
    this.roll();
    return this.value;
  }

  /** A request bidding `effort` was refused for load (queue full, or waited too long). */
  noteRefused(effort: number): void {
    this.roll();
    this.refusedMax = Math.max(this.refusedMax ?? 0, effort);
  }

  /** A request had to wait for admission. */
  noteWaited(): void {
    this.roll();
    this.waited = true;
  }

  private roll(): void {
    const nowMs = this.now().getTime();
    while (nowMs >= this.periodEndsMs) {
      this.value = nextSuggestion(this.value, this.refusedMax, this.waited);
      this.refusedMax = null;
      this.waited = false;
      this.periodEndsMs += this.periodMs;
      // After a long calm the suggestion has long reached 0: skip the empty periods.
      if (this.value === 0 && nowMs >= this.periodEndsMs) this.periodEndsMs = nowMs + this.periodMs;
    }
  }
}

/** One period's step. */
export function nextSuggestion(value: number, refusedMax: number | null, waited: boolean): number {
  // Bids at or above the suggestion were turned away: it is too low. Doubling
  // reaches an attacker's level in a few periods; at least one more than the
  // highest refused bid, so a flood without proofs lifts it from 0 to 1.
  if (refusedMax !== null && refusedMax >= value) return Math.min(MAX_EFFORT, Math.max(refusedMax + 1, value * 2));
  // Only lower bids were refused, or people waited but got in: it is enough.
  if (refusedMax !== null || waited) return value;
  // Calm: come down by a third each period (from 10,000 to 0 in about 23).
  return Math.floor((value * 2) / 3);
}
