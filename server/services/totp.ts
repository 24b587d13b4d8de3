/**
 * TOTP (RFC 6238) through `otpauth`: 6 digits, 30-second steps, SHA-1 (what
 * every authenticator app supports), one step of clock drift either way.
 * The secret is stored age-encrypted to the member's personal recipient.
 */
import { Secret, TOTP } from 'otpauth';
import { decryptText, encryptTo } from '../crypto/age';

const PERIOD_SECONDS = 30;
const ISSUER = 'Tipline';

function totpFor(secretBase32: string, username: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A new secret: its base32 form, the otpauth:// URI for a QR code, and its ciphertext for storage. */
export async function newTotpSecret(username: string, personalRecipient: string): Promise<{ secret: string; uri: string; encrypted: Uint8Array }> {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpFor(secret, username).toString(), encrypted: await encryptTo([personalRecipient], secret) };
}

/**
 * The time step a code is valid for, or null. A step at or before
 * `lastStep` is refused: each code works once.
 */
export async function acceptedTotpStep(
  encryptedSecret: Uint8Array,
  personalIdentity: string,
  code: string,
  lastStep: number | null,
  now: Date,
): Promise<number | null> {
  const secret = await decryptText([personalIdentity], encryptedSecret);
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret, 'x').validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The current code for a secret (tests, and nothing else, need this). */
export function currentTotpCode(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, 'x').generate({ timestamp: now.getTime() });
}
