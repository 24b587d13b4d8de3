/** Staff accounts and their channel grants (wrapped channel identities). */
import type { Db } from './database';
import type { StaffRole } from '../../contract/vocabulary';
import { registerSigningKey, type NewSigningKey } from './signing-keys';


export interface StaffRecord {
  id: number;
  username: string;
  role: StaffRole;
  recipient: string;
  wrappedIdentity: Buffer;
  passwordSalt: Buffer;
  passwordKdf: string;
  recoveryWrappedIdentity: Buffer | null;
  recoverySalt: Buffer | null;
  recoveryKdf: string | null;
  totpSecret: Buffer | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  mustChangePassword: boolean;
  disabled: boolean;
}

/** The personal identity wrapped under a key derived from a secret (password or recovery code). */
export interface WrappedIdentity {
  wrappedIdentity: Uint8Array;
  salt: Uint8Array;
  kdf: string;
}

export interface NewStaff {
  username: string;
  role: StaffRole;
  recipient: string;
  password: WrappedIdentity;
  recovery: WrappedIdentity;
  /** The member's Ed25519 signing key, its seed wrapped to `recipient`; registered (and audited) with the account. */
  signingKey: NewSigningKey;
  mustChangePassword: boolean;
}

export interface ChannelGrant {
  channelId: number;
  wrappedIdentity: Buffer;
}

interface StaffRow {
  id: number;
  username: string;
  role: StaffRole;
  recipient: string;
  wrapped_identity: Buffer;
  password_salt: Buffer;
  password_kdf: string;
  recovery_wrapped_identity: Buffer | null;
  recovery_salt: Buffer | null;
  recovery_kdf: string | null;
  totp_secret: Buffer | null;
  totp_enabled: number;
  totp_last_step: number | null;
  must_change_password: number;
  // The columns failed_logins and next_login_at (migration 002) are no longer
  // read or written: the sign-in slow-down lives in memory for every username
  // tried, known or not (server/auth/login-throttle.ts), so that throttling
  // cannot tell which usernames exist. Left in place rather than dropped.
  disabled: number;
}

/** Insert a staff account and register its signing key (audited); returns its id. */
export function createStaff(db: Db, staff: NewStaff, at: string): number {
  return db.transaction(() => {
    const id = insertStaff(db, staff, at);
    registerSigningKey(db, id, staff.signingKey, at);
    return id;
  })();
}

function insertStaff(db: Db, staff: NewStaff, at: string): number {
  const result = db
    .prepare(
      `INSERT INTO staff (username, role, recipient, wrapped_identity, password_salt, password_kdf,
         recovery_wrapped_identity, recovery_salt, recovery_kdf, must_change_password, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      staff.username,
      staff.role,
      staff.recipient,
      staff.password.wrappedIdentity,
      staff.password.salt,
      staff.password.kdf,
      staff.recovery.wrappedIdentity,
      staff.recovery.salt,
      staff.recovery.kdf,
      staff.mustChangePassword ? 1 : 0,
      at,
    );
  return Number(result.lastInsertRowid);
}

/** The account with this id, or null. */
export function findStaffById(db: Db, id: number): StaffRecord | null {
  const row = db.prepare<[number], StaffRow>('SELECT * FROM staff WHERE id = ?').get(id);
  return row ? toStaffRecord(row) : null;
}

/** The account with this username (case-insensitive), or null. */
export function findStaffByUsername(db: Db, username: string): StaffRecord | null {
  const row = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE username = ?').get(username);
  return row ? toStaffRecord(row) : null;
}

/** How many staff accounts exist. */
export function countStaff(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM staff').get()?.n ?? 0;
}

/** Record that a member holds a channel identity (wrapped to their personal recipient). */
export function addChannelGrant(
  db: Db,
  grant: { staffId: number; channelId: number; wrappedIdentity: Uint8Array; grantedBy: number | null },
  at: string,
): void {
  db.prepare(
    `INSERT INTO channel_grants (staff_id, channel_id, wrapped_identity, granted_by, created_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(grant.staffId, grant.channelId, grant.wrappedIdentity, grant.grantedBy, at);
}

/** Every channel grant a member holds. */
export function findGrantsForStaff(db: Db, staffId: number): ChannelGrant[] {
  return db
    .prepare<[number], ChannelGrant>(
      'SELECT channel_id AS channelId, wrapped_identity AS wrappedIdentity FROM channel_grants WHERE staff_id = ?',
    )
    .all(staffId);
}

function toStaffRecord(row: StaffRow): StaffRecord {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    recipient: row.recipient,
    wrappedIdentity: row.wrapped_identity,
    passwordSalt: row.password_salt,
    passwordKdf: row.password_kdf,
    recoveryWrappedIdentity: row.recovery_wrapped_identity,
    recoverySalt: row.recovery_salt,
    recoveryKdf: row.recovery_kdf,
    totpSecret: row.totp_secret,
    totpEnabled: row.totp_enabled === 1,
    totpLastStep: row.totp_last_step,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
  };
}
