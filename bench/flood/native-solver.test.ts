/**
 * The flood's native solver is a real solver: its stamps are node:crypto's
 * SHA-256 answers, its proofs are the island's proofs, and the server
 * accepts them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ProofOfWork } from '../../server/abuse/proof-of-work';
import { formatProof, leadingZeroBits } from '../../contract/proof-of-work';
import { solve } from '../../web/lib/pow-solver';
import { solveNative, solveNativeSync } from './native-solver';
import { searchStamp } from './sha256-stamp';

/** The plain search: node:crypto on every candidate. */
function plainSearch(prefix: string, bits: number): string {
  for (let n = 0; ; n += 1) {
    const candidate = n.toString(36);
    if (leadingZeroBits(createHash('sha256').update(prefix + candidate).digest()) >= bits) return candidate;
  }
}

describe('the midstate SHA-256 stamp search', () => {
  // Prefix lengths around the 64-byte block edges, where padding moves to a second block.
  it.each([0, 1, 50, 54, 55, 56, 63, 64, 65, 119, 120, 127, 128, 200])('finds the same stamp as node:crypto for a %i-byte prefix', (length) => {
    const prefix = 'x'.repeat(length);
    for (const bits of [1, 8, 12]) {
      const found = searchStamp(prefix, bits);
      expect(found.stamp).toBe(plainSearch(prefix, bits));
      expect(found.tries).toBe(parseInt(found.stamp, 36) + 1);
    }
  });

  it('handles non-ASCII prefixes byte by byte', () => {
    expect(searchStamp('舉報:', 10).stamp).toBe(plainSearch('舉報:', 10));
  });
});

describe('the native solver', () => {
  const pow = new ProofOfWork(randomBytes(32), () => new Date());

  it('solves what the island solves, and the server accepts it', async () => {
    const { challenge } = pow.issue('report', 0);
    const native = await solveNative(challenge, 8);
    expect(native.proof).toEqual(await solve(challenge, 8));
    expect(pow.verify(formatProof(native.proof), 'report')).toEqual({ ok: true, effort: 8 });
  });

  it('gives the same proof with and without yielding', async () => {
    const { challenge } = pow.issue('status', 0);
    const sync = solveNativeSync(challenge, 5);
    expect((await solveNative(challenge, 5, 0)).proof).toEqual(sync.proof);
    expect(sync.evaluations).toBe(parseInt(sync.proof.solution, 36) + 1);
    expect(pow.verify(formatProof(sync.proof), 'report')).toEqual({ ok: false, reason: 'wrong_purpose' });
    expect(pow.verify(formatProof(sync.proof), 'status')).toEqual({ ok: true, effort: 5 });
  });
});
