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
