/**
 * Tracking-code format shared by the server and the browser islands.
 *
 * A code is 20 ASCII digits shown as five groups of four; the last digit is a
 * Damm check digit over the first 19. Damm catches every single-digit error
 * and every adjacent transposition, so a typo is caught before any server
 * work. This module is pure (no Node or DOM APIs) so islands can import it.
 */

export const TRACKING_CODE_DIGITS = 20;

// The Damm quasigroup of order 10 (totally anti-symmetric, zero diagonal).
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** Damm interim digit over a string of ASCII digits (0 means "valid" when the check digit is included). */
function dammInterim(digits: string): number {
  let interim = 0;
  for (const char of digits) {
    const row = DAMM_TABLE[interim];
    const next = row?.[char.charCodeAt(0) - 48];
    if (next === undefined) throw new RangeError('not an ASCII digit');
    interim = next;
  }
  return interim;
}

/** The Damm check digit for a string of ASCII digits. */
export function dammCheckDigit(digits: string): string {
  return String(dammInterim(digits));
}

/** True when the string of ASCII digits ends with a correct Damm check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  return /^[0-9]+$/.test(digits) && dammInterim(digits) === 0;
}

// Separators people type or paste between groups: spaces (NFKC folds the
// ideographic space), hyphens and dashes of every width, dots, and the
// katakana prolonged sound mark that some IMEs produce for a dash.
const SEPARATORS = /[\s\-.\u2010-\u2015\u2212\u30fc\u00b7]/gu;

/**
 * Normalise what a person typed into 20 ASCII digits, or null.
 * NFKC turns full-width digits from a Chinese IME into ASCII ones.
 */
export function normalizeTrackingCode(input: string): string | null {
  const digits = input.normalize('NFKC').replace(SEPARATORS, '');
  return /^[0-9]{20}$/.test(digits) ? digits : null;
}

export type TrackingCodeProblem = 'empty' | 'format' | 'check_digit';

/** Why a typed code is unusable, or null when it is well-formed with a valid check digit. */
export function trackingCodeProblem(input: string): TrackingCodeProblem | null {
  if (input.trim() === '') return 'empty';
  const digits = normalizeTrackingCode(input);
  if (digits === null) return 'format';
  return hasValidCheckDigit(digits) ? null : 'check_digit';
}

/** "12345678901234567890" -> "1234 5678 9012 3456 7890". */
export function formatTrackingCode(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}
