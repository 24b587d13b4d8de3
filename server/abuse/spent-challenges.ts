/**
 * Which challenges have been used, in fixed memory whatever the load: one
 * Bloom filter (1 MiB) per lifetime-long window of expiry times, at most
 * three alive, older ones dropped as their challenges expire. A flood of
 * proofs cannot grow it; it only makes false "replayed" answers likelier
 * (about 1 in 60,000 after 200,000 proofs in a window, 1 in 6 after two
 * million), and a client refused that way fetches a new challenge.
 */
import { createHash } from 'node:crypto';

const BITS = 2 ** 23;
const PROBES = 5;

export class SpentChallenges {
  private readonly windows = new Map<number, Uint8Array>();

  constructor(private readonly lifetimeSeconds: number) {}

  /** Mark a challenge spent; false when it already was (or looks so). */
  spend(nonce: Uint8Array, expiresSeconds: number, nowSeconds: number): boolean {
    this.forgetExpired(nowSeconds);
    const window = Math.floor(expiresSeconds / this.lifetimeSeconds);
    let filter = this.windows.get(window);
    if (filter === undefined) {
      filter = new Uint8Array(BITS / 8);
      this.windows.set(window, filter);
    }
    const digest = createHash('sha256').update(nonce).digest();
    let seen = true;
    for (let probe = 0; probe < PROBES; probe += 1) {
      const bit = digest.readUInt32BE(probe * 4) % BITS;
      const mask = 1 << (bit & 7);
      const index = bit >>> 3;
      if (((filter[index] ?? 0) & mask) === 0) {
        seen = false;
        filter[index] = (filter[index] ?? 0) | mask;
      }
    }
    return !seen;
  }

  /** Windows alive now (for tests: the memory bound). */
  size(): number {
    return this.windows.size;
  }

  private forgetExpired(nowSeconds: number): void {
    const oldest = Math.floor(nowSeconds / this.lifetimeSeconds);
    for (const window of this.windows.keys()) if (window < oldest) this.windows.delete(window);
  }
}
