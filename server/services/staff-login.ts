/**
 * Signing in, changing a password and recovering an account.
 *
 * Sign-in failures slow down per username (never per IP address: Tor users
 * share exits), for known and unknown names alike, unless the browser holds
 * a device token for that account (server/auth/sign-in-guard.ts). An
 * unknown username does the same Argon2id work as a known one and answers
 * the same. Failures reach the audit trail aggregated per window
 * (./failed-sign-ins.ts); successes are written one by one.
 *
 * Recovery is never slowed down per username: a recovery code has ~124
 * bits, beyond any online guessing, so a slow-down would only hand an
 * attacker a way to block the owner. Its cost is bounded by the staff
 * Argon2id pool (and the admission in front of the route).
 */
import { newSalt, type KdfPool } from '../crypto/argon2';
import { deriveIdentity } from '../crypto/derived-identity';
import type { DeviceToken } from '../crypto/device-token';
import { appendAudit } from '../data/audit';
import type { Db } from '../data/database';
import { findStaffByUsername, type StaffRecord } from '../data/staff';
import { recordTotpStep, replaceWrappings } from '../data/staff-security';
import { DEVICE_TOKEN_MAX_AGE_SECONDS, MAX_DEVICE_TOKENS, type SignInGuard } from '../auth/sign-in-guard';
import { toSecond } from '../time';
import type { FailedSignInLog } from './failed-sign-ins';
import {
  checkPasswordStrength,
  ensureSigningKey,
  generateRecoveryCode,
  normalizeRecoveryCode,
  unlockStaff,
  unlockWithIdentity,
  unwrapIdentity,
  wrapIdentityUnder,
  type UnlockedStaff,
} from './staff-keys';
import { acceptedTotpStep } from './totp';

export interface StaffLoginDeps {
  db: Db;
  /** Argon2id parameters and the staff pool. */
  kdf: KdfPool;
  guard: SignInGuard;
  failures: FailedSignInLog;
}

export type LoginOutcome =
  | { ok: true; staff: UnlockedStaff; record: StaffRecord; deviceTokens: string[] }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** The first of the browser's tokens that is valid, still trusted and for this account. */
function trustedToken(guard: SignInGuard, presented: readonly string[], staffId: number, now: Date): DeviceToken | null {
  for (const token of presented) {
    const read = guard.tokens.read(token, now, DEVICE_TOKEN_MAX_AGE_SECONDS);
    if (read && read.staffId === staffId && guard.devices.trusts(read.nonce)) return read;
  }
  return null;
}

/**
 * The browser's tokens after it proved it holds `staffId`: a fresh one for
 * this account first, then its valid tokens for other accounts (one each),
 * at most MAX_DEVICE_TOKENS.
 */
function renewedTokens(guard: SignInGuard, presented: readonly string[], staffId: number, now: Date): string[] {
  const seen = new Set([staffId]);
  const others = presented.filter((token) => {
    const read = guard.tokens.read(token, now, DEVICE_TOKEN_MAX_AGE_SECONDS);
    if (!read || seen.has(read.staffId) || !guard.devices.trusts(read.nonce)) return false;
    seen.add(read.staffId);
    return true;
  });
  return [guard.tokens.issue(staffId, now), ...others].slice(0, MAX_DEVICE_TOKENS);
}

/** Whether the second factor (when enabled) accepts `code`; records the step it used. */
async function secondFactorAccepts(db: Db, record: StaffRecord, staff: UnlockedStaff, code: string | undefined, now: Date): Promise<boolean> {
  if (!record.totpEnabled || !record.totpSecret) return true;
  const step = code === undefined ? null : await acceptedTotpStep(record.totpSecret, staff.personalIdentity, code, record.totpLastStep, now);
  if (step === null) return false;
  recordTotpStep(db, record.id, step);
  return true;
}

/**
 * Check password (and TOTP when enabled) and unwrap the member's keys.
 * `deviceTokens` are the ones the browser sent; on success the outcome
 * carries the set it should keep.
 */
