/**
 * Headers for handing a reporter's file to staff. The file is whatever a
 * stranger uploaded, so the browser must never treat it as part of the
 * site: always an attachment, a content type from a short list of inert
 * types (else application/octet-stream), no sniffing, and a CSP that
 * sandboxes it and loads nothing, in case it is ever opened in a tab.
 */

/** Types that are safe to name: detected from the file's bytes, none of them can run script. */
const INERT_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf']);

export const DOWNLOAD_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

/** For an image shown inline on the case page: it may be nothing but an image, and loads nothing else. */
export const PREVIEW_CSP = "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

/** The headers of an inline preview: one of the preview types, never cached, never sniffed. */
export function previewHeaders(type: string, size: number): Headers {
  return new Headers({
    'Content-Type': type,
    'Content-Disposition': 'inline',
    'Content-Security-Policy': PREVIEW_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Content-Length': String(size),
  });
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the exact UTF-8 name. */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The headers of a file download. */
export function downloadHeaders(name: string, type: string, size?: number): Headers {
  const headers = new Headers({
    'Content-Type': INERT_TYPES.has(type) ? type : 'application/octet-stream',
    'Content-Disposition': attachmentDisposition(name),
    'Content-Security-Policy': DOWNLOAD_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  if (size !== undefined) headers.set('Content-Length', String(size));
  return headers;
}
