/**
 * The security headers on every response: every built page, every asset,
 * every API operation (signed in and not), errors and 404s.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestInstance, SITE_DIR, type TestInstance } from '../support/instance';
import { ORIGIN, signIn, staffRequest } from '../support/staff';

const ONION = `http://${'a'.repeat(56)}.onion`;

let t: TestInstance;
let cookie = '';
beforeAll(async () => {
  t = await createTestInstance({ PUBLIC_ORIGIN: 'https://tips.example.org', ONION_ORIGIN: ONION });
  // Over https the session cookie carries the __Host- prefix.
  cookie = `__Host-${await signIn(t, ADMIN.username, ADMIN.password)}`;
  const me = await staffRequest(t, cookie, 'GET', '/api/staff/me');
  expect(me.status).toBe(200);
});
afterAll(() => t.close());

/** Every file of the built site as the URL it is served at. */
function siteUrls(): string[] {
  return readdirSync(SITE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => '/' + path.relative(SITE_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .map((url) => url.replace(/index\.html$/, ''));
}

/** A script or stylesheet of the site: the page's policy governs it, so it carries only the headers that act on it. */
function isSubresource(url: string, response: Response): boolean {
  return url.startsWith('/_astro/') && /^(text\/css|text\/javascript|application\/wasm)/.test(response.headers.get('content-type') ?? '');
}

function expectSecurityHeaders(label: string, response: Response, url: string): void {
  const h = response.headers;
  const where = `${label} ${url} (${response.status})`;
  expect(h.get('referrer-policy'), where).toBe('no-referrer');
  expect(h.get('x-content-type-options'), where).toBe('nosniff');
  expect(h.get('cross-origin-resource-policy'), where).toBe('same-origin');
  expect(h.get('strict-transport-security'), where).toMatch(/^max-age=\d{8,}/);
  const isPrivate = url.startsWith('/api/') || /^\/(zh-hans\/|en\/)?staff\//.test(url);
  if (isPrivate) expect(h.get('cache-control'), where).toBe('no-store');
  if (isSubresource(url, response)) {
    // CSP, Permissions-Policy and COOP act on documents only: left off to save bytes on every script.
    expect(h.get('content-security-policy'), where).toBeNull();
    return;
  }
  const csp = h.get('content-security-policy') ?? '';
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toMatch(/form-action '(self|none)'/);
  expect(csp, where).toContain("base-uri 'none'");
  expect(csp, where).toMatch(/default-src '(self|none)'/);
  expect(csp, where).not.toContain('unsafe-inline');
  // JavaScript eval stays off; only WebAssembly may be compiled (the proof-of-work solver).
  expect(csp, where).not.toContain("'unsafe-eval'");
  expect(h.get('cross-origin-opener-policy'), where).toBe('same-origin');
  expect(h.get('permissions-policy'), where).toContain('camera=()');
  if ((h.get('content-type') ?? '').startsWith('text/html')) expect(h.get('onion-location'), where).toBe(ONION + url.split('?')[0]);
}

describe('security headers', () => {
  it('are on every built page and asset', async () => {
    const urls = siteUrls();
    expect(urls.length).toBeGreaterThan(30);
    expect(urls).toContain('/en/staff/queue/');
    for (const url of urls) {
      const response = await t.app.request(`${ORIGIN}${url}`);
      expectSecurityHeaders('site', response, url);
    }
  });

  it('no built page or asset names a file of the machine that built it', async () => {
    // A development build (e.g. under NODE_ENV=test) puts each island's absolute source path into its JavaScript.
    const repo = path.resolve(import.meta.dirname, '../..');
    for (const url of siteUrls()) {
      const body = await (await t.app.request(`${ORIGIN}${url}`)).text();
      expect(body.includes(repo) || body.includes('node_modules'), url).toBe(false);
    }
  });

  it('are on every API operation, as a stranger and as a signed-in admin', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    let count = 0;
    for (const [template, methods] of Object.entries(doc.paths)) {
      const url = template.replace(/\{[^}]+\}/g, '1');
      for (const method of Object.keys(methods)) {
        for (const who of [null, cookie]) {
          const body = method === 'get' ? undefined : {};
          const response = await staffRequest(t, who, method.toUpperCase(), url, body);
          expectSecurityHeaders(who === null ? 'anonymous' : 'admin', response, url);
          count += 1;
        }
      }
    }
    expect(count).toBeGreaterThan(60);
  });

  it('are on errors and 404s: a missing page, a missing API route, a wrong content type, an HTML form error', async () => {
    const cases: [string, RequestInit][] = [
      ['/no-such-page/', {}],
      ['/api/no-such-route', {}],
      ['/shell/en/', {}],
      ['/api/reports', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' }],
      ['/api/reports', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }, body: 'category=x' }],
      ['/api/status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' }],
    ];
    for (const [url, init] of cases) {
      const response = await t.app.request(`${ORIGIN}${url}`, init);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expectSecurityHeaders('error', response, url);
    }
  });

  it('leave HSTS and Onion-Location out when the deployment is not configured for them', async () => {
    const plain = await createTestInstance();
    try {
      const response = await plain.app.request('/');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('onion-location')).toBeNull();
    } finally {
      plain.close();
    }
  });
});

describe('byte ranges', () => {
  it('a Range header on a site file is ignored: the whole file, 200, whatever the range says (a reversed one once answered 500)', async () => {
    const asset = siteUrls().find((url) => url.startsWith('/_astro/') && url.endsWith('.js'));
    if (asset === undefined) throw new Error('no script in the built site');
    const whole = await (await t.app.request(asset)).text();
    for (const range of ['bytes=5-2', 'bytes=999999999-', '100-continue', 'bytes=0-10']) {
      const res = await t.app.request(asset, { headers: { Range: range } });
      expect(res.status, range).toBe(200);
      expect(await res.text(), range).toBe(whole);
    }
  });
});
