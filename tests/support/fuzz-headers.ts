/**
 * Generated request headers for the fuzz tests: Accept, Cookie (the admin's
 * session in a few spellings, or malformed, forged and ended sessions), the
 * same-origin headers (or partial, missing, foreign ones), stray headers,
 * and how the body is delivered.
 */
import fc from 'fast-check';
import { ADMIN_TOKEN, ENDED_TOKEN, type FuzzRequest } from './fuzz';
import { ORIGIN } from './staff';

/** Header values a client can send (bytes 0x20-0xff and tab; no CR, LF or NUL). */
export const headerValue: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(fc.constant('\t'), fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code))),
  maxLength: 80,
});

export const acceptArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<string | null>(null, 'application/json', 'text/html,application/xhtml+xml', '*/*', 'text/html', 'application/json, text/html', '') },
  { weight: 1, arbitrary: headerValue },
);

/** A Cookie header: the admin's session (a few ways), or broken, forged and ended sessions. */
export function cookieArb(caller: 'admin' | 'anonymous'): fc.Arbitrary<string | null> {
  if (caller === 'admin') {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant(`tipline_staff=${ADMIN_TOKEN}`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          `tipline_staff=${ADMIN_TOKEN}; tipline_staff=forged`,
          `x=1; tipline_staff=${ADMIN_TOKEN}; ;;=;`,
          `__Host-tipline_staff=${ADMIN_TOKEN}`,
          `tipline_staff="${ADMIN_TOKEN}"`,
          `TIPLINE_STAFF=${ADMIN_TOKEN}`,
          `tipline_staff=${ADMIN_TOKEN}%00`,
        ),
      },
    );
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'tipline_staff=',
        'tipline_staff',
        'tipline_staff=%',
        'tipline_staff=%E0%A4%A',
        'tipline_staff="unterminated',
        `tipline_staff=${ENDED_TOKEN}`,
        'tipline_staff=a; tipline_staff=b',
        '=; ; ;=',
        `tipline_staff=${'A'.repeat(10_000)}`,
        'tipline_staff=\u00ff\u00fe',
        '__proto__=1; constructor=2; toString=3',
        `tipline_staff=${ADMIN_TOKEN}x`,
      ),
    },
    { weight: 1, arbitrary: headerValue.map((value) => `tipline_staff=${value}`) },
  );
}

/** Same-origin headers (most of the time), partial ones, none, or another site's. */
export const csrfArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Record<string, string>>({ Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { 'Sec-Fetch-Site': 'same-origin' },
      { Origin: ORIGIN },
      {},
      { 'Sec-Fetch-Site': 'cross-site', Origin: ORIGIN },
      { Origin: 'http://evil.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'none' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'http://sub.localhost' },
      { Origin: 'HTTP://LOCALHOST' },
      { Origin: `${ORIGIN}/` },
    ),
  },
);

export const extraHeaderArb = fc.array(
  fc.tuple(
    fc.constantFrom('X-Forwarded-For', 'X-Real-IP', 'Transfer-Encoding', 'Content-Encoding', 'Accept-Language', 'Range', 'X-HTTP-Method-Override', 'Forwarded', 'If-None-Match', 'Expect'),
    fc.oneof(fc.constantFrom('chunked', 'gzip', 'bytes=0-1,5-', 'DELETE', '100-continue', '127.0.0.1'), headerValue),
  ),
  { maxLength: 2 },
);

export const deliveryArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant<NonNullable<FuzzRequest['delivery']>>('undeclared') },
  { weight: 4, arbitrary: fc.constant<NonNullable<FuzzRequest['delivery']>>('declared') },
  { weight: 2, arbitrary: fc.constant<NonNullable<FuzzRequest['delivery']>>('stream') },
  { weight: 1, arbitrary: fc.constant<NonNullable<FuzzRequest['delivery']>>('aborted-stream') },
);
