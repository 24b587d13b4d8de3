/**
 * Device tokens (the OWASP "device cookie"): a browser's proof that it has
 * signed in to one staff account before. A token is
 * `v1.<staffId>.<issuedAt>.<nonce>.<mac>`, the MAC an HMAC-SHA256 under a
 * key derived from the instance key, so tokens need no storage and survive
 * a restart. What the server learns about a token later (failed sign-ins
 * with it) is kept by its nonce.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface DeviceToken {
  staffId: number;
  /** Random, unique per token: what failures are counted against. */
  nonce: string;
  /** Seconds since the epoch. */
  issuedAt: number;
}

const TOKEN = /^v1\.(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export class DeviceTokenSigner {
  private readonly key: Buffer;

  constructor(instanceKey: Uint8Array) {
    this.key = Buffer.from(hkdfSync('sha256', instanceKey, Buffer.alloc(0), 'tipline staff device token', 32));
  }

  /** A fresh token for a browser that has just signed in to `staffId`. */
  issue(staffId: number, now: Date): string {
    const body = ['v1', String(staffId), String(Math.floor(now.getTime() / 1000)), randomBytes(16).toString('base64url')].join('.');
    return `${body}.${this.mac(body)}`;
  }

  /** The token's contents when it is well formed, signed by this instance and younger than `maxAgeSeconds`; null otherwise. */
  read(token: string, now: Date, maxAgeSeconds: number): DeviceToken | null {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const [, staffId = '', issuedAt = '', nonce = '', mac = ''] = match;
    const expected = Buffer.from(this.mac(token.slice(0, token.lastIndexOf('.'))));
    if (!timingSafeEqual(expected, Buffer.from(mac))) return null;
    const age = Math.floor(now.getTime() / 1000) - Number(issuedAt);
    // A few minutes into the future is tolerated: the clock may have been stepped back.
    if (age < -300 || age > maxAgeSeconds) return null;
    return { staffId: Number(staffId), nonce, issuedAt: Number(issuedAt) };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body, 'utf8').digest('base64url');
  }
}
