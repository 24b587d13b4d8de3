import { describe, expect, it } from 'vitest';
import {
  dammCheckDigit,
  formatTrackingCode,
  hasValidCheckDigit,
  normalizeTrackingCode,
  trackingCodeProblem,
} from './tracking-code';

// Deterministic pseudo-random 19-digit bodies, so a failure is reproducible.
function sampleBodies(count: number): string[] {
  let state = 0x2545f491;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % 10;
  };
  return Array.from({ length: count }, () => Array.from({ length: 19 }, next).join(''));
}

describe('Damm check digit', () => {
  it('matches the published worked example (572 -> 4)', () => {
    expect(dammCheckDigit('572')).toBe('4');
    expect(hasValidCheckDigit('5724')).toBe(true);
    expect(hasValidCheckDigit('5723')).toBe(false);
  });

  it('catches every single-digit error in 500 codes', () => {
    for (const body of sampleBodies(500)) {
      const code = body + dammCheckDigit(body);
      expect(hasValidCheckDigit(code)).toBe(true);
      for (let position = 0; position < code.length; position += 1) {
        for (let digit = 0; digit <= 9; digit += 1) {
          if (String(digit) === code[position]) continue;
          const typo = code.slice(0, position) + String(digit) + code.slice(position + 1);
          expect(hasValidCheckDigit(typo), `${typo} should be rejected`).toBe(false);
        }
      }
    }
  });

  it('catches every adjacent transposition in 500 codes', () => {
    for (const body of sampleBodies(500)) {
      const code = body + dammCheckDigit(body);
      for (let position = 0; position < code.length - 1; position += 1) {
        const a = code[position];
        const b = code[position + 1];
        if (a === b || a === undefined || b === undefined) continue;
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        expect(hasValidCheckDigit(swapped), `${swapped} should be rejected`).toBe(false);
      }
    }
  });
});

describe('normalizeTrackingCode', () => {
  const digits = '12345678901234567890';

  it('accepts full-width digits from a Chinese IME', () => {
    expect(normalizeTrackingCode('１２３４ ５６７８ ９０１２ ３４５６ ７８９０')).toBe(digits);
  });

  it('drops spaces, ideographic spaces, dashes (ASCII and full-width) and dots', () => {
    expect(normalizeTrackingCode(' 1234-5678.9012\u30003456－7890 ')).toBe(digits);
    expect(normalizeTrackingCode('1234\u20145678\u20139012 3456 7890')).toBe(digits);
  });

  it('refuses anything that is not exactly 20 digits', () => {
    expect(normalizeTrackingCode('1234 5678 9012 3456 789')).toBeNull();
    expect(normalizeTrackingCode('1234 5678 9012 3456 78901')).toBeNull();
    expect(normalizeTrackingCode('1234 5678 9012 3456 789a')).toBeNull();
    expect(normalizeTrackingCode('١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠')).toBeNull(); // Arabic-Indic digits are not NFKC-folded
  });
});

describe('trackingCodeProblem', () => {
  const valid = (() => {
    const body = '1234567890123456789';
    return body + dammCheckDigit(body);
  })();

  it('says what is wrong before any server work', () => {
    expect(trackingCodeProblem('   ')).toBe('empty');
    expect(trackingCodeProblem('1234')).toBe('format');
    const typo = valid.slice(0, 5) + String((Number(valid[5]) + 1) % 10) + valid.slice(6);
    expect(trackingCodeProblem(typo)).toBe('check_digit');
    expect(trackingCodeProblem(formatTrackingCode(valid))).toBeNull();
  });
});

describe('formatTrackingCode', () => {
  it('groups 20 digits in fives groups of four', () => {
    expect(formatTrackingCode('12345678901234567890')).toBe('1234 5678 9012 3456 7890');
  });
});
