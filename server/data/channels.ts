/** Channels: destination teams, each with its own age recipient. */
import type { Db } from './database';
import type { ChannelRow } from '../../contract/schemas/staff-oversight-views';

export interface Channel {
  id: number;
  slug: string;
  name: string;
  recipient: string;
}

/** Insert a channel; returns its id. */
export function createChannel(db: Db, channel: Omit<Channel, 'id'>, at: string): number {
  const result = db
    .prepare('INSERT INTO channels (slug, name, recipient, created_at) VALUES (?, ?, ?, ?)')
    .run(channel.slug, channel.name, channel.recipient, at);
  return Number(result.lastInsertRowid);
}

/** The channel with this slug, or null. */
export function findChannelBySlug(db: Db, slug: string): Channel | null {
  return db.prepare<[string], Channel>('SELECT id, slug, name, recipient FROM channels WHERE slug = ?').get(slug) ?? null;
}

/** The channel with this id, or null. */
export function findChannelById(db: Db, id: number): Channel | null {
  return db.prepare<[number], Channel>('SELECT id, slug, name, recipient FROM channels WHERE id = ?').get(id) ?? null;
}

/** How many enabled staff members hold the channel's identity. */
export function countChannelHolders(db: Db, channelId: number): number {
  const row = db
    .prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM channel_grants g JOIN staff s ON s.id = g.staff_id
       WHERE g.channel_id = ? AND s.disabled = 0`,
    )
    .get(channelId);
  return row?.n ?? 0;
}

/** Every channel (no counts), by id: cheap enough for every session check. */
export function listChannelNames(db: Db): Channel[] {
  return db.prepare<[], Channel>('SELECT id, slug, name, recipient FROM channels ORDER BY id').all();
}

/** Every channel with its holder and report counts, by id. */
export function listChannels(db: Db): ChannelRow[] {
  return db
    .prepare<[], ChannelRow>(
      `SELECT c.id, c.slug, c.name, c.recipient,
         (SELECT count(*) FROM channel_grants g JOIN staff s ON s.id = g.staff_id
           WHERE g.channel_id = c.id AND s.disabled = 0) AS holders,
         (SELECT count(*) FROM reports r WHERE r.channel_id = c.id) AS reports
       FROM channels c ORDER BY c.id`,
    )
    .all();
}
