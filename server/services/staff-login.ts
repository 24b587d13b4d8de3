/**
 * Signing in, changing a password and recovering an account. Failures back
 * off per username (never per IP address: Tor users share exits), with a
 * growing, capped delay. An unknown username does the same Argon2id work as
 * a known one and answers the same.
 */
import { newSalt, type KdfParams } from '../crypto/argon2';
import { deriveIdentity } from '../crypto/derived-identity';
import { appendAudit } from '../data/audit';
import type { Db } from '../data/database';
import { findStaffByUsername, type StaffRecord } from '../data/staff';
import { clearLoginFailures, recordLoginFailure, recordTotpStep, replaceWrappings } from '../data/staff-security';
import { toSecond } from '../time';
import {
  checkPasswordStrength,
  generateRecoveryCode,
  normalizeRecoveryCode,
  unlockStaff,
  unlockWithIdentity,
  unwrapIdentity,
  wrapIdentityUnder,
  type UnlockedStaff,
} from './staff-keys';
import { acceptedTotpStep } from './totp';

/** Failures allowed before any delay; then 1 s, 2 s, 4 s... up to the cap. */
const FREE_FAILURES = 3;
const MAX_DELAY_SECONDS = 15 * 60;

export type LoginOutcome =
  | { ok: true; staff: UnlockedStaff; record: StaffRecord }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** Seconds until this account may try again, or 0. */
function throttledFor(record: StaffRecord, now: Date): number {
  if (record.nextLoginAt === null) return 0;
  return Math.max(0, Math.ceil((Date.parse(record.nextLoginAt) - now.getTime()) / 1000));
}

function failLogin(db: Db, record: StaffRecord | null, now: Date): LoginOutcome {
  if (record) {
    const failures = record.failedLogins + 1;
    const delay = failures <= FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_SECONDS);
    recordLoginFailure(db, record.id, failures, delay === 0 ? null : new Date(now.getTime() + delay * 1000).toISOString());
  }
  appendAudit(db, { at: toSecond(now), actorStaffId: record?.id ?? null, action: 'login.failed' });
  return { ok: false, reason: 'invalid' };
}

/** Check password (and TOTP when enabled) and unwrap the member's keys. */
export async function signIn(
  db: Db,
  kdf: KdfParams,
  credentials: { username: string; password: string; totp?: string | undefined },
  now: Date,
): Promise<LoginOutcome> {
  const record = findStaffByUsername(db, credentials.username);
  const wait = record ? throttledFor(record, now) : 0;
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

  const staff = await unlockStaff(db, kdf, credentials.username, credentials.password);
  if (!staff || !record) return failLogin(db, record && !record.disabled ? record : null, now);

  if (record.totpEnabled && record.totpSecret) {
    // A missing or wrong code answers exactly like a wrong password, so the
    // response never confirms that the password alone was right.
    const step =
      credentials.totp === undefined
        ? null
        : await acceptedTotpStep(record.totpSecret, staff.personalIdentity, credentials.totp, record.totpLastStep, now);
    if (step === null) return failLogin(db, record, now);
    recordTotpStep(db, record.id, step);
  }
  clearLoginFailures(db, record.id);
  appendAudit(db, { at: toSecond(now), actorStaffId: record.id, action: 'login.succeeded' });
  return { ok: true, staff, record };
}

/** New password wrapping and a fresh recovery code (returned once). */
async function rewrap(
  db: Db,
  kdf: KdfParams,
  staffId: number,
  personalIdentity: string,
  newPassword: string,
): Promise<string> {
  checkPasswordStrength(newPassword);
  const recoveryCode = generateRecoveryCode();
  const password = await wrapIdentityUnder(newPassword, personalIdentity, kdf);
  const recovery = await wrapIdentityUnder(normalizeRecoveryCode(recoveryCode), personalIdentity, kdf);
  replaceWrappings(db, staffId, password, recovery);
  return recoveryCode;
}

/** Change a password (the current one is checked again); returns the new recovery code, or null if the current password is wrong. */
export async function changePassword(
  db: Db,
  kdf: KdfParams,
  staffId: number,
  username: string,
  passwords: { current: string; next: string },
  now: Date,
): Promise<string | null> {
  const staff = await unlockStaff(db, kdf, username, passwords.current);
  if (!staff || staff.id !== staffId) return null;
  const recoveryCode = await rewrap(db, kdf, staffId, staff.personalIdentity, passwords.next);
  appendAudit(db, { at: toSecond(now), actorStaffId: staffId, action: 'staff.password_changed' });
  return recoveryCode;
}

/**
 * Reset a forgotten password with the recovery code. Returns the member's
 * id and a new recovery code, or null (after the same Argon2id work) when
 * the username or code is wrong.
 */
export async function recoverAccount(
  db: Db,
  kdf: KdfParams,
  request: { username: string; recoveryCode: string; newPassword: string },
  now: Date,
): Promise<{ staffId: number; recoveryCode: string } | LoginOutcome> {
  checkPasswordStrength(request.newPassword);
  const record = findStaffByUsername(db, request.username);
  const wait = record ? throttledFor(record, now) : 0;
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };
  const code = normalizeRecoveryCode(request.recoveryCode);
  if (!record || record.disabled || !record.recoveryWrappedIdentity || !record.recoverySalt || !record.recoveryKdf) {
    await deriveIdentity(code, newSalt(), kdf);
    return failLogin(db, record && !record.disabled ? record : null, now);
  }
  const personalIdentity = await unwrapIdentity(code, {
    wrappedIdentity: record.recoveryWrappedIdentity,
    salt: record.recoverySalt,
    kdf: record.recoveryKdf,
  });
  if (personalIdentity === null) return failLogin(db, record, now);
  await unlockWithIdentity(db, record, personalIdentity); // proves the grants still open
  const recoveryCode = await rewrap(db, kdf, record.id, personalIdentity, request.newPassword);
  clearLoginFailures(db, record.id);
  appendAudit(db, { at: toSecond(now), actorStaffId: record.id, action: 'staff.recovered' });
  return { staffId: record.id, recoveryCode };
}

