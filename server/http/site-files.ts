/**
 * The built site's files, as cheaply as a browser can get them:
 * - the brotli or gzip copy made at build time (scripts/compress-site.mjs)
 *   when the browser accepts it, with `Vary: Accept-Encoding` on every
 *   compressible file so no cache hands one encoding to the wrong browser;
 * - hashed assets (`/_astro/`, their names change with their content) cached
 *   for a year, immutable: a repeat visit does not ask for them at all;
 * - the favicon and logo kept a day;
 * - everything else (the pages) revalidated on each visit by a strong ETag
 *   (size and modification time of the copy sent), answered 304 with no body
 *   when unchanged.
 * Staff pages are static too, but security-headers.ts makes them `no-store`.
 * No byte ranges: the files are small, and serveStatic answered a reversed
 * range with a 500.
 */
import { statSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';

/** Set by the static handler: the file it sends (its .br or .gz copy when compressed). */
interface SiteFileVariables {
  siteFile?: string;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** The favicon and logo: asked for again at most daily, so an operator's new ones show within a day. */
export const DAILY = 'public, max-age=86400';
const BRANDING = new Set(['/favicon.svg', '/logo.svg']);

function cacheControlFor(path: string): string {
  if (path.startsWith('/_astro/')) return IMMUTABLE;
  return BRANDING.has(path) ? DAILY : REVALIDATE;
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|xml|wasm|manifest\+json)|image\/svg\+xml)/;

/** A strong validator for one file as sent: a new build rewrites the file, so its size or time changes. */
function etagOf(file: string): string {
  const stats = statSync(file);
  return `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}"`;
}

/** True when If-None-Match names this ETag (or is `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim().replace(/^W\//, '');
    return trimmed === '*' || trimmed === etag;
  });
}

function addVary(headers: Headers, value: string): void {
  const current = headers.get('Vary');
  if (current === null) headers.set('Vary', value);
  else if (!current.split(',').some((part) => part.trim().toLowerCase() === value.toLowerCase())) headers.set('Vary', `${current}, ${value}`);
}

/** Caching headers and the 304, around the static handler. */
function cachingHeaders(): MiddlewareHandler<{ Variables: SiteFileVariables }> {
  return async (c, next) => {
    c.req.raw.headers.delete('range');
    await next();
    const file = c.get('siteFile');
    if (file === undefined || c.res.status !== 200) return;
    const headers = c.res.headers;
    headers.set('Cache-Control', cacheControlFor(c.req.path));
    if (COMPRESSIBLE.test(headers.get('Content-Type') ?? '')) addVary(headers, 'Accept-Encoding');
    const etag = etagOf(file);
    headers.set('ETag', etag);
    if (matches(c.req.header('If-None-Match'), etag)) {
      // Close the file that was about to be streamed: the browser has it.
      await c.res.body?.cancel();
      c.res = new Response(null, { status: 304, headers });
    }
  };
}

/** The handlers that serve `siteDir` (dist/), in order. */
export function siteFiles(siteDir: string): MiddlewareHandler[] {
  return [
    cachingHeaders() as MiddlewareHandler,
    serveStatic({
      root: siteDir,
      precompressed: true,
      onFound: (file, c: Context<{ Variables: SiteFileVariables }>) => c.set('siteFile', file),
    }) as MiddlewareHandler,
  ];
}
