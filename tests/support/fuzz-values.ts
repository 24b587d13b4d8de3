/**
 * Generated values for the fuzz tests: nasty strings (control characters,
 * NUL, lone surrogates, prototype keys, huge ones), any JSON value, a valid
 * body made wrong, and text turned into bytes with invalid UTF-8 spliced in.
 */
import fc from 'fast-check';

const encoder = new TextEncoder();

/** Where a string holds this marker, the bytes sent hold an invalid UTF-8 sequence instead. */
const INVALID_UTF8_MARKER = 'INVALIDUTF8';
const INVALID_UTF8 = [
  [0xff],
  [0xc3, 0x28],
  [0xc0, 0xaf], // overlong "/"
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0xe2, 0x82], // cut short
  [0x80],
].map((bytes) => Uint8Array.from(bytes));

export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(50),
  '\u0001\u0002\u0003\u001b[31m\u007f',
  '\r\n\r\n',
  '\t\v\f',
  '\u202e\u2066',
  '\ud800',
  '\udfff\ud800',
  '\ufeff',
  '\u2028\u2029',
  '💥👩‍👩‍👧',
  '１２３４ ５６７８ ９０１２ ３４５６ ７８９０',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE reports; --',
  '%00',
  '%ff%fe',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '${7*7}{{7*7}}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9'.repeat(400),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  INVALID_UTF8_MARKER,
  `before ${INVALID_UTF8_MARKER} after`,
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'valueOf'];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 40 }) },
);

/** Past every field limit (20,000 characters), and 140 KB of UTF-8 in one field. */
const hugeString = fc.constantFrom(20_001, 70_000).map((length) => 'Ω'.repeat(length));

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 30, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 1.5, -0, 2 ** 53 + 2, 1e308, Number.MAX_SAFE_INTEGER, 999_999_999_999) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  // Rare: big bodies are slow to build, and the body limits have their own test.
  { weight: 1, arbitrary: hugeString },
);

const keyArb = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known, 'contact', 'files', 'lang', 'trackingCode') },
    { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  );

/** Any JSON value, nested a little: objects may carry prototype keys as own properties. */
export function wildValue(known: readonly string[] = []): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      scalar,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(keyArb(known), tie('value')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
    ),
  }));
  return value;
}

/** A valid body made wrong: fields dropped, replaced by wild values, or added (prototype keys included). */
export function mutated(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const known = Object.keys(base);
  return fc
    .record({
      drop: known.length > 0 ? fc.subarray(known) : fc.constant<string[]>([]),
      replace: fc.array(fc.tuple(known.length > 0 ? fc.constantFrom(...known) : keyArb([]), wildValue(known)), { maxLength: 2 }),
      extra: fc.array(fc.tuple(keyArb(known), wildValue(known)), { maxLength: 3 }),
      contact: sometimes(fc.array(fc.tuple(fc.constantFrom('name', 'phone', 'email', '__proto__', 'constructor'), wildValue()), { maxLength: 3 }), 4),
    })
    .map(({ drop, replace, extra, contact }) =>
      Object.fromEntries([
        ...Object.entries(base).filter(([key]) => !drop.includes(key)),
        ...replace,
        ...extra,
        ...(contact === null ? [] : [['contact', Object.fromEntries(contact)] as const]),
      ]),
    );
}

/** `arb` once in `every` draws, null otherwise. */
export function sometimes<T>(arb: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

/** Text to bytes, each invalid-UTF-8 marker replaced by an invalid sequence. */
export function bytesOf(text: string, invalid = 0): Uint8Array {
  const pieces = text.split(INVALID_UTF8_MARKER);
  const bad = INVALID_UTF8[invalid % INVALID_UTF8.length] ?? Uint8Array.of(0xff);
  const parts: Uint8Array[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0) parts.push(bad);
    parts.push(encoder.encode(piece));
  });
  return Buffer.concat(parts);
}
