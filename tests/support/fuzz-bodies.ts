/**
 * Generated request bodies for the fuzz tests: a route's valid body, or one
 * made wrong, as JSON (also broken and deeply nested) or urlencoded (also
 * with broken escapes), raw bytes, oversize ones; and content types that may
 * not fit them. Multipart bodies are in fuzz-multipart.ts.
 */
import fc from 'fast-check';
import { bytesOf, mutated, nastyString, wildValue } from './fuzz-values';

const encoder = new TextEncoder();

/** A body and the content type it would be sent with. */
export interface Body {
  bytes?: Uint8Array;
  contentType?: string;
}

const jsonText = (value: unknown): string => JSON.stringify(value) ?? 'null';

const brokenJson = fc.constantFrom(
  '',
  '{',
  '{"category": ',
  '{"a":1}}',
  "{'category':'other'}",
  '{"a":1,}',
  'NaN',
  '[1,2',
  '"unterminated',
  '{"a":"\\u12"}',
  '{"a":"\\ud800"}',
  '\ufeff{}',
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  '1e999999',
  '-',
  'true',
  '[]',
  'null',
);

/** `{"x": [[[[...]]]]}` and the like: deep enough to hurt a recursive parser or walker. */
const deepJson = fc.record({ depth: fc.constantFrom(64, 1_000, 10_000, 100_000), open: fc.constantFrom('[', '{"a":'), key: fc.constantFrom('details', 'body', 'category', 'trackingCode', 'status') }).map(
  ({ depth, open, key }) => `{"${key}":${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}}`,
);

export function jsonBody(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> {
  return fc
    .record({
      text: fc.oneof(
        { weight: 8, arbitrary: base.chain(mutated).map(jsonText) },
        { weight: 2, arbitrary: base.map(jsonText) },
        { weight: 1, arbitrary: wildValue().map(jsonText) },
        { weight: 1, arbitrary: brokenJson },
        { weight: 1, arbitrary: deepJson },
      ),
      invalid: fc.nat(),
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/problem+json', 'Application/JSON'),
    })
    .map(({ text, invalid, contentType }) => ({ bytes: bytesOf(text, invalid), contentType }));
}

/** Percent-encoding that survives lone surrogates (they become U+FFFD, as a browser sends them). */
function pct(text: string): string {
  return encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));
}

/** An object as form fields: `contact` nests as `contact.name`; arrays repeat the name. */
export function formPairs(object: Record<string, unknown>): [string, string][] {
  const pairs: [string, string][] = [];
  const add = (name: string, value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) add(name, item);
    else if (typeof value === 'object' && value !== null) for (const [key, inner] of Object.entries(value)) add(`${name}.${key}`, inner);
    else pairs.push([name, typeof value === 'string' ? value : String(value)]);
  };
  for (const [name, value] of Object.entries(object)) add(name, value);
  return pairs;
}

const rawFormPieces = fc.constantFrom('%FF', '%E0%A4', '%', '%zz', '=', '&&', '==', 'a=%ED%A0%80', '__proto__[x]=1', 'contact.__proto__=1', 'contact=1', 'constructor.prototype.x=1', 'files=x', 'category=other&category=other', '+%2B+', `details=${'%00'.repeat(30)}`);

export function formBody(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> {
  return fc
    .record({
      object: fc.oneof({ weight: 4, arbitrary: base.chain(mutated) }, { weight: 1, arbitrary: base }),
      raw: fc.array(rawFormPieces, { maxLength: 3 }),
      invalid: fc.nat(),
    })
    .map(({ object, raw, invalid }) => ({
      bytes: bytesOf([...formPairs(object).map(([name, value]) => `${pct(name)}=${pct(value)}`), ...raw].join('&'), invalid),
      contentType: 'application/x-www-form-urlencoded',
    }));
}

/** Bytes that are no format at all. */
export const rawBody: fc.Arbitrary<Body> = fc.record({
  bytes: fc.oneof(
    fc.uint8Array({ maxLength: 3_000 }),
    fc.integer({ min: 0, max: 6 }).map((invalid) => bytesOf('INVALIDUTF8', invalid)),
    nastyString.map((text) => bytesOf(text, 3)),
  ),
});

/** A content type that may not fit the body at all. */
export const contentTypeArb: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-16',
    'text/json',
    'application/ld+json',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=iso-8859-1',
    'multipart/form-data',
    'multipart/form-data; boundary=',
    'multipart/form-data; boundary=wrong',
    'multipart/mixed; boundary=b',
    'text/plain',
    'text/html',
    'application/octet-stream',
    ';',
    ' application/json ',
    'application/json, text/html',
    '*/*',
  ),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
);

/** A JSON body `length` bytes long, for the body limits. */
export function jsonOfLength(length: number): Uint8Array {
  const head = '{"details":"';
  const tail = '","category":"other"}';
  return encoder.encode(head + 'A'.repeat(Math.max(0, length - head.length - tail.length)) + tail);
}
