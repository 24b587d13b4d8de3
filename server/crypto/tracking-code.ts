/**
 * Tracking codes: generation (server only) and the short lookup tag.
 * Format and check digit live in web/lib/tracking-code.ts, shared with the
 * browser.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { dammCheckDigit } from '../../contract/tracking-code';

const RANDOM_DIGITS = 19;
const RANDOM_LIMIT = 10n ** BigInt(RANDOM_DIGITS);
// The largest multiple of 10^19 below 2^64: values at or above it are
// rejected so that every 19-digit string is equally likely (no modulo bias).
const ACCEPT_BELOW = (2n ** 64n / RANDOM_LIMIT) * RANDOM_LIMIT;

/** A fresh code: 19 uniformly random digits from the CSPRNG and a Damm check digit (~63 bits). */
export function generateTrackingCode(): string {
  for (;;) {
    const value = randomBytes(8).readBigUInt64BE();
    if (value >= ACCEPT_BELOW) continue;
    const digits = (value % RANDOM_LIMIT).toString().padStart(RANDOM_DIGITS, '0');
    return digits + dammCheckDigit(digits);
  }
}

/** Bits of the lookup tag: few enough that each tag is shared by ~2^39 possible codes. */
export const LOOKUP_TAG_BITS = 24;

/**
 * The tag that finds candidate reports for a normalised code:
 * the first 24 bits of HMAC-SHA256(instance key, code). A tag narrows the
 * search; it never confirms a code (Argon2id does that).
 */
export function lookupTag(instanceKey: Uint8Array, digits: string): number {
  const mac = createHmac('sha256', instanceKey).update(digits, 'utf8').digest();
  return mac.readUIntBE(0, LOOKUP_TAG_BITS / 8);
}
