import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { OneViewCookies, RECEIPT_MAX_AGE_SECONDS } from './one-view-cookie';

/** An app that holds a receipt on POST and takes it on GET, with a clock the test moves. */
function harness(cookies: OneViewCookies): Hono {
  return new Hono()
    .post('/hold', (c) => {
      cookies.hold(c, { trackingCode: '1234 5678 9012 3456 7890', lang: 'zh-hans' });
      return c.body(null, 204);
    })
    .get('/api/reports/receipt', (c) => c.json(cookies.take(c)));
}

async function held(app: Hono): Promise<string> {
  const res = await app.request('/hold', { method: 'POST' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const take = async (app: Hono, cookie: string): Promise<unknown> => (await app.request('/api/reports/receipt', { headers: { Cookie: cookie } })).json();

describe('OneViewCookies', () => {
  it('gives the receipt back once, and never again for the same cookie', async () => {
    const app = harness(new OneViewCookies(false));
    const cookie = await held(app);
    expect(await take(app, cookie)).toEqual({ trackingCode: '1234 5678 9012 3456 7890', lang: 'zh-hans' });
    expect(await take(app, cookie)).toBeNull();
  });

  it('opens nothing sealed by another process (a restart), nothing expired, and never throws on garbage', async () => {
    let now = Date.now();
    const mine = new OneViewCookies(true, () => new Date(now));
    const app = harness(mine);
    const other = await held(harness(new OneViewCookies(true)));
    expect(other.startsWith('__Secure-tipline_receipt=')).toBe(true);
    expect(await take(app, other)).toBeNull();

    const late = await held(app);
    now += (RECEIPT_MAX_AGE_SECONDS + 1) * 1000;
    expect(await take(app, late)).toBeNull();

    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 700 }), async (value) => {
        expect(await take(app, `__Secure-tipline_receipt=${encodeURIComponent(value)}`)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
