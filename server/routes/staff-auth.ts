/**
 * /api/staff: sign in and out, the session's own account (password, TOTP)
 * and recovery with the recovery code.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { admit, BusyError } from '../abuse/guards';
import type { StaffSession } from '../auth/session-store';
import { channelNames, listChannelNames } from '../data/channels';
import { findStaffById } from '../data/staff';
import { disableTotp, enableTotp, setPendingTotp } from '../data/staff-security';
import { appendAudit } from '../data/audit';
import { readDeviceTokens, setDeviceCookie } from '../http/device-cookie';
import { DomainError, fail } from '../errors';
import { jsonInput } from '../http/json-input';
import { clearSessionCookie, requireStaff, sameOriginOnly, setSessionCookie, type StaffAuthDeps, type StaffVariables } from '../http/staff-auth';
import { loginSchema, passwordChangeSchema, recoverSchema, totpCodeSchema, type SessionInfo } from '../../contract/schemas/staff-auth';
import { changePassword, recoverAccount, signIn, type LoginOutcome, type StaffLoginDeps } from '../services/staff-login';
import { acceptedTotpStep, newTotpSecret } from '../services/totp';
import { toSecond } from '../time';
import { staffAuthDeps, type RouteDeps } from './deps';

const ANY_RESTRICTION = ['change_password', 'enrol_totp'] as const;

/** What every group of these routes shares: the app's deps, as the staff guards and sign-in need them. */
interface StaffAuthRouting {
  deps: RouteDeps;
  auth: StaffAuthDeps;
  login: StaffLoginDeps;
}

/** The sign-in routes in their groups: the ways in, the session, the password and the second factor. */
export function staffAuthRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const routing: StaffAuthRouting = {
    deps,
    auth: staffAuthDeps(deps),
    login: { db: deps.db, kdf: deps.kdf.staff, guard: deps.signInGuard, failures: deps.failedSignIns },
  };
  return new Hono<{ Variables: StaffVariables }>()
    .route('/', signInRoutes(routing))
    .route('/', sessionRoutes(routing))
    .route('/', passwordRoutes(routing))
    .route('/', secondFactorRoutes(routing));
}

/** What the console learns about its own session, on every answer that changes it. */
function sessionInfo(deps: RouteDeps, session: StaffSession): SessionInfo {
  const record = findStaffById(deps.db, session.staffId);
  return {
    username: session.username,
    role: session.role,
    channels: listChannelNames(deps.db)
      .filter((channel) => session.channelIdentities.has(channel.id))
      .map(channelNames),
    totpEnabled: record?.totpEnabled ?? false,
    restriction: session.restriction,
    idleTimeoutSeconds: deps.config.staff.idleMinutes * 60,
    ...idleEnd(deps, session),
  };
}

/** When the idle timeout ends the session, as it stands: the session bar keeps in step without counting as activity. */
function idleEnd(deps: RouteDeps, session: StaffSession): { idleEndsAt: string; idleSecondsLeft: number } {
  const endsAt = deps.sessions.idleEndsAt(session);
  return { idleEndsAt: new Date(endsAt).toISOString(), idleSecondsLeft: Math.max(0, Math.floor((endsAt - deps.now().getTime()) / 1000)) };
}

/** What a fresh session may do first: change an admin-set password, then enrol TOTP if required. */
function restrictionFor(deps: RouteDeps, mustChangePassword: boolean, totpEnabled: boolean): StaffSession['restriction'] {
  return mustChangePassword ? 'change_password' : deps.config.staff.requireTotp && !totpEnabled ? 'enrol_totp' : null;
}

/** A place in the sign-in lane, or the busy answer: Argon2id work waits its turn. */
function admitSignIn(deps: RouteDeps): MiddlewareHandler {
  return async (c, next) => {
    const admission = await admit(c, deps.guards, 'signin');
    if (!admission.admitted) throw new BusyError(admission);
    await next();
  };
}

/** The session a successful sign-in opens, restricted to what the account still owes. */
function openSession(deps: RouteDeps, { staff, record }: Extract<LoginOutcome, { ok: true }>): { token: string; session: StaffSession } {
  const opened = deps.sessions.create(
    {
      staffId: staff.id,
      username: staff.username,
      role: staff.role,
      personalIdentity: staff.personalIdentity,
      personalRecipient: staff.recipient,
      channelIdentities: staff.channelIdentities,
      signingKey: staff.signingKey,
      restriction: restrictionFor(deps, record.mustChangePassword, record.totpEnabled),
    },
    deps.now().getTime(),
  );
  // The new session's channel keys can index what is waiting (in the background).
  deps.searchIndexer.kick();
  return opened;
}

/**
 * The ways in without a session: signing in, and recovery with the recovery code.
 *
 * Both wait for a place in the sign-in lane (proof of work ordered) once the
 * body is valid, so garbage costs nothing, and before any Argon2id work: a
 * flood of them can neither hurt reporters (their own lanes and Argon2id
 * pool) nor keep staff out (the console bids more).
 */
