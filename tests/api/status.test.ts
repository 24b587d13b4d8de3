import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dammCheckDigit, formatTrackingCode } from '../../contract/tracking-code';
import { countRows, createTestInstance, postForm, postJson, type TestInstance } from '../support/instance';

let t: TestInstance;
let code: string;
beforeAll(async () => {
  t = await createTestInstance();
  const res = await postJson(t.app, '/api/reports', {
    category: 'official_protection',
    details: 'The township chief warns the gambling den before every police raid.',
  });
  code = ((await res.json()) as { trackingCode: string }).trackingCode;
});
afterAll(() => t.close());

/** The same code with its last digit changed so the check digit no longer matches. */
function withTypo(formatted: string): string {
  const last = Number(formatted.at(-1));
  return formatted.slice(0, -1) + String((last + 1) % 10);
}

/** A different code with a valid check digit (almost surely not issued). */
const UNKNOWN_VALID_CODE = formatTrackingCode(`1234567890123456789${dammCheckDigit('1234567890123456789')}`);

describe('POST /api/status', () => {
  it('shows a new report as received, with the hour it arrived and no messages', async () => {
    const res = await postJson(t.app, '/api/status', { trackingCode: code });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const view = (await res.json()) as { status: string; receivedAt: string; messages: unknown[]; publicMessage?: string };
    expect(view.status).toBe('received');
    expect(view.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
    expect(view.messages).toEqual([]);
    expect(view.publicMessage).toBeUndefined();
  });

  it('accepts the code typed with full-width digits and dashes', async () => {
    const fullWidth = code
      .replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
      .replace(/ /g, '－');
    const res = await postJson(t.app, '/api/status', { trackingCode: fullWidth });
    expect(res.status).toBe(200);
  });

  it('answers 404 not_found for a well-formed code that matches nothing', async () => {
    const res = await postJson(t.app, '/api/status', { trackingCode: UNKNOWN_VALID_CODE });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('catches a mistyped digit with the check digit (400 invalid_tracking_code)', async () => {
    const res = await postJson(t.app, '/api/status', { trackingCode: withTypo(code) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_tracking_code', fields: { trackingCode: 'tracking_code_check_digit' } },
    });
  });

  it('refuses a code of the wrong length or a missing code with 400', async () => {
    const short = await postJson(t.app, '/api/status', { trackingCode: '1234 5678' });
    expect(await short.json()).toMatchObject({ error: { code: 'invalid_tracking_code', fields: { trackingCode: 'tracking_code_format' } } });
    const missing = await postJson(t.app, '/api/status', {});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { fields: { trackingCode: 'required' } } });
  });

  it('answers a browser form post with the status page, and a form with an error for a bad code', async () => {
    const found = await postForm(t.app, '/api/status', { trackingCode: code, lang: 'en' });
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain('action="/api/status/messages"');
    expect(html).toMatch(/<html[^>]*lang="en"/);

    const typo = await postForm(t.app, '/api/status', { trackingCode: withTypo(code), lang: 'en' });
    expect(typo.status).toBe(400);
    expect(await typo.text()).toContain('action="/api/status"');

    const unknown = await postForm(t.app, '/api/status', { trackingCode: UNKNOWN_VALID_CODE, lang: 'en' });
    expect(unknown.status).toBe(404);
  });
});

describe('POST /api/status/messages', () => {
  it('adds the reporter follow-up, which then shows on the status page', async () => {
    const res = await postJson(t.app, '/api/status/messages', { trackingCode: code, body: 'He drives a grey van, plate ends in 88.' });
    expect(res.status).toBe(201);
    const view = (await res.json()) as { messages: { from: string; body: string; at: string }[] };
    expect(view.messages).toEqual([{ from: 'reporter', body: 'He drives a grey van, plate ends in 88.', at: expect.stringMatching(/T\d\d:00:00Z$/), new: false }]);

    const status = (await (await postJson(t.app, '/api/status', { trackingCode: code })).json()) as { messages: { body: string }[] };
    expect(status.messages.map((m) => m.body)).toEqual(['He drives a grey van, plate ends in 88.']);
  });

  it('refuses an empty message or a bad code, storing nothing', async () => {
    const before = countRows(t.db, 'report_messages');
    const empty = await postJson(t.app, '/api/status/messages', { trackingCode: code, body: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: 'invalid_input', fields: { body: 'required' } } });
    const unknown = await postJson(t.app, '/api/status/messages', { trackingCode: UNKNOWN_VALID_CODE, body: 'hello there' });
    expect(unknown.status).toBe(404);
    const typo = await postJson(t.app, '/api/status/messages', { trackingCode: withTypo(code), body: 'hello there' });
    expect(typo.status).toBe(400);
    expect(countRows(t.db, 'report_messages')).toBe(before);
  });

  it('works as a plain form post: 303 to the status page, shown once with the message, and a reload sends nothing again', async () => {
    const messages = (): number => countRows(t.db, 'report_messages');
    const before = messages();
    const res = await postForm(t.app, '/api/status/messages', { trackingCode: code, body: 'Second detail: the raid was on the 3rd.', lang: 'en' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/api/status/sent?lang=en');
    expect(messages()).toBe(before + 1);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^tipline_sent=[A-Za-z0-9_-]+; Max-Age=600; Path=\/api\/status\/sent; HttpOnly; SameSite=Strict$/);
    expect(setCookie).not.toContain(code.replaceAll(' ', ''));
    const cookie = setCookie.split(';')[0] ?? '';

    const shown = await t.app.request('/api/status/sent?lang=en', { headers: { Cookie: cookie } });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    const html = await shown.text();
    expect(html).toContain('Second detail: the raid was on the 3rd.');
    expect(html).toContain('Your message has been sent.');

    for (const again of [await t.app.request('/api/status/sent?lang=en', { headers: { Cookie: cookie } }), await t.app.request('/api/status/sent?lang=en')]) {
      const page = await again.text();
      expect(page).not.toContain('Second detail: the raid was on the 3rd.');
      expect(page).toContain('For your safety this page is shown only once');
    }
    expect(messages()).toBe(before + 1);
  });

  it('shows the status page again with the error when a form follow-up is empty', async () => {
    const res = await postForm(t.app, '/api/status/messages', { trackingCode: code, body: '', lang: 'en' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('action="/api/status/messages"');
    expect(html).toContain('aria-invalid="true"');
  });
});

describe('a follow-up that cannot be sent', () => {
  it('redraws the page with the problem and the typed text without deriving Argon2id at all: empty, too long, or a mistyped code', async () => {
    const derive = vi.spyOn(t.kdf.reporter.limiter, 'run');
    const mistyped = code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
    const answers = await Promise.all([
      postForm(t.app, '/api/status/messages', { trackingCode: code, body: '', lang: 'en' }),
      postForm(t.app, '/api/status/messages', { trackingCode: code, body: 'x'.repeat(20_001), lang: 'en' }),
      postForm(t.app, '/api/status/messages', { trackingCode: mistyped, body: 'A detail sent with a mistyped code.', lang: 'en' }),
    ]);
    expect(answers.map((res) => res.status)).toEqual([400, 400, 400]);
    expect(await answers[1]?.text()).toContain('x'.repeat(100));
    expect(derive).not.toHaveBeenCalled();
    derive.mockRestore();
  });
});

describe('what the server logs', () => {
  it('writes no line at all for submissions, code checks and follow-ups, so no precise time or code is kept', async () => {
    const before = t.logLines.length;
    await postJson(t.app, '/api/reports', { category: 'other', details: 'A second report that must leave no log line.' });
    await postJson(t.app, '/api/status', { trackingCode: code });
    await postJson(t.app, '/api/status', { trackingCode: UNKNOWN_VALID_CODE });
    await postJson(t.app, '/api/status/messages', { trackingCode: code, body: 'One more detail.' });
    expect(t.logLines.slice(before)).toEqual([]);
    const log = t.logLines.join('');
    expect(log).not.toContain(code.replace(/ /g, ''));
  });

  it('logs other requests by route pattern only', async () => {
    await t.app.request('/api/health');
    expect(JSON.parse(t.logLines.at(-1) ?? '{}')).toMatchObject({ event: 'request', route: '/api/health', status: 200 });
  });
});
