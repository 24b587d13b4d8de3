import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../contract/tracking-code';
import { generateTrackingCode, LOOKUP_TAG_BITS, lookupTag } from './tracking-code';

describe('generateTrackingCode', () => {
  it('makes 20-digit codes whose last digit is a valid check digit', () => {
    for (let i = 0; i < 2_000; i += 1) {
      const code = generateTrackingCode();
      expect(code).toMatch(/^\d{20}$/);
      expect(hasValidCheckDigit(code)).toBe(true);
    }
  });

  it('spreads every random position over all ten digits (no fixed or biased position)', () => {
    const counts = Array.from({ length: 19 }, () => new Array<number>(10).fill(0));
    const samples = 20_000;
    for (let i = 0; i < samples; i += 1) {
      const code = generateTrackingCode();
      for (let position = 0; position < 19; position += 1) {
        const row = counts[position];
        if (row) row[Number(code[position])] = (row[Number(code[position])] ?? 0) + 1;
      }
    }
    // Expected 2,000 per digit; 5 standard deviations is about +/-212.
    for (const row of counts) for (const n of row) expect(Math.abs(n - samples / 10)).toBeLessThan(250);
  });

  it('does not repeat', () => {
    const seen = new Set(Array.from({ length: 10_000 }, generateTrackingCode));
    expect(seen.size).toBe(10_000);
  });
});

describe('lookupTag', () => {
  const key = Buffer.alloc(32, 7);

  it('is the first 24 bits of HMAC-SHA256, as computed by an independent implementation (Python hmac)', () => {
    const code = '12345678901234567890';
    const expected = execFileSync('python3', [
      '-c',
      'import hmac,hashlib,sys; print(int.from_bytes(hmac.new(bytes([7])*32, sys.argv[1].encode(), hashlib.sha256).digest()[:3], "big"))',
      code,
    ])
      .toString()
      .trim();
    expect(lookupTag(key, code)).toBe(Number(expected));
  });

  it('stays within 24 bits and depends on the instance key', () => {
    const code = generateTrackingCode();
    expect(lookupTag(key, code)).toBeLessThan(2 ** LOOKUP_TAG_BITS);
    expect(lookupTag(Buffer.alloc(32, 8), code)).not.toBe(lookupTag(key, code));
  });
});
