/** Channels: destination teams, each with its own age recipient, named in each language. */
import type { Db } from './database';
import { isLang, type Lang } from '../../contract/languages';
import type { ChannelNames } from '../../contract/schemas/channels';
import type { ChannelRow } from '../../contract/schemas/staff-oversight-views';
import { keyTypeOf } from '../crypto/age';

export interface Channel extends ChannelNames {
  recipient: string;
}

/** A text per language, as the `names` and `descriptions` columns keep it (JSON). */
export type PerLanguage = Partial<Record<Lang, string>>;

interface ChannelColumns {
  id: number;
  slug: string;
  name: string;
  recipient: string;
  names: string;
  descriptions: string;
}

const CHANNEL_COLUMNS = 'c.id, c.slug, c.name, c.recipient, c.names, c.descriptions';

/** A JSON column read back: only languages the site speaks, only non-empty texts (a language dropped from the list is ignored). */
function perLanguage(json: string): PerLanguage {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter(([lang, text]) => isLang(lang) && typeof text === 'string' && text !== ''));
}

function fromColumns<T extends ChannelColumns>(row: T): Omit<T, 'names' | 'descriptions'> & Pick<Channel, 'names' | 'descriptions'> {
  return { ...row, names: perLanguage(row.names), descriptions: perLanguage(row.descriptions) };
}

/** Insert a channel; returns its id. */
export function createChannel(db: Db, channel: Omit<Channel, 'id' | 'descriptions'> & Partial<Pick<Channel, 'descriptions'>>, at: string): number {
  const result = db
    .prepare('INSERT INTO channels (slug, name, recipient, names, descriptions, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(channel.slug, channel.name, channel.recipient, JSON.stringify(channel.names), JSON.stringify(channel.descriptions ?? {}), at);
  return Number(result.lastInsertRowid);
}

/** Set a channel's default name and its name and description in each language (what is left out is cleared). */
export function renameChannel(db: Db, id: number, names: { name: string; names: PerLanguage; descriptions: PerLanguage }): void {
  db.prepare('UPDATE channels SET name = ?, names = ?, descriptions = ? WHERE id = ?').run(
    names.name,
    JSON.stringify(names.names),
    JSON.stringify(names.descriptions),
    id,
  );
}

/** The channel with this slug, or null. */
export function findChannelBySlug(db: Db, slug: string): Channel | null {
  const row = db.prepare<[string], ChannelColumns>(`SELECT ${CHANNEL_COLUMNS} FROM channels c WHERE c.slug = ?`).get(slug);
  return row === undefined ? null : fromColumns(row);
}

/** The channel with this id, or null. */
export function findChannelById(db: Db, id: number): Channel | null {
  const row = db.prepare<[number], ChannelColumns>(`SELECT ${CHANNEL_COLUMNS} FROM channels c WHERE c.id = ?`).get(id);
  return row === undefined ? null : fromColumns(row);
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
  return db.prepare<[], ChannelColumns>(`SELECT ${CHANNEL_COLUMNS} FROM channels c ORDER BY c.id`).all().map(fromColumns);
}

type ChannelRowColumns = ChannelColumns & { holders: number; reports: number };

/** A channel with how many enabled members hold its key and how many reports it has. */
const CHANNEL_ROWS = `SELECT ${CHANNEL_COLUMNS},
    (SELECT count(*) FROM channel_grants g JOIN staff s ON s.id = g.staff_id
      WHERE g.channel_id = c.id AND s.disabled = 0) AS holders,
    (SELECT count(*) FROM reports r WHERE r.channel_id = c.id) AS reports
  FROM channels c`;

/** A channel row as the admin screens show it: with its key type, read off its recipient. */
function rowOf(columns: ChannelRowColumns): ChannelRow {
  return { ...fromColumns(columns), keyType: keyTypeOf(columns.recipient) };
}

/** Every channel with its holder and report counts, by id. */
export function listChannels(db: Db): ChannelRow[] {
  return db.prepare<[], ChannelRowColumns>(`${CHANNEL_ROWS} ORDER BY c.id`).all().map(rowOf);
}

/** One channel with its holder and report counts, or null. */
export function findChannelRow(db: Db, id: number): ChannelRow | null {
  const row = db.prepare<[number], ChannelRowColumns>(`${CHANNEL_ROWS} WHERE c.id = ?`).get(id);
  return row === undefined ? null : rowOf(row);
}

/** A channel as every answer names it: no key material, no counts. */
export function channelNames(channel: Channel): ChannelNames {
  const { id, slug, name, names, descriptions } = channel;
  return { id, slug, name, names, descriptions };
}
