/**
 * The device cookie: the device tokens a staff browser holds
 * (server/auth/sign-in-guard.ts), one per account it has signed in to, in
 * one cookie. Set only in answer to a successful sign-in or recovery, so
 * only browsers that have just proved they hold a staff account ever get
 * one; reporters never do.
 *
 * HttpOnly, SameSite=Strict, sent only to /api/staff. Behind TLS it is
 * Secure and named with the `__Secure-` prefix: the session cookie's
 * `__Host-` prefix would demand Path=/, and this cookie has no business on
 * any other path.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { DEVICE_TOKEN_MAX_AGE_SECONDS, MAX_DEVICE_TOKENS } from '../auth/sign-in-guard';
import { isSecure, type StaffAuthDeps } from './staff-auth';

const SEPARATOR = '~';
/** A longer value is not ours: ignored rather than parsed. */
const MAX_COOKIE_CHARS = 2_048;

/** The cookie's name: `__Secure-tipline_device` behind TLS, `tipline_device` otherwise. */
export function deviceCookieName(deps: Pick<StaffAuthDeps, 'publicOrigin'>): string {
  return isSecure(deps) ? '__Secure-tipline_device' : 'tipline_device';
}

/** The device tokens the browser sent (unverified; at most MAX_DEVICE_TOKENS). */
export function readDeviceTokens(c: Context, deps: Pick<StaffAuthDeps, 'publicOrigin'>): string[] {
  const value = getCookie(c, deviceCookieName(deps));
  if (value === undefined || value.length > MAX_COOKIE_CHARS) return [];
  return value.split(SEPARATOR).slice(0, MAX_DEVICE_TOKENS);
}

/** Store the browser's device tokens. */
export function setDeviceCookie(c: Context, deps: Pick<StaffAuthDeps, 'publicOrigin'>, tokens: readonly string[]): void {
  setCookie(c, deviceCookieName(deps), tokens.join(SEPARATOR), {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecure(deps),
    path: '/api/staff',
    maxAge: DEVICE_TOKEN_MAX_AGE_SECONDS,
  });
}