function signInRoutes({ deps, auth, login }: StaffAuthRouting): Hono<{ Variables: StaffVariables }> {
  return new Hono<{ Variables: StaffVariables }>()
    .post('/login', sameOriginOnly(auth), jsonInput(loginSchema), admitSignIn(deps), async (c) => {
      const outcome = await signIn(login, c.get('input'), readDeviceTokens(c, auth), deps.now());
      if (!outcome.ok) {
        if (outcome.reason === 'throttled') throw new DomainError('login_throttled', { retryAfterSeconds: outcome.retryAfterSeconds });
        throw fail('invalid_credentials');
      }
      const { token, session } = openSession(deps, outcome);
      setSessionCookie(c, auth, token);
      setDeviceCookie(c, auth, outcome.deviceTokens);
      return c.json(sessionInfo(deps, session), 200);
    })
    .post('/recover', sameOriginOnly(auth), jsonInput(recoverSchema), admitSignIn(deps), async (c) => {
      const result = await recoverAccount(login, c.get('input'), readDeviceTokens(c, auth), deps.now());
      if (!result.ok) throw fail('invalid_credentials');
      deps.sessions.endAllFor(result.staffId);
      setDeviceCookie(c, auth, result.deviceTokens);
      return c.json({ recoveryCode: result.recoveryCode }, 200);
    });
}

/** The session itself: what it is, and ending it. Open to a restricted session, which must be able to leave. */
function sessionRoutes({ deps, auth }: StaffAuthRouting): Hono<{ Variables: StaffVariables }> {
  return new Hono<{ Variables: StaffVariables }>()
    .post('/logout', requireStaff(auth, { allowRestricted: ANY_RESTRICTION }), (c) => {
      const session = c.get('staff');
      deps.sessions.end(session);
      clearSessionCookie(c, auth);
      appendAudit(deps.db, { at: toSecond(deps.now()), actorStaffId: session.staffId, action: 'logout' });
      return c.body(null, 204);
    })
    .get('/me', requireStaff(auth, { allowRestricted: ANY_RESTRICTION }), (c) => c.json(sessionInfo(deps, c.get('staff')), 200));
}

/** A new password for the signed-in member, which is also how an admin-set one is replaced. */
function passwordRoutes({ deps, auth, login }: StaffAuthRouting): Hono<{ Variables: StaffVariables }> {
  return new Hono<{ Variables: StaffVariables }>()
    .post('/password', requireStaff(auth, { allowRestricted: ANY_RESTRICTION }), jsonInput(passwordChangeSchema), async (c) => {
      const session = c.get('staff');
      const { currentPassword, newPassword } = c.get('input');
      const recoveryCode = await changePassword(login, session.staffId, session.username, { current: currentPassword, next: newPassword }, deps.now());
      if (recoveryCode === null) throw fail('invalid_credentials');
      // Other sessions of this member end: whoever knew the old password is out.
      for (const other of deps.sessions.sessionsOf(session.staffId)) if (other !== session) deps.sessions.end(other);
      const record = findStaffById(deps.db, session.staffId);
      session.restriction = restrictionFor(deps, false, record?.totpEnabled ?? false);
      return c.json({ recoveryCode, ...sessionInfo(deps, session) }, 200);
    });
}

/** The second factor: enrolling an authenticator app, confirming it, and removing it where that is allowed. */
function secondFactorRoutes({ deps, auth }: StaffAuthRouting): Hono<{ Variables: StaffVariables }> {
  return new Hono<{ Variables: StaffVariables }>()
    .post('/totp/enrol', requireStaff(auth, { allowRestricted: ['enrol_totp'] }), async (c) => {
      const session = c.get('staff');
      const record = findStaffById(deps.db, session.staffId);
      if (record?.totpEnabled) throw fail('conflict');
      const { secret, uri, encrypted } = await newTotpSecret(session.username, session.personalRecipient);
      setPendingTotp(deps.db, session.staffId, encrypted);
      return c.json({ secret, uri }, 200);
    })
    .post('/totp/confirm', requireStaff(auth, { allowRestricted: ['enrol_totp'] }), jsonInput(totpCodeSchema), async (c) => {
      const session = c.get('staff');
      const record = findStaffById(deps.db, session.staffId);
      if (!record?.totpSecret || record.totpEnabled) throw fail('conflict');
      const step = await acceptedTotpStep(record.totpSecret, session.personalIdentity, c.get('input').code, null, deps.now());
      if (step === null) throw fail('invalid_input', { code: 'invalid' });
      enableTotp(deps.db, session.staffId, step);
      appendAudit(deps.db, { at: toSecond(deps.now()), actorStaffId: session.staffId, action: 'staff.totp_enabled' });
      if (session.restriction === 'enrol_totp') session.restriction = null;
      return c.json(sessionInfo(deps, session), 200);
    })
    .post('/totp/disable', requireStaff(auth), jsonInput(totpCodeSchema), async (c) => {
      const session = c.get('staff');
      if (deps.config.staff.requireTotp) throw fail('forbidden');
      const record = findStaffById(deps.db, session.staffId);
      if (!record?.totpSecret || !record.totpEnabled) throw fail('conflict');
      // A fresh code is required: a stolen session alone cannot remove the second factor.
      const step = await acceptedTotpStep(record.totpSecret, session.personalIdentity, c.get('input').code, record.totpLastStep, deps.now());
      if (step === null) throw fail('invalid_input', { code: 'invalid' });
      disableTotp(deps.db, session.staffId);
      appendAudit(deps.db, { at: toSecond(deps.now()), actorStaffId: session.staffId, action: 'staff.totp_disabled' });
      return c.json(sessionInfo(deps, session), 200);
    });
}
