/**
 * Challenges and their proofs (the protocol is in web/lib/proof-of-work.ts).
 *
 * A challenge is stateless: `v2.<purpose>.<expires>.<nonce>.<mac>`, HMAC-signed
 * with a key derived from the instance key (so a restart keeps outstanding
 * challenges valid). Issuing one costs an HMAC and stores nothing, so
 * fetching challenges drains nothing. A proof is checked from cheapest to
 * dearest — shape, signature, expiry, purpose, the SHA-256 stamp — before
 * its challenge is spent and the one Argon2id evaluation is made; a
 * challenge is spent on its first check, passed or failed, so each can cost
 * the server at most one evaluation.
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashRawSync } from '@node-rs/argon2';
import {
  leadingZeroBits,
  meetsEffort,
  parseProof,
  PUZZLE,
  puzzleInput,
  stampInput,
  type ChallengeResponse,
  type PowPurpose,
} from '../../contract/proof-of-work';
import { SpentChallenges } from './spent-challenges';

export { POW_HEADER, POW_PURPOSES, type PowPurpose } from '../../contract/proof-of-work';

/** Long enough to solve at a high effort and wait in line, short enough to keep the spent set small. */
export const CHALLENGE_LIFETIME_SECONDS = 600;

export type PowVerdict =
  | { ok: true; effort: number }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'wrong_purpose' | 'too_easy' | 'replayed' };

const CHALLENGE = /^v2\.([a-z]+)\.(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
const PUZZLE_SALT = Buffer.from(PUZZLE.salt, 'utf8');

export class ProofOfWork {
  private readonly key: Buffer;
  private readonly spent = new SpentChallenges(CHALLENGE_LIFETIME_SECONDS);

  constructor(
    instanceKey: Uint8Array,
    private readonly now: () => Date,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', instanceKey, Buffer.alloc(0), 'tipline proof of work v2', 32));
  }

  /** A fresh challenge, carrying the effort suggested for its purpose right now. */
  issue(purpose: PowPurpose, suggestedEffort: number): ChallengeResponse {
    const expires = this.seconds() + CHALLENGE_LIFETIME_SECONDS;
    const body = ['v2', purpose, String(expires), randomBytes(16).toString('base64url')].join('.');
    return { challenge: `${body}.${this.mac(body)}`, suggestedEffort, expiresIn: CHALLENGE_LIFETIME_SECONDS, puzzle: PUZZLE };
  }

  /** Check a header value for a purpose, spend its challenge, and say what effort it proves. */
  verify(header: string, purpose: PowPurpose): PowVerdict {
    const proof = parseProof(header);
    const parts = proof === null ? null : CHALLENGE.exec(proof.challenge);
    if (proof === null || parts === null) return { ok: false, reason: 'malformed' };
    const [, claimedPurpose, expires = '', nonce = '', mac = ''] = parts;
    const expected = Buffer.from(this.mac(proof.challenge.slice(0, proof.challenge.lastIndexOf('.'))));
    if (expected.length !== mac.length || !timingSafeEqual(expected, Buffer.from(mac))) return { ok: false, reason: 'forged' };
    const nowSeconds = this.seconds();
    if (Number(expires) < nowSeconds) return { ok: false, reason: 'expired' };
    if (claimedPurpose !== purpose) return { ok: false, reason: 'wrong_purpose' };
    const stamp = createHash('sha256').update(stampInput(proof, proof.stamp)).digest();
    if (leadingZeroBits(stamp) < PUZZLE.stampBits) return { ok: false, reason: 'too_easy' };
    if (!this.spent.spend(Buffer.from(nonce, 'base64url'), Number(expires), nowSeconds)) return { ok: false, reason: 'replayed' };
    const digest = hashRawSync(puzzleInput(proof.challenge, proof.solution), {
      // `algorithm` left out: Argon2id is the default (see STACK.md on the const enum).
      salt: PUZZLE_SALT,
      memoryCost: PUZZLE.memoryKib,
      timeCost: PUZZLE.passes,
      parallelism: 1,
      outputLen: 32,
    });
    return meetsEffort(digest, proof.effort) ? { ok: true, effort: proof.effort } : { ok: false, reason: 'too_easy' };
  }

  private seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