export async function signIn(
  deps: StaffLoginDeps,
  credentials: { username: string; password: string; totp?: string | undefined },
  deviceTokens: readonly string[],
  now: Date,
): Promise<LoginOutcome> {
  const { db, guard } = deps;
  const tag = guard.tagOf(credentials.username);
  const found = findStaffByUsername(db, credentials.username);
  const account = found && !found.disabled ? found : null;
  const trusted = account ? trustedToken(guard, deviceTokens, account.id, now) : null;
  const admission = trusted ? guard.devices.admit(trusted.nonce) : guard.throttle.admit(tag, now);
  if (!admission.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: admission.retryAfterSeconds };
  try {
    const staff = await unlockStaff(db, deps.kdf, credentials.username, credentials.password);
    // A missing or wrong second-factor code answers exactly like a wrong
    // password, so the response never confirms that the password alone was right.
    if (!staff || !account || !(await secondFactorAccepts(db, account, staff, credentials.totp, now))) {
      admission.attempt.fail(now);
      deps.failures.record('login.failed', account?.id ?? null, tag, now);
      return { ok: false, reason: 'invalid' };
    }
    if (trusted) guard.devices.forget(trusted.nonce);
    appendAudit(db, { at: toSecond(now), actorStaffId: account.id, action: 'login.succeeded', detail: { knownDevice: trusted !== null } });
    // An account made before signed decisions gets its signing key now.
    const signer = await ensureSigningKey(db, staff, toSecond(now));
    return { ok: true, staff: signer, record: account, deviceTokens: renewedTokens(guard, deviceTokens, account.id, now) };
  } finally {
    admission.attempt.end();
  }
}

/** New password wrapping and a fresh recovery code (returned once). */
async function rewrap(db: Db, kdf: KdfPool, staffId: number, personalIdentity: string, newPassword: string): Promise<string> {
  checkPasswordStrength(newPassword);
  const recoveryCode = generateRecoveryCode();
  const password = await wrapIdentityUnder(newPassword, personalIdentity, kdf);
  const recovery = await wrapIdentityUnder(normalizeRecoveryCode(recoveryCode), personalIdentity, kdf);
  replaceWrappings(db, staffId, password, recovery);
  return recoveryCode;
}

/** Change a password (the current one is checked again); returns the new recovery code, or null if the current password is wrong. */
export async function changePassword(
  deps: Pick<StaffLoginDeps, 'db' | 'kdf'>,
  staffId: number,
  username: string,
  passwords: { current: string; next: string },
  now: Date,
): Promise<string | null> {
  const staff = await unlockStaff(deps.db, deps.kdf, username, passwords.current);
  if (!staff || staff.id !== staffId) return null;
  const recoveryCode = await rewrap(deps.db, deps.kdf, staffId, staff.personalIdentity, passwords.next);
  appendAudit(deps.db, { at: toSecond(now), actorStaffId: staffId, action: 'staff.password_changed' });
  return recoveryCode;
}

/** The personal identity a recovery code opens; null (after the same Argon2id work) when it opens nothing. */
async function openWithRecoveryCode(kdf: KdfPool, record: StaffRecord | null, code: string): Promise<string | null> {
  if (!record?.recoveryWrappedIdentity || !record.recoverySalt || !record.recoveryKdf) {
    await deriveIdentity(code, newSalt(), kdf.params, kdf.limiter); // same cost as a real attempt
    return null;
  }
  return unwrapIdentity(code, { wrappedIdentity: record.recoveryWrappedIdentity, salt: record.recoverySalt, kdf: record.recoveryKdf }, kdf.limiter);
}

export type RecoveryOutcome = { ok: true; staffId: number; recoveryCode: string; deviceTokens: string[] } | { ok: false };

/**
 * Reset a forgotten password with the recovery code. Returns the member's
 * id, a new recovery code and the browser's renewed device tokens (it has
 * just proved it holds the account, so its next sign-in skips the
 * slow-down); or a failure, after the same Argon2id work, when the username
 * or code is wrong.
 */
export async function recoverAccount(
  deps: StaffLoginDeps,
  request: { username: string; recoveryCode: string; newPassword: string },
  deviceTokens: readonly string[],
  now: Date,
): Promise<RecoveryOutcome> {
  const { db, kdf, guard } = deps;
  checkPasswordStrength(request.newPassword);
  const found = findStaffByUsername(db, request.username);
  const record = found && !found.disabled ? found : null;
  const personalIdentity = await openWithRecoveryCode(kdf, record, normalizeRecoveryCode(request.recoveryCode));
  if (!record || personalIdentity === null) {
    deps.failures.record('recovery.failed', record?.id ?? null, guard.tagOf(request.username), now);
    return { ok: false };
  }
  await unlockWithIdentity(db, record, personalIdentity); // proves the grants still open
  const recoveryCode = await rewrap(db, kdf, record.id, personalIdentity, request.newPassword);
  appendAudit(db, { at: toSecond(now), actorStaffId: record.id, action: 'staff.recovered' });
  return { ok: true, staffId: record.id, recoveryCode, deviceTokens: renewedTokens(guard, deviceTokens, record.id, now) };
}
