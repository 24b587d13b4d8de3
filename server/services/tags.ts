/**
 * Tags per channel: any member holding a channel may make a tag for its
 * leads and put it on them. A tag's name can say as much as a lead ("Mayor
 * Lin"), so it is encrypted to the channel like a note and only read in
 * sessions that hold the channel; which lead carries which tag is clear, by
 * id, so the queue filters without decrypting.
 */
import type { StaffSession } from '../auth/session-store';
import { decryptText, encryptTo } from '../crypto/age';
import { appendAudit } from '../data/audit';
import { findChannelBySlug, findChannelById } from '../data/channels';
import type { Db } from '../data/database';
import { insertTag, listTags } from '../data/tags';
import { fail } from '../errors';
import type { TagList } from '../../contract/schemas/staff-views';
import { toHour, toSecond } from '../time';
import { sessionChannelIds } from './case-access';

/** The tags of the member's channels, names decrypted. */
export async function tagsFor(db: Db, session: StaffSession): Promise<TagList> {
  const tags: TagList['tags'] = [];
  const slugs = new Map<number, string>();
  for (const row of listTags(db, sessionChannelIds(session))) {
    const identity = session.channelIdentities.get(row.channelId);
    if (identity === undefined) continue;
    if (!slugs.has(row.channelId)) slugs.set(row.channelId, findChannelById(db, row.channelId)?.slug ?? '');
    tags.push({ id: row.id, channel: slugs.get(row.channelId) ?? '', name: await decryptText([identity], row.name) });
  }
  return { tags };
}

/** Make a tag for a channel the member holds (404 otherwise); 409 conflict when the channel has one of that name. Audited as tag.created. */
export async function createTag(db: Db, session: StaffSession, input: { channel: string; name: string }, now: Date): Promise<{ id: number }> {
  const channel = findChannelBySlug(db, input.channel);
  if (!channel || !session.channelIdentities.has(channel.id)) throw fail('not_found');
  const existing = (await tagsFor(db, session)).tags.filter((tag) => tag.channel === channel.slug);
  const wanted = input.name.normalize('NFKC').toLowerCase();
  if (existing.some((tag) => tag.name.normalize('NFKC').toLowerCase() === wanted)) throw fail('conflict');
  const name = await encryptTo([channel.recipient], input.name);
  return db
    .transaction(() => {
      const id = insertTag(db, { channelId: channel.id, name, createdBy: session.staffId, createdAt: toHour(now) });
      appendAudit(db, { at: toSecond(now), actorStaffId: session.staffId, action: 'tag.created', channelId: channel.id, detail: { tagId: id } });
      return { id };
    })
    .immediate();
}
