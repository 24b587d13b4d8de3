/**
 * Security headers on every response, static files and errors included.
 * The Content-Security-Policy allows only same-origin resources plus the
 * exact inline scripts and styles the built site contains (Astro's island
 * loader), by hash: see inlineHashes().
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { LANGS } from '../../contract/languages';

export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

/** CSP hash sources for every inline <script> and <style> in the built site's HTML. */
export function inlineHashes(siteDir: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
      if (match[1]) scripts.add(hash(match[1]));
    }
    for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
      if (match[1]) styles.add(hash(match[1]));
    }
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The policy string for a set of inline hashes. */
export function contentSecurityPolicy(hashes: InlineHashes): string {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the proof-of-work solver compile its WebAssembly
    // (web/lib/pow-solver.ts); it allows no JavaScript eval.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...hashes.scripts].join(' '),
    ['style-src', "'self'", ...hashes.styles].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Deployment facts that change the headers. */
export interface TransportOptions {
  /** PUBLIC_ORIGIN; an https origin turns on HSTS. */
  publicOrigin: string | null;
  /** ONION_ORIGIN, e.g. http://abc…xyz.onion: advertised to Tor Browser with Onion-Location. */
  onionOrigin: string | null;
}

/** The console's pages in every language: /staff/, /zh-hans/staff/, /en/staff/… */
const STAFF_PAGE = new RegExp(`^/(?:(?:${LANGS.join('|')})/)?staff(?:/|$)`);

/** API responses and staff pages may carry codes, content or a session's view: never cached. */
function isPrivate(path: string): boolean {
  return path.startsWith('/api/') || STAFF_PAGE.test(path);
}

/**
 * A script, stylesheet, font or raster image loaded by a page: the page's own
 * policy governs it, and a Content-Security-Policy, Permissions-Policy or
 * Cross-Origin-Opener-Policy on it does nothing (they apply to documents and
 * workers; Tipline starts no worker). Leaving them off saves about 600 bytes
 * on each of the report page's subresources. An SVG can be opened as a
 * document, so it keeps them.
 */
const SUBRESOURCE = /^(?:text\/css|text\/javascript|application\/(?:javascript|wasm)|font\/|image\/(?!svg))/;

/** Two years, as the HSTS preload list asks; sent only over an https deployment. */
const HSTS = 'max-age=63072000';

/**
 * Middleware setting the headers on every response: static files, API
 * answers, errors and 404s alike.
 */
export function securityHeaders(hashes: InlineHashes, transport: TransportOptions = { publicOrigin: null, onionOrigin: null }): MiddlewareHandler {
  const csp = contentSecurityPolicy(hashes);
  const https = transport.publicOrigin?.startsWith('https://') ?? false;
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const subresource = c.req.path.startsWith('/_astro/') && SUBRESOURCE.test(headers.get('Content-Type') ?? '');
    if (!subresource) {
      // A file download sets its own, stricter policy (sandbox, nothing loads); keep it.
      if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', csp);
      headers.set('Cross-Origin-Opener-Policy', 'same-origin');
      headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    }
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (isPrivate(c.req.path)) headers.set('Cache-Control', 'no-store');
    if (https) headers.set('Strict-Transport-Security', HSTS);
    // Tor Browser offers the onion address for a page it got over https.
    if (transport.onionOrigin !== null && (headers.get('Content-Type') ?? '').startsWith('text/html')) {
      headers.set('Onion-Location', transport.onionOrigin + c.req.path);
    }
  };
}
