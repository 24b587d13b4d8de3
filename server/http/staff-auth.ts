/**
 * Guards for /api/staff/...: the session cookie, the role, the session's
 * restriction (password change or TOTP enrolment pending), and CSRF.
 * Staff routes always answer JSON. They also keep the idle timeout: only a
 * person's requests restart it, never those the console makes by itself.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DEFAULT_LANG } from '../../contract/languages';
import { BACKGROUND_HEADER, IDLE_ENDS_HEADER } from '../../contract/staff-session-headers';
import type { SessionStore, StaffSession } from '../auth/session-store';
import type { SessionRestriction, StaffRole } from '../../contract/vocabulary';
import { fail } from '../errors';
import { checkPathIds } from '../path-id';
import type { AppVariables } from './input';

export interface StaffVariables extends AppVariables {
  staff: StaffSession;
}

export interface StaffAuthDeps {
  sessions: SessionStore;
  publicOrigin: string | null;
  now: () => Date;
  /** Session length limits, for the cookie's Max-Age. */
  maxSessionSeconds: number;
}

/** `__Host-` cookies must be Secure; without TLS the plain name is used. */
export function sessionCookieName(deps: Pick<StaffAuthDeps, 'publicOrigin'>): string {
  return isSecure(deps) ? '__Host-tipline_staff' : 'tipline_staff';
}

/** Whether staff browsers reach the site over TLS (an https PUBLIC_ORIGIN): cookies are then Secure. */
export function isSecure(deps: Pick<StaffAuthDeps, 'publicOrigin'>): boolean {
  return deps.publicOrigin?.startsWith('https:') ?? false;
}

/** Set the session cookie: HttpOnly, SameSite=Strict, Secure behind TLS. */
export function setSessionCookie(c: Context, deps: StaffAuthDeps, token: string): void {
  setCookie(c, sessionCookieName(deps), token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecure(deps),
    path: '/',
    maxAge: deps.maxSessionSeconds,
  });
}

export function clearSessionCookie(c: Context, deps: StaffAuthDeps): void {
  deleteCookie(c, sessionCookieName(deps), { path: '/', secure: isSecure(deps) });
}

/**
 * A state-changing request must come from this site: browsers send
 * Sec-Fetch-Site (or at least Origin) on every POST, and SameSite=Strict
 * cookies are a second line. A request with neither header is refused.
 */
export function isSameOrigin(c: Context, publicOrigin: string | null): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  if (publicOrigin !== null && origin === publicOrigin) return true;
  return origin === new URL(c.req.url).origin;
}

/** True when the console sent the request by itself rather than for something a person did. */
export function isBackgroundRequest(c: Context): boolean {
  return c.req.header(BACKGROUND_HEADER) === '1';
}

/** A person did something with this session: the idle timeout counts again from now. */
export function recordActivity(deps: StaffAuthDeps, session: StaffSession): void {
  deps.sessions.recordActivity(session, deps.now().getTime());
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CSRF check alone (for login, which has no session yet). */
export function sameOriginOnly(deps: Pick<StaffAuthDeps, 'publicOrigin'>): MiddlewareHandler<{ Variables: AppVariables }> {
  return async (c, next) => {
    c.set('lang', DEFAULT_LANG);
    c.set('wantsHtml', false);
    if (!SAFE_METHODS.has(c.req.method) && !isSameOrigin(c, deps.publicOrigin)) throw fail('csrf_rejected');
    await next();
  };
}

export interface RequireStaffOptions {
  roles?: readonly StaffRole[];
  allowRestricted?: readonly Exclude<SessionRestriction, null>[];
  /**
   * False when the route itself decides whether a request is a person's
   * activity (the lease route: a renewal never is). Otherwise every request
   * without the background header counts.
   */
  countsAsActivity?: boolean;
}

/**
 * Require a live staff session (and one of `roles`, when given). A session
 * with a pending restriction may only use routes that allow it.
 */
export function requireStaff(deps: StaffAuthDeps, options: RequireStaffOptions = {}): MiddlewareHandler<{ Variables: StaffVariables }> {
  return async (c, next) => {
    c.set('lang', DEFAULT_LANG);
    c.set('wantsHtml', false);
    if (!SAFE_METHODS.has(c.req.method) && !isSameOrigin(c, deps.publicOrigin)) throw fail('csrf_rejected');
    const token = getCookie(c, sessionCookieName(deps));
    const session = token ? deps.sessions.get(token, deps.now().getTime()) : null;
    if (!session) throw fail('unauthenticated');
    if (session.restriction !== null && !(options.allowRestricted ?? []).includes(session.restriction)) {
      throw fail(session.restriction === 'change_password' ? 'password_change_required' : 'totp_enrolment_required');
    }
    if (options.roles && !options.roles.includes(session.role)) throw fail('forbidden');
    // Before the route reads a body or counts activity: a malformed id is the same 400 on every route.
    checkPathIds(c.req.param());
    if ((options.countsAsActivity ?? true) && !isBackgroundRequest(c)) recordActivity(deps, session);
    c.set('staff', session);
    await next();
    // Set after the route ran (which may have counted activity itself), on errors too:
    // the console compares it with what it last knew to see activity in its other tabs.
    c.header(IDLE_ENDS_HEADER, new Date(deps.sessions.idleEndsAt(session)).toISOString());
  };
}
