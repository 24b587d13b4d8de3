/**
 * The receipt of a report sent without JavaScript, held for one view (and,
 * the same way, the status page after a follow-up: FOLLOW_UP_SENT).
 *
 * A plain form post that answered with the receipt itself would be sent
 * again by a reload or by going back and forward: a second report with a
 * second code. So the post answers 303 to GET /api/reports/receipt
 * (POST-redirect-GET), and the code waits for that one view in a cookie:
 * HttpOnly, SameSite=Strict, sent only to that path, gone after ten minutes
 * or as soon as the receipt is shown, whichever is first. A reload then
 * shows a page saying the code is not shown again (as the receipt says).
 *
 * The cookie holds the code sealed (AES-256-GCM) under a key that lives only
 * in this process's memory: the browser's cookie store never holds the code
 * in clear, the server stores nothing, and a restart voids every cookie
 * still waiting. To make the one view hold even against a browser (or
 * someone) sending the same cookie twice, the random IV of each cookie
 * shown is remembered in memory until the cookie would have expired. Behind TLS the cookie is Secure and named with the
 * `__Secure-` prefix (`__Host-` would demand Path=/).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isLang, type Lang } from '../../contract/languages';

/** Where a held code is shown: the cookie's name (without the `__Secure-` prefix) and the only path it is sent to. */
export interface OneViewPage {
  name: string;
  path: string;
}

export const RECEIPT: OneViewPage = { name: 'tipline_receipt', path: '/api/reports/receipt' };
/** The status page after a follow-up sent without JavaScript, so that a reload never sends it again. */
export const FOLLOW_UP_SENT: OneViewPage = { name: 'tipline_sent', path: '/api/status/sent' };
/** Long enough for a slow connection to follow the redirect, short enough to leave nothing lying about. */
export const RECEIPT_MAX_AGE_SECONDS = 600;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A longer value is not ours: ignored rather than opened. */
const MAX_COOKIE_CHARS = 512;
/** Receipts shown in the last RECEIPT_MAX_AGE_SECONDS that memory keeps track of; admission bounds reports far below this. */
const MAX_SPENT = 100_000;

export interface HeldCode {
  /** The tracking code (formatted for a receipt, digits for a follow-up). */
  trackingCode: string;
  lang: Lang;
}

/** Seals and opens the cookies of one OneViewPage (a receipt, or the page after a follow-up) under one process's key. */
export class OneViewCookies {
  readonly #key = randomBytes(32);
  /** IV (base64url) of each receipt already shown -> when its cookie expires (ms). */
  readonly #spent = new Map<string, number>();

  constructor(
    private readonly secure: boolean,
    private readonly now: () => Date = () => new Date(),
    private readonly place: OneViewPage = RECEIPT,
  ) {}

  /** e.g. `__Secure-tipline_receipt` behind TLS, `tipline_receipt` otherwise. */
  get name(): string {
    return this.secure ? `__Secure-${this.place.name}` : this.place.name;
  }

  /** The page's path, where the browser is sent to see what is held. */
  get path(): string {
    return this.place.path;
  }

  /** Hold `receipt` for the next GET of the page's path. */
  hold(c: Context, receipt: HeldCode): void {
    const expires = Math.floor(this.now().getTime() / 1000) + RECEIPT_MAX_AGE_SECONDS;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify({ c: receipt.trackingCode, l: receipt.lang, e: expires }), 'utf8'), cipher.final()]);
    setCookie(c, this.name, Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url'), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: this.secure,
      path: this.place.path,
      maxAge: RECEIPT_MAX_AGE_SECONDS,
    });
  }

  /** The receipt held for this browser, if any is still valid, and the cookie cleared either way. */
  take(c: Context): HeldCode | null {
    const value = getCookie(c, this.name);
    if (value === undefined) return null;
    deleteCookie(c, this.name, { path: this.place.path, secure: this.secure, httpOnly: true, sameSite: 'Strict' });
    return value.length > MAX_COOKIE_CHARS ? null : this.open(value);
  }

  private open(value: string): HeldCode | null {
    const bytes = Buffer.from(value, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
    const iv = bytes.subarray(0, IV_BYTES);
    if (this.#spent.has(iv.toString('base64url'))) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      const held = JSON.parse(text) as { c?: unknown; l?: unknown; e?: unknown };
      const fresh = typeof held.e === 'number' && held.e * 1000 >= this.now().getTime();
      if (!fresh || typeof held.c !== 'string' || !isLang(held.l)) return null;
      this.spend(iv.toString('base64url'), (held.e as number) * 1000);
      return { trackingCode: held.c, lang: held.l };
    } catch {
      // Another process's key (a restart), or not ours at all.
      return null;
    }
  }

  /** Remember a receipt as shown until its cookie expires, forgetting those already expired (and the oldest past MAX_SPENT). */
  private spend(iv: string, expiresMs: number): void {
    const now = this.now().getTime();
    for (const [old, until] of this.#spent) {
      if (until >= now && this.#spent.size < MAX_SPENT) break;
      this.#spent.delete(old);
    }
    this.#spent.set(iv, expiresMs);
  }
}
