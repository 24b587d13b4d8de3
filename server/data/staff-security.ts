/** Per-account security state: TOTP, password and recovery wrappings, disabling. */
import type { Db } from './database';
import type { WrappedIdentity } from './staff';

/** Store a (not yet confirmed) TOTP secret, encrypted to the member. */
export function setPendingTotp(db: Db, staffId: number, encryptedSecret: Uint8Array): void {
  db.prepare('UPDATE staff SET totp_secret = ?, totp_enabled = 0, totp_last_step = NULL WHERE id = ?').run(encryptedSecret, staffId);
}

/** Turn TOTP on (after a confirmed code) and remember the step used. */
export function enableTotp(db: Db, staffId: number, step: number): void {
  db.prepare('UPDATE staff SET totp_enabled = 1, totp_last_step = ? WHERE id = ?').run(step, staffId);
}

/** Remember the last accepted step, so a code is never accepted twice. */
export function recordTotpStep(db: Db, staffId: number, step: number): void {
  db.prepare('UPDATE staff SET totp_last_step = ? WHERE id = ?').run(step, staffId);
}

/** Turn TOTP off and forget the secret. */
export function disableTotp(db: Db, staffId: number): void {
  db.prepare('UPDATE staff SET totp_secret = NULL, totp_enabled = 0, totp_last_step = NULL WHERE id = ?').run(staffId);
}

/** Replace both wrappings of the personal identity (new password, new recovery code). */
export function replaceWrappings(db: Db, staffId: number, password: WrappedIdentity, recovery: WrappedIdentity): void {
  db.prepare(
    `UPDATE staff SET wrapped_identity = ?, password_salt = ?, password_kdf = ?,
       recovery_wrapped_identity = ?, recovery_salt = ?, recovery_kdf = ?, must_change_password = 0
     WHERE id = ?`,
  ).run(password.wrappedIdentity, password.salt, password.kdf, recovery.wrappedIdentity, recovery.salt, recovery.kdf, staffId);
}

/** Disable an account (its grants stay, so re-enabling restores access). */
export function setDisabled(db: Db, staffId: number, disabled: boolean): void {
  db.prepare('UPDATE staff SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, staffId);
}
