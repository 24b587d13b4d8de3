/** Channel grants as the admin pages list them, and the checks around them. */
import type { Db } from './database';
import type { GrantRow, StaffAccount } from '../../contract/schemas/staff-oversight-views';
import type { StaffRole } from '../../contract/vocabulary';

/** Every grant with names, by channel then member. */
export function listGrants(db: Db): GrantRow[] {
  return db
    .prepare<[], GrantRow>(
      `SELECT g.staff_id AS staffId, s.username, g.channel_id AS channelId, c.slug AS channel,
         b.username AS grantedBy, g.created_at AS createdAt
       FROM channel_grants g JOIN staff s ON s.id = g.staff_id JOIN channels c ON c.id = g.channel_id
       LEFT JOIN staff b ON b.id = g.granted_by
       ORDER BY c.id, s.username`,
    )
    .all();
}

/** True when the member already holds the channel. */
export function hasGrant(db: Db, staffId: number, channelId: number): boolean {
  return db.prepare('SELECT 1 FROM channel_grants WHERE staff_id = ? AND channel_id = ?').get(staffId, channelId) !== undefined;
}

/** Channels the member holds that no other enabled member holds. */
export function channelsOnlyHeldBy(db: Db, staffId: number): string[] {
  return db
    .prepare<[number, number], { slug: string }>(
      `SELECT c.slug FROM channel_grants g JOIN channels c ON c.id = g.channel_id
       WHERE g.staff_id = ? AND NOT EXISTS (
         SELECT 1 FROM channel_grants o JOIN staff s ON s.id = o.staff_id
         WHERE o.channel_id = g.channel_id AND o.staff_id <> ? AND s.disabled = 0)`,
    )
    .all(staffId, staffId)
    .map((row) => row.slug);
}

/** Every account with its channels (no key material). */
export function listStaffAccounts(db: Db): StaffAccount[] {
  const rows = db
    // The staff table's CHECK constraint holds role to the vocabulary's roles.
    .prepare<[], { id: number; username: string; role: StaffRole; disabled: number; totp_enabled: number; channels: string | null }>(
      `SELECT s.id, s.username, s.role, s.disabled, s.totp_enabled,
         (SELECT group_concat(c.slug, ',') FROM channel_grants g JOIN channels c ON c.id = g.channel_id WHERE g.staff_id = s.id) AS channels
       FROM staff s ORDER BY s.id`,
    )
    .all();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: row.disabled === 1,
    totpEnabled: row.totp_enabled === 1,
    channels: row.channels ? row.channels.split(',') : [],
  }));
}
