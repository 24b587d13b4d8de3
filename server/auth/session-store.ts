/**
 * Staff sessions, in memory only: they hold unwrapped channel identities,
 * which must never touch disk. A restart ends every session. The cookie
 * carries a random token; the store keeps only its SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionRestriction, StaffRole } from '../../contract/vocabulary';
import type { SigningKeyPair } from '../crypto/signing';


export interface StaffSession {
  tokenHash: string;
  staffId: number;
  username: string;
  role: StaffRole;
  /** Personal identity (to re-wrap keys and read the TOTP secret), in memory only. */
  personalIdentity: string;
  personalRecipient: string;
  /** Channel id -> channel identity, in memory only. */
  channelIdentities: Map<number, string>;
  /** The member's Ed25519 signing key for signed decisions, in memory only; never logged or sent. */
  signingKey: SigningKeyPair | null;
  /** Until lifted, the session may only do what the restriction says. */
  restriction: SessionRestriction;
  createdAt: number;
  /** The last request a person made (not the console by itself): the idle timeout counts from here. */
  lastActivityAt: number;
}

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export type NewSession = Omit<StaffSession, 'tokenHash' | 'createdAt' | 'lastActivityAt'>;

/** SHA-256 of a session token, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class SessionStore {
  private readonly sessions = new Map<string, StaffSession>();

  constructor(private readonly limits: SessionLimits) {}

  /** Start a session; returns the token for the cookie (never stored). */
  create(session: NewSession, now: number): { token: string; session: StaffSession } {
    const token = randomBytes(32).toString('base64url');
    const full: StaffSession = { ...session, tokenHash: hashToken(token), createdAt: now, lastActivityAt: now };
    this.sessions.set(full.tokenHash, full);
    return { token, session: full };
  }

  /**
   * The live session for a token; null (and wiped) when idle or too old.
   * Looking a session up does not count as activity: only `recordActivity`
   * does, so a page renewing its lease by itself cannot keep a session alive.
   */
  get(token: string, now: number): StaffSession | null {
    const session = this.sessions.get(hashToken(token));
    if (!session) return null;
    if (now > this.idleEndsAt(session) || now - session.createdAt > this.limits.maxMs) {
      this.end(session);
      return null;
    }
    return session;
  }

  /** A person did something: the idle timeout counts again from `now`. */
  recordActivity(session: StaffSession, now: number): void {
    session.lastActivityAt = Math.max(session.lastActivityAt, now);
  }

  /** When the session ends if no person does anything more (ms since epoch; the absolute limit aside). */
  idleEndsAt(session: StaffSession): number {
    return session.lastActivityAt + this.limits.idleMs;
  }

  /** End a session and drop its keys. */
  end(session: StaffSession): void {
    session.channelIdentities.clear();
    session.personalIdentity = '';
    session.signingKey = null;
    this.sessions.delete(session.tokenHash);
  }

  /** End every session of a member (disabled account, changed keys). */
  endAllFor(staffId: number): void {
    for (const session of [...this.sessions.values()]) if (session.staffId === staffId) this.end(session);
  }

  /**
   * Channel id -> identity from every live, unrestricted session: what the
   * search indexer may use. A session that may not do casework yet (must
   * change its password or enrol TOTP) lends it nothing.
   */
  heldChannelIdentities(now: number): Map<number, string> {
    const held = new Map<number, string>();
    for (const session of this.sessions.values()) {
      if (session.restriction !== null || now > this.idleEndsAt(session) || now - session.createdAt > this.limits.maxMs) continue;
      for (const [channelId, identity] of session.channelIdentities) if (!held.has(channelId)) held.set(channelId, identity);
    }
    return held;
  }

  /** Sessions of a member, for updating their keys in place (new grant). */
  sessionsOf(staffId: number): StaffSession[] {
    return [...this.sessions.values()].filter((session) => session.staffId === staffId);
  }
}
