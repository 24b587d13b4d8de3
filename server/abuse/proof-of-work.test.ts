/**
 * The proof-of-work puzzle: one known answer checked by two Argon2id
 * implementations (hash-wasm, which browsers run, and @node-rs/argon2, which
 * the server runs) against the reference C library's output; solve and
 * verify round trips; and every way a proof can be wrong, including that a
 * challenge is spent by its first check, passed or failed.
 */
import { hashRawSync } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { formatProof, meetsEffort, PUZZLE, type Proof } from '../../contract/proof-of-work';
import { findStamp, puzzleDigest, solve } from '../../web/lib/pow-solver';
import { ProofOfWork } from './proof-of-work';

const KEY = new Uint8Array(32).fill(9);

function clock(): { now: () => Date; advance: (ms: number) => void } {
  let at = Date.parse('2026-12-01T10:00:00Z');
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

describe('puzzle digest', () => {
  // Computed with the reference implementation (Debian's libargon2, argon2id_hash_raw(t=2, m=256, p=1)).
  const KNOWN = '786a109625b92ff26d0bc7486fed3203e40775105c6054c068efc94226cbba80';

  it('hash-wasm (the browser) and @node-rs/argon2 (the server) both give the reference answer', async () => {
    expect(Buffer.from(await puzzleDigest('challenge', '1')).toString('hex')).toBe(KNOWN);
    const native = hashRawSync('challenge:1', { salt: Buffer.from(PUZZLE.salt), memoryCost: PUZZLE.memoryKib, timeCost: PUZZLE.passes, parallelism: 1, outputLen: 32 });
    expect(native.toString('hex')).toBe(KNOWN);
  });

  it('effort E takes a digest prefix of at most (2^32 - 1) / E', () => {
    const prefix = (r: number): Uint8Array => new Uint8Array([r >>> 24, (r >>> 16) & 255, (r >>> 8) & 255, r & 255]);
    expect(meetsEffort(prefix(0xffffffff), 1)).toBe(true);
    expect(meetsEffort(prefix(0xffffffff), 2)).toBe(false);
    expect(meetsEffort(prefix(0x7fffffff), 2)).toBe(true);
    expect(meetsEffort(prefix(0x80000000), 2)).toBe(false);
    expect(meetsEffort(prefix(0), 10_000_000)).toBe(true);
    expect(meetsEffort(prefix(429), 10_000_000)).toBe(true);
    expect(meetsEffort(prefix(430), 10_000_000)).toBe(false);
  });
});

describe('challenges and proofs', () => {
  it('a solved challenge proves its effort once; a replay is refused', async () => {
    const pow = new ProofOfWork(KEY, clock().now);
    const { challenge, suggestedEffort, puzzle } = pow.issue('report', 3);
    expect(suggestedEffort).toBe(3);
    expect(puzzle).toEqual(PUZZLE);
    const header = formatProof(await solve(challenge, 6));
    expect(pow.verify(header, 'report')).toEqual({ ok: true, effort: 6 });
    expect(pow.verify(header, 'report')).toEqual({ ok: false, reason: 'replayed' });
  });

  it('refuses malformed, forged, expired, misused and under-worked proofs', async () => {
    const time = clock();
    const pow = new ProofOfWork(KEY, time.now);
    const solved = async (purpose: 'report' | 'status'): Promise<Proof> => solve(pow.issue(purpose, 0).challenge, 2);

    expect(pow.verify('not a proof', 'report')).toEqual({ ok: false, reason: 'malformed' });
    const good = await solved('report');
    // Another nonce under the same signature.
    const parts = good.challenge.split('.');
    parts[3] = parts[3] === 'A'.repeat(22) ? 'B'.repeat(22) : 'A'.repeat(22);
    const forged = { ...good, challenge: parts.join('.') };
    expect(pow.verify(formatProof({ ...forged, stamp: await findStamp(forged) }), 'report')).toEqual({ ok: false, reason: 'forged' });
    const otherKey = new ProofOfWork(new Uint8Array(32).fill(1), time.now);
    expect(otherKey.verify(formatProof(good), 'report')).toEqual({ ok: false, reason: 'forged' });
    expect(pow.verify(formatProof(await solved('status')), 'report')).toEqual({ ok: false, reason: 'wrong_purpose' });

    // The stamp covers the whole proof: another effort or solution needs a new one.
    expect(pow.verify(formatProof({ ...good, effort: 3 }), 'report')).toEqual({ ok: false, reason: 'too_easy' });
    // A solution for effort 2 claimed as ten million, with a valid stamp: the Argon2id check fails it.
    const boasted = { challenge: good.challenge, effort: 10_000_000, solution: good.solution };
    expect(pow.verify(formatProof({ ...boasted, stamp: await findStamp(boasted) }), 'report')).toEqual({ ok: false, reason: 'too_easy' });

    const late = await solved('report');
    time.advance(11 * 60_000);
    expect(pow.verify(formatProof(late), 'report')).toEqual({ ok: false, reason: 'expired' });
  });

  it('a challenge is spent by its first Argon2id check, passed or failed: each costs the server at most one', async () => {
    const pow = new ProofOfWork(KEY, clock().now);
    const { challenge } = pow.issue('status', 0);
    const right = await solve(challenge, 20);
    // Some other solution that misses effort 20 (about 19 in 20 do), with a valid stamp.
    let wrongSolution = 0;
    while (meetsEffort(await puzzleDigest(challenge, `x${wrongSolution}`), 20)) wrongSolution += 1;
    const wrong = { challenge, effort: 20, solution: `x${wrongSolution}` };
    expect(pow.verify(formatProof({ ...wrong, stamp: await findStamp(wrong) }), 'status')).toEqual({ ok: false, reason: 'too_easy' });
    expect(pow.verify(formatProof(right), 'status')).toEqual({ ok: false, reason: 'replayed' });
  });

  it('checks that fail before Argon2id (shape, signature, purpose, stamp) leave the challenge unspent', async () => {
    const pow = new ProofOfWork(KEY, clock().now);
    const proof = await solve(pow.issue('report', 0).challenge, 2);
    expect(pow.verify(formatProof(proof), 'status')).toEqual({ ok: false, reason: 'wrong_purpose' });
    expect(pow.verify(formatProof({ ...proof, stamp: proof.stamp === '0' ? '1' : '0' }), 'report').ok).toBe(false);
    expect(pow.verify(formatProof(proof), 'report')).toEqual({ ok: true, effort: 2 });
  });
});
