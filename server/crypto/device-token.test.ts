import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeviceTokenSigner } from './device-token';

const DAY = 86_400;
const now = new Date(Date.UTC(2026, 0, 1));
const later = (seconds: number): Date => new Date(now.getTime() + seconds * 1000);

describe('DeviceTokenSigner', () => {
  const signer = new DeviceTokenSigner(randomBytes(32));

  it('reads back the account of a token it issued, with a fresh nonce each time', () => {
    const first = signer.read(signer.issue(42, now), now, 180 * DAY);
    const second = signer.read(signer.issue(42, now), now, 180 * DAY);
    expect(first).toMatchObject({ staffId: 42, issuedAt: now.getTime() / 1000 });
    expect(second?.nonce).not.toBe(first?.nonce);
  });

  it('refuses a token with any character changed, another account spliced in, or from another instance', () => {
    const token = signer.issue(7, now);
    for (let at = 0; at < token.length; at += 1) {
      const changed = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
      expect(signer.read(changed, now, 180 * DAY)).toBeNull();
    }
    expect(signer.read(token.replace(/^v1\.7\./, 'v1.8.'), now, 180 * DAY)).toBeNull();
    expect(new DeviceTokenSigner(randomBytes(32)).read(token, now, 180 * DAY)).toBeNull();
  });

  it('refuses a token older than its maximum age', () => {
    const token = signer.issue(7, now);
    expect(signer.read(token, later(180 * DAY), 180 * DAY)).not.toBeNull();
    expect(signer.read(token, later(180 * DAY + 1), 180 * DAY)).toBeNull();
  });

  it('refuses garbage without throwing', () => {
    for (const junk of ['', 'v1', 'v1.1.1.x.y', 'v1.1.1.' + 'A'.repeat(22) + '.' + 'B'.repeat(44), '\u0000'.repeat(100)]) {
      expect(signer.read(junk, now, 180 * DAY)).toBeNull();
    }
  });
});
