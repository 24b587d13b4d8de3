import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasValidCheckDigit, normalizeTrackingCode } from '../../contract/tracking-code';
import { countRows, createTestInstance, postForm, postJson, reportWithMarker, type TestInstance } from '../support/instance';

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(() => t.close());

const minimal = { category: 'organised_crime', details: 'A protection racket collects money from every stall at the night market.' };

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('POST /api/reports (JSON)', () => {
  it('stores a report and returns a tracking code in five groups of four with a valid check digit', async () => {
    const before = countRows(t.db, 'reports');
    const res = await postJson(t.app, '/api/reports', reportWithMarker('JSONOK'));
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { trackingCode: string; status: string };
    expect(body.status).toBe('received');
    expect(body.trackingCode).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
    expect(hasValidCheckDigit(normalizeTrackingCode(body.trackingCode) ?? '')).toBe(true);
    expect(countRows(t.db, 'reports')).toBe(before + 1);
  });

  it('keeps only the hour of the submission time', async () => {
    await postJson(t.app, '/api/reports', minimal);
    const row = t.db.prepare<[], { received_at: string; ack_due_at: string }>('SELECT received_at, ack_due_at FROM reports ORDER BY id DESC LIMIT 1').get();
    expect(row?.received_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
    const days = (Date.parse(row?.ack_due_at ?? '') - Date.parse(row?.received_at ?? '')) / 86_400_000;
    expect(days).toBe(7);
  });

  it('routes each category to the channel of the same name', async () => {
    await postJson(t.app, '/api/reports', { ...minimal, category: 'sector_disorder' });
    const row = t.db
      .prepare<[], { slug: string }>('SELECT c.slug FROM reports r JOIN channels c ON c.id = r.channel_id ORDER BY r.id DESC LIMIT 1')
      .get();
    expect(row?.slug).toBe('sector_disorder');
  });

  const invalid: [string, unknown, Record<string, string>][] = [
    ['missing details', { category: 'other' }, { details: 'required' }],
    ['details under 20 characters', { category: 'other', details: 'too short' }, { details: 'too_short' }],
    ['details over 20000 characters', { category: 'other', details: 'x'.repeat(20_001) }, { details: 'too_long' }],
    ['unknown category', { ...minimal, category: 'gossip' }, { category: 'invalid_choice' }],
    ['missing category', { details: minimal.details }, { category: 'required' }],
    ['bad e-mail', { ...minimal, contact: { email: 'not-an-address' } }, { 'contact.email': 'invalid_email' }],
    ['officialsInvolved outside yes/no/unknown', { ...minimal, officialsInvolved: 'maybe' }, { officialsInvolved: 'invalid_choice' }],
    ['a number where text belongs', { ...minimal, region: 42 }, { region: 'invalid' }],
  ];
  it.each(invalid)('refuses %s with 400 invalid_input naming the field, storing nothing', async (_name, body, fields) => {
    const before = countRows(t.db, 'reports');
    const res = await postJson(t.app, '/api/reports', body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    expect(json.error.code).toBe('invalid_input');
    expect(json.error.message).toBeTruthy();
    expect(json.error.fields).toMatchObject(fields);
    expect(countRows(t.db, 'reports')).toBe(before);
  });

  it('refuses malformed JSON with 400 invalid_json', async () => {
    const res = await t.app.request('/api/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"category": ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('refuses a JSON array or string with 400 invalid_input', async () => {
    for (const body of ['[]', '"text"', 'null']) {
      const res = await t.app.request('/api/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
    }
  });

  it('refuses other content types with 415', async () => {
    const res = await t.app.request('/api/reports', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it('refuses an oversized body with 413 before parsing it, storing nothing', async () => {
    const before = countRows(t.db, 'reports');
    const res = await postJson(t.app, '/api/reports', { ...minimal, details: 'x'.repeat(t.config.maxBodyBytes) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(countRows(t.db, 'reports')).toBe(before);
  });

  it('never answers with a stack trace', async () => {
    const res = await t.app.request('/api/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"details":{"a":[1,{"b":null}]}}' });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).not.toMatch(/at .*\.ts:\d+|Error:/);
  });
});

describe('POST /api/reports (plain HTML form)', () => {
  const FORM = {
    lang: 'en',
    category: 'case_interference',
    details: 'My supervisor was told to drop the investigation into the quarry.',
    region: '',
    'contact.name': '',
    'contact.email': '',
  };
  const reportCount = (): number => t.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports').get()?.n ?? 0;
  const receipt = (cookie?: string): Promise<Response> =>
    Promise.resolve(t.app.request('/api/reports/receipt?lang=en', { headers: cookie === undefined ? {} : { Cookie: cookie } }));

  it('answers a browser form post with 303 to the receipt, which shows the code once in the site layout', async () => {
    const before = reportCount();
    const res = await postForm(t.app, '/api/reports', FORM);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/api/reports/receipt?lang=en');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(reportCount()).toBe(before + 1);
    // The code waits in a cookie only that page gets, sealed: not in the URL, not in clear.
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^tipline_receipt=[A-Za-z0-9_-]+; Max-Age=600; Path=\/api\/reports\/receipt; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0] ?? '';

    const shown = await receipt(cookie);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toContain('text/html');
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(shown.headers.get('set-cookie')).toMatch(/^tipline_receipt=; Max-Age=0; Path=\/api\/reports\/receipt/);
    const html = await shown.text();
    expect(html).toMatch(/<html[^>]*lang="en"/);
    expect(html).toMatch(/<link[^>]+rel="stylesheet"[^>]+href="\/[^"]+\.css"/);
    const code = /data-testid="tracking-code"[^>]*>([^<]+)</.exec(html)?.[1]?.trim() ?? '';
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
    expect(setCookie).not.toContain(code.replaceAll(' ', ''));
    expect(setCookie).not.toContain(code);

    // A reload (the browser still sending the old cookie, or none) shows no code and sends nothing again.
    for (const again of [await receipt(cookie), await receipt()]) {
      expect(again.status).toBe(200);
      const page = await again.text();
      expect(page).not.toContain('data-testid="tracking-code"');
      expect(page).toContain('This tracking code was shown once');
    }
    expect(reportCount()).toBe(before + 1);
  });

  it('shows the receipt in the language of the form, and nothing for a cookie that is not its own', async () => {
    const res = await postForm(t.app, '/api/reports', { ...FORM, lang: 'zh-hans' });
    expect(res.headers.get('location')).toBe('/api/reports/receipt?lang=zh-hans');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const forged = cookie.replace(/=(.)/, (_match, first: string) => `=${first === 'A' ? 'B' : 'A'}`);
    const refused = await receipt(forged);
    expect(await refused.text()).not.toContain('data-testid="tracking-code"');
    const shown = await t.app.request('/api/reports/receipt?lang=zh-hans', { headers: { Cookie: cookie } });
    const html = await shown.text();
    expect(html).toMatch(/<html[^>]*lang="zh-Hans"/);
    expect(html).toContain('data-testid="tracking-code"');
  });

  it('forgets a held receipt after ten minutes', async () => {
    const res = await postForm(t.app, '/api/reports', FORM);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    t.clock.advance(601_000);
    expect(await (await receipt(cookie)).text()).not.toContain('data-testid="tracking-code"');
  });

  it('accepts multipart/form-data with nested contact fields', async () => {
    const form = new FormData();
    form.set('category', 'other');
    form.set('details', 'Trucks dump waste in the river every night after midnight.');
    form.set('contact.phone', '0900000000');
    const res = await t.app.request('/api/reports', { method: 'POST', body: form, headers: { Accept: 'application/json' } });
    expect(res.status).toBe(201);
    const row = t.db.prepare<[], { contact: Buffer | null }>('SELECT contact FROM reports ORDER BY id DESC LIMIT 1').get();
    expect(row?.contact).toBeInstanceOf(Buffer);
  });

  it('gives the form back with errors and what was typed, in the chosen language, storing nothing', async () => {
    const before = countRows(t.db, 'reports');
    const res = await postForm(t.app, '/api/reports', { lang: 'zh-hans', category: 'other', details: 'short', region: 'Kaohsiung' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<html[^>]*lang="zh-Hans"/);
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<textarea[^>]*name="details"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="details"/);
    expect(html).toContain('Kaohsiung');
    expect(html).toContain('action="/api/reports"');
    expect(countRows(t.db, 'reports')).toBe(before);
  });
});

describe('errors for a browser form post', () => {
  it('are HTML pages in the site layout, not JSON, and never a 500', async () => {
    const tooLarge = await postForm(t.app, '/api/reports', { category: 'other', details: 'y'.repeat(t.config.maxBodyBytes) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('text/html');
    expect(await tooLarge.text()).toMatch(/<html[^>]*lang="zh-Hant"/);

    const wrongType = await t.app.request('/api/reports', { method: 'POST', headers: { 'Content-Type': 'text/plain', Accept: 'text/html' }, body: 'hi' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get('content-type')).toContain('text/html');
  });
});

describe('a channel nobody holds', () => {
  it('takes no report for it (503) rather than encrypt to a key no staff member can open', async () => {
    const other = await createTestInstance();
    try {
      other.db.prepare("DELETE FROM channel_grants WHERE channel_id = (SELECT id FROM channels WHERE slug = 'other')").run();
      const res = await postJson(other.app, '/api/reports', { ...minimal, category: 'other' });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'service_unavailable' } });
      expect(countRows(other.db, 'reports')).toBe(0);
    } finally {
      other.close();
    }
  });
});

describe('odd requests that must get a 4xx, never a 500', () => {
  const valid = 'Forty characters of details about the racket.';
  it.each([
    ['a bare contact field beside contact.name', 'category=other&details=' + encodeURIComponent(valid) + '&contact=a&contact.name=b'],
    ['a __proto__ field', 'category=other&details=' + encodeURIComponent(valid) + '&__proto__=x&__proto__=y&contact.__proto__=z'],
    ['every field blank', 'category=&details=&region='],
  ])('%s (form post)', async (_name, body) => {
    const res = await t.app.request('/api/reports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      body,
    });
    expect(res.status).toBeLessThan(500);
  });

  it('a deeply nested JSON body', async () => {
    const nested = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    const res = await t.app.request('/api/reports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `{"category":"other","details":"${valid}","contact":{"name":${nested}}}`,
    });
    expect(res.status).toBe(400);
  });

  it('invalid UTF-8 in a JSON body', async () => {
    const bytes = Buffer.concat([Buffer.from(`{"category":"other","details":"${valid} `), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const res = await t.app.request('/api/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: bytes });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('a body that breaks off while it streams in (the client went away): 400, not 500, nothing stored', async () => {
    const before = countRows(t.db, 'reports');
    for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) return controller.error(new Error('connection reset'));
          sent = true;
          controller.enqueue(new TextEncoder().encode(`{"category":"other","details":"${valid}`));
        },
      });
      const res = await t.app.request('/api/reports', { method: 'POST', headers: { 'Content-Type': type }, body, duplex: 'half' } as RequestInit);
      expect(res.status, type).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
    }
    expect(countRows(t.db, 'reports')).toBe(before);
  });

  it('an empty follow-up form with an empty code', async () => {
    const res = await postForm(t.app, '/api/status/messages', { trackingCode: '', body: '' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('action="/api/status"');
  });
});
