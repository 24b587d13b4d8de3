/**
 * Proof of work and rate limits on the reporter routes: signed, expiring,
 * single-use challenges; a generous global bucket for clients that solved
 * one and a strict one for those without JavaScript; failed code checks
 * limited per lookup tag; 429 with Retry-After, and nothing stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dammCheckDigit } from '../../web/lib/tracking-code';
import { leadingZeroBits, POW_HEADER, solveChallenge } from '../../web/lib/proof-of-work';
import { countRows, createTestInstance, type TestInstance } from '../support/instance';

const REPORT = { category: 'other', details: 'The market inspector takes cash from every stall owner on Sundays.' };

let t: TestInstance;
afterEach(() => t.close());

async function challenge(purpose: 'report' | 'status'): Promise<{ challenge: string; difficulty: number }> {
  const response = await t.app.request(`/api/challenge?purpose=${purpose}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { challenge: string; difficulty: number };
}

async function solved(purpose: 'report' | 'status'): Promise<string> {
  const { challenge: c, difficulty } = await challenge(purpose);
  return solveChallenge(c, difficulty);
}

function post(url: string, body: unknown, proof?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (proof !== undefined) headers[POW_HEADER] = proof;
  return Promise.resolve(t.app.request(url, { method: 'POST', headers, body: JSON.stringify(body) }));
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** The code, and why the proof was refused (the message names the reason). */
async function refusal(response: Response): Promise<string> {
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  return `${error.code}: ${/\(([a-z_]+)\)/.exec(error.message)?.[1] ?? ''}`;
}

/** A well-formed code that belongs to nobody. */
function strayCode(seed: number): string {
  const payload = String(4_000_000_000_000_000_000n + BigInt(seed) * 104_729n).slice(0, 19);
  return payload + dammCheckDigit(payload);
}

describe('proof of work', () => {
  it('a solved challenge lets a submission through once; replayed, forged, expired, misused or unsolved ones are refused', async () => {
    t = await createTestInstance({ POW_DIFFICULTY: '8' });
    const { challenge: c, difficulty } = await challenge('report');
    expect(difficulty).toBe(8);
    const proof = await solveChallenge(c, difficulty);
    expect((await post('/api/reports', REPORT, proof)).status).toBe(201);

    const replayed = await post('/api/reports', REPORT, proof);
    expect(replayed.status).toBe(400);
    expect(await refusal(replayed)).toBe('pow_invalid: replayed');

    const fresh = await solved('report');
    const [body = '', solution = ''] = fresh.split(':');
    const forged = `${body.slice(0, -3)}${body.endsWith('AAA') ? 'BBB' : 'AAA'}:${solution}`;
    expect(await refusal(await post('/api/reports', REPORT, forged))).toBe('pow_invalid: forged');

    const forStatus = await solved('status');
    expect(await refusal(await post('/api/reports', REPORT, forStatus))).toBe('pow_invalid: wrong_purpose');

    // A solution that does not have the zero bits.
    const { challenge: other } = await challenge('report');
    let weak = 0;
    const encoder = new TextEncoder();
    while (leadingZeroBits(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${other}:${weak.toString(36)}`)))) >= 8) weak += 1;
    expect(await refusal(await post('/api/reports', REPORT, `${other}:${weak.toString(36)}`))).toBe('pow_invalid: too_easy');

    const late = await solved('report');
    t.clock.advance(11 * 60_000);
    expect(await refusal(await post('/api/reports', REPORT, late))).toBe('pow_invalid: expired');
    expect(await refusal(await post('/api/reports', REPORT, 'not-a-proof'))).toBe('pow_invalid: malformed');

    expect(countRows(t.db, 'reports')).toBe(1);
  });

  it('refuses an unknown purpose', async () => {
    t = await createTestInstance();
    expect((await t.app.request('/api/challenge?purpose=anything')).status).toBe(400);
  });
});

describe('rate limits', () => {
  it('clients without a proof share a strict global bucket (429 with Retry-After, nothing stored); solved ones still get through', async () => {
    t = await createTestInstance({ POW_DIFFICULTY: '6', RATE_SUBMISSIONS_NOJS_PER_MINUTE: '8', RATE_SUBMISSIONS_PER_MINUTE: '1000' });
    // Burst of a quarter of a minute's rate: two.
    expect((await post('/api/reports', REPORT)).status).toBe(201);
    expect((await post('/api/reports', REPORT)).status).toBe(201);
    const limited = await post('/api/reports', REPORT);
    expect(limited.status).toBe(429);
    expect(await errorCode(limited)).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(countRows(t.db, 'reports')).toBe(2);

    expect((await post('/api/reports', REPORT, await solved('report'))).status).toBe(201);

    t.clock.advance(60_000);
    expect((await post('/api/reports', REPORT)).status).toBe(201);
  });

  it('a browser form post over the limit gets a 429 page', async () => {
    t = await createTestInstance({ RATE_SUBMISSIONS_NOJS_PER_MINUTE: '4' });
    const form = new URLSearchParams({ ...REPORT, lang: 'en' }).toString();
    const send = (): Promise<Response> =>
      Promise.resolve(
        t.app.request('/api/reports', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }, body: form }),
      );
    expect((await send()).status).toBe(201);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('text/html');
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });

  it('failed checks are limited per lookup tag: the guessed code is refused, others still work', async () => {
    t = await createTestInstance({ FAILED_CHECKS_PER_TAG_PER_HOUR: '3' });
    const submitted = await post('/api/reports', REPORT);
    const { trackingCode } = (await submitted.json()) as { trackingCode: string };
    const guessed = strayCode(1);
    for (let n = 0; n < 3; n += 1) expect((await post('/api/status', { trackingCode: guessed })).status).toBe(404);
    const limited = await post('/api/status', { trackingCode: guessed });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await post('/api/status', { trackingCode: strayCode(2) })).status).toBe(404);
    expect((await post('/api/status', { trackingCode })).status).toBe(200);

    t.clock.advance(61 * 60_000);
    expect((await post('/api/status', { trackingCode: guessed })).status).toBe(404);
  });
});
