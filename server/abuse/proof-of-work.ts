/**
 * Proof of work for the reporter routes. A JavaScript client fetches a
 * challenge, finds a nonce whose SHA-256 (with the challenge) starts with
 * `difficulty` zero bits, and sends both in the X-Tipline-Pow header. That
 * puts a small cost on each automated submission or code check and lets
 * such clients use a generous rate bucket; clients without JavaScript (Tor
 * Browser "Safest") send none and share a stricter one.
 *
 * A challenge is HMAC-signed (key derived from the instance key, so a
 * restart keeps outstanding challenges valid), names its purpose, expires,
 * and is accepted once: replaying a solved challenge is refused.
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { leadingZeroBits, POW_HEADER } from '../../web/lib/proof-of-work';

export { POW_HEADER };

export const POW_PURPOSES = ['report', 'status'] as const;
export type PowPurpose = (typeof POW_PURPOSES)[number];

/** A challenge as the client receives it. */
export interface Challenge {
  challenge: string;
  difficulty: number;
  /** Seconds the challenge stays valid. */
  expiresIn: number;
}

export type PowVerdict = { ok: true } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'wrong_purpose' | 'too_easy' | 'replayed' };

const LIFETIME_SECONDS = 600;

export class ProofOfWork {
  private readonly key: Buffer;
  /** Nonces of solved challenges, until they expire (bounded by how fast challenges are issued). */
  private readonly spent = new Map<string, number>();

  constructor(
    instanceKey: Uint8Array,
    private readonly difficulty: number,
    private readonly now: () => Date,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', instanceKey, Buffer.alloc(0), 'tipline proof of work', 32));
  }

  /** A fresh challenge: `v1.<purpose>.<difficulty>.<expires>.<nonce>.<mac>`. */
  issue(purpose: PowPurpose): Challenge {
    const expires = Math.floor(this.now().getTime() / 1000) + LIFETIME_SECONDS;
    const body = ['v1', purpose, String(this.difficulty), String(expires), randomBytes(16).toString('base64url')].join('.');
    return { challenge: `${body}.${this.mac(body)}`, difficulty: this.difficulty, expiresIn: LIFETIME_SECONDS };
  }

  /** Check a header value `<challenge>:<solution>` for a purpose, and spend it. */
  verify(header: string, purpose: PowPurpose): PowVerdict {
    const match = /^(v1\.([a-z]+)\.(\d{1,2})\.(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})):([A-Za-z0-9_-]{1,64})$/.exec(header);
    if (!match) return { ok: false, reason: 'malformed' };
    const [, challenge = '', claimedPurpose, difficulty = '', expires = '', nonce = '', mac = '', solution = ''] = match;
    const body = challenge.slice(0, challenge.lastIndexOf('.'));
    const expected = Buffer.from(this.mac(body));
    if (expected.length !== mac.length || !timingSafeEqual(expected, Buffer.from(mac))) return { ok: false, reason: 'forged' };
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    if (Number(expires) < nowSeconds) return { ok: false, reason: 'expired' };
    if (claimedPurpose !== purpose) return { ok: false, reason: 'wrong_purpose' };
    // Difficulty is signed into the challenge; a lowered setting does not weaken old ones, nor a raised one break them.
    const digest = createHash('sha256').update(`${challenge}:${solution}`).digest();
    if (leadingZeroBits(digest) < Number(difficulty)) return { ok: false, reason: 'too_easy' };
    this.forgetExpired(nowSeconds);
    if (this.spent.has(nonce)) return { ok: false, reason: 'replayed' };
    this.spent.set(nonce, Number(expires));
    return { ok: true };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  private forgetExpired(nowSeconds: number): void {
    for (const [nonce, expires] of this.spent) {
      if (expires < nowSeconds) this.spent.delete(nonce);
    }
  }
}
