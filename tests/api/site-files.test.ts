/**
 * The built site as the server sends it: the build-time brotli or gzip copy
 * the browser accepts (Vary: Accept-Encoding), hashed assets cached for a
 * year, pages revalidated by ETag (304, no body), staff pages never cached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAILY, IMMUTABLE, REVALIDATE } from '../../server/http/site-files';
import { createTestInstance, SITE_DIR, type TestInstance } from '../support/instance';

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}): Promise<Response> => Promise.resolve(t.app.request(url, { headers }));
const bytesOf = async (res: Response): Promise<Buffer> => Buffer.from(await res.arrayBuffer());
const script = (): string => {
  const file = readdirSync(path.join(SITE_DIR, '_astro')).find((name) => name.endsWith('.js'));
  if (file === undefined) throw new Error('no script in the built site');
  return `/_astro/${file}`;
};

describe('compression by content negotiation', () => {
  const page = readFileSync(path.join(SITE_DIR, 'report/index.html'));

  it('sends the brotli copy to a browser that takes it, the gzip copy to one that takes only gzip, and the file itself otherwise', async () => {
    const br = await get('/report/', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBytes = await bytesOf(br);
    expect(brotliDecompressSync(brBytes).equals(page)).toBe(true);
    expect(brBytes.length).toBeLessThan(page.length / 2);

    const gzip = await get('/report/', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytesOf(gzip)).equals(page)).toBe(true);

    const plain = await get('/report/');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await bytesOf(plain)).equals(page)).toBe(true);

    for (const res of [br, gzip, plain]) {
      expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('compresses scripts, stylesheets and the SVG favicon and logo too', async () => {
    for (const url of [script(), '/favicon.svg', '/logo.svg']) {
      const res = await get(url, { 'Accept-Encoding': 'br' });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-encoding'), url).toBe('br');
    }
    expect((await get('/favicon.svg')).headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });
});

describe('caching', () => {
  it('caches hashed assets for a year, unchanged for ever', async () => {
    expect((await get(script(), { 'Accept-Encoding': 'br' })).headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it('sends a browser asking for /favicon.ico to the SVG favicon, not to a 404 page', async () => {
    const res = await get('/favicon.ico');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/favicon.svg');
  });

  it('keeps the favicon and logo a day, so an operator’s new ones show within a day', async () => {
    for (const url of ['/favicon.svg', '/logo.svg']) expect((await get(url)).headers.get('cache-control'), url).toBe(DAILY);
  });

  it('revalidates public pages by ETag: 304 and no body when unchanged, the page when not', async () => {
    for (const url of ['/', '/report/', '/zh-hans/status/']) {
      const first = await get(url, { 'Accept-Encoding': 'br' });
      expect(first.headers.get('cache-control'), url).toBe(REVALIDATE);
      const etag = first.headers.get('etag');
      expect(etag, url).toMatch(/^"[\w-]+"$/);
      const again = await get(url, { 'Accept-Encoding': 'br', 'If-None-Match': etag ?? '' });
      expect(again.status, url).toBe(304);
      expect((await bytesOf(again)).length, url).toBe(0);
      expect(again.headers.get('etag'), url).toBe(etag);
      const stale = await get(url, { 'Accept-Encoding': 'br', 'If-None-Match': '"something-else"' });
      expect(stale.status, url).toBe(200);
    }
  });

  it('gives each encoding its own ETag, so a cache never answers one with the other', async () => {
    const br = (await get('/report/', { 'Accept-Encoding': 'br' })).headers.get('etag');
    const plain = (await get('/report/')).headers.get('etag');
    expect(br).not.toBe(plain);
    expect((await get('/report/', { 'If-None-Match': br ?? '' })).status).toBe(200);
  });

  it('never lets a staff page or an API answer be cached', async () => {
    for (const url of ['/staff/', '/en/staff/queue/', '/api/health']) {
      const res = await get(url, { 'Accept-Encoding': 'br' });
      expect(res.headers.get('cache-control'), url).toBe('no-store');
    }
    expect((await get('/api/health')).headers.get('etag')).toBeNull();
  });
});
