/** Who a report may be assigned to: enabled members holding the report's channel key. */
import type { Db } from './database';

/** The member, when enabled and holding this channel's key; otherwise null. */
export function findChannelMember(db: Db, staffId: number, channelId: number): { id: number; username: string } | null {
  return (
    db
      .prepare<[number, number], { id: number; username: string }>(
        `SELECT s.id, s.username FROM staff s JOIN channel_grants g ON g.staff_id = s.id
         WHERE s.id = ? AND g.channel_id = ? AND s.disabled = 0`,
      )
      .get(staffId, channelId) ?? null
  );
}

/** Everyone a report of this channel may be assigned to: enabled members holding its key, by username. */
export function listChannelMembers(db: Db, channelId: number): { id: number; username: string }[] {
  return db
    .prepare<[number], { id: number; username: string }>(
      `SELECT s.id, s.username FROM staff s JOIN channel_grants g ON g.staff_id = s.id
       WHERE g.channel_id = ? AND s.disabled = 0 ORDER BY s.username`,
    )
    .all(channelId);
}

/** Enabled members holding any of these channels, with the channel slugs they hold among them; by username. */
export function listMembersOfChannels(db: Db, channelIds: readonly number[]): { id: number; username: string; channels: string[] }[] {
  if (channelIds.length === 0) return [];
  const rows = db
    .prepare<[string], { id: number; username: string; slugs: string }>(
      `SELECT s.id, s.username, json_group_array(c.slug) AS slugs
       FROM staff s JOIN channel_grants g ON g.staff_id = s.id JOIN channels c ON c.id = g.channel_id
       WHERE s.disabled = 0 AND g.channel_id IN (SELECT value FROM json_each(?))
       GROUP BY s.id ORDER BY s.username`,
    )
    .all(JSON.stringify(channelIds));
  return rows.map((row) => ({ id: row.id, username: row.username, channels: (JSON.parse(row.slugs) as string[]).sort() }));
}
