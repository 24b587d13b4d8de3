/** The spent-challenge record: single use, and fixed memory however many challenges are spent. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SpentChallenges } from './spent-challenges';

describe('spent challenges', () => {
  it('accepts a challenge once and refuses it again until it expires', () => {
    const spent = new SpentChallenges(600);
    const nonce = randomBytes(16);
    expect(spent.spend(nonce, 2_000_600, 2_000_000)).toBe(true);
    expect(spent.spend(nonce, 2_000_600, 2_000_100)).toBe(false);
    expect(spent.spend(randomBytes(16), 2_000_600, 2_000_100)).toBe(true);
  });

  it('holds at most three windows, whatever the flood', () => {
    const spent = new SpentChallenges(600);
    let refusedFresh = 0;
    for (let second = 0; second < 3_600; second += 10) {
      // 300 fresh challenges every 10 s for an hour, each valid for ten minutes.
      for (let n = 0; n < 300; n += 1) if (!spent.spend(randomBytes(16), 1_000_000 + second + 600, 1_000_000 + second)) refusedFresh += 1;
      expect(spent.size()).toBeLessThanOrEqual(3);
    }
    // 108,000 challenges in 1 MiB filters: a false "replayed" is rare.
    expect(refusedFresh).toBeLessThan(5);
  });
});
