/**
 * What admins do: add and disable staff, add channels, grant channels. A
 * channel key can only be handed on by someone who holds it, so every grant
 * uses the acting admin's own unwrapped channel identities; an admin never
 * sees another member's keys.
 */
import { generateKeyPair } from '../crypto/age';
import type { KdfPool } from '../crypto/argon2';
import type { SessionStore, StaffSession } from '../auth/session-store';
import { appendAudit } from '../data/audit';
import { createChannel, findChannelById, findChannelBySlug, findChannelRow, renameChannel, type PerLanguage } from '../data/channels';
import type { RenameChannelRequest } from '../../contract/schemas/channels';
import type { ChannelRow } from '../../contract/schemas/staff-oversight-views';
import type { Db } from '../data/database';
import { channelsOnlyHeldBy, hasGrant } from '../data/grants';
import { addChannelGrant, createStaff, findStaffById, findStaffByUsername } from '../data/staff';
import type { ChannelKeyType, StaffRole } from '../../contract/vocabulary';
import { setDisabled } from '../data/staff-security';
import { fail } from '../errors';
import { toSecond } from '../time';
import { prepareStaffAccount, wrapChannelIdentity } from './staff-keys';

export interface AdminDeps {
  db: Db;
  /** Argon2id parameters and the staff pool. */
  kdf: KdfPool;
  sessions: SessionStore;
  now: () => Date;
}

/** Channel ids for slugs the admin holds; 400 naming the field otherwise. */
function heldChannels(deps: AdminDeps, admin: StaffSession, slugs: readonly string[]): { id: number; identity: string }[] {
  return slugs.map((slug) => {
    const channel = findChannelBySlug(deps.db, slug);
    const identity = channel ? admin.channelIdentities.get(channel.id) : undefined;
    if (!channel || identity === undefined) throw fail('invalid_input', { channels: 'invalid_choice' });
    return { id: channel.id, identity };
  });
}

/**
 * A new account with an admin-chosen first password (changed at first
 * sign-in) and the given channels; returns its id and recovery code.
 */
export async function addStaffMember(
  deps: AdminDeps,
  admin: StaffSession,
  request: { username: string; password: string; role: StaffRole; channels: readonly string[] },
): Promise<{ id: number; recoveryCode: string }> {
  if (request.role === 'auditor' && request.channels.length > 0) throw fail('invalid_input', { channels: 'invalid' });
  if (findStaffByUsername(deps.db, request.username)) throw fail('conflict');
  const channels = heldChannels(deps, admin, request.channels);
  const { account, recoveryCode } = await prepareStaffAccount(deps.kdf, { ...request, mustChangePassword: true });
  const wrapped = await Promise.all(channels.map(async (c) => ({ id: c.id, wrapped: await wrapChannelIdentity(account.recipient, c.identity) })));
  const at = toSecond(deps.now());
  const id = deps.db.transaction(() => {
    const staffId = createStaff(deps.db, account, at);
    appendAudit(deps.db, { at, actorStaffId: admin.staffId, action: 'staff.created', detail: { staffId, role: request.role } });
    for (const grant of wrapped) {
      addChannelGrant(deps.db, { staffId, channelId: grant.id, wrappedIdentity: grant.wrapped, grantedBy: admin.staffId }, at);
      appendAudit(deps.db, { at, actorStaffId: admin.staffId, action: 'channel.granted', channelId: grant.id, detail: { staffId } });
    }
    return staffId;
  }).immediate();
  return { id, recoveryCode };
}

/** Disable or re-enable an account; never one's own, never the last holder of a channel key. */
export function setStaffDisabled(deps: AdminDeps, admin: StaffSession, staffId: number, disabled: boolean): void {
  const target = findStaffById(deps.db, staffId);
  if (!target) throw fail('not_found');
  if (staffId === admin.staffId) throw fail('conflict');
  if (disabled && channelsOnlyHeldBy(deps.db, staffId).length > 0) throw fail('last_key_holder');
  setDisabled(deps.db, staffId, disabled);
  if (disabled) deps.sessions.endAllFor(staffId);
  appendAudit(deps.db, { at: toSecond(deps.now()), actorStaffId: admin.staffId, action: disabled ? 'staff.disabled' : 'staff.enabled', detail: { staffId } });
}

/** A new channel with a fresh key (of the type asked, else `defaultKeyType`), held at first by the admin who made it. */
export async function addChannel(
  deps: AdminDeps,
  admin: StaffSession,
  request: { slug: string; name: string; keyType?: ChannelKeyType | undefined },
  defaultKeyType: ChannelKeyType = 'x25519',
): Promise<{ id: number; recipient: string }> {
  if (findChannelBySlug(deps.db, request.slug)) throw fail('conflict');
  const keys = await generateKeyPair(request.keyType ?? defaultKeyType);
  const wrapped = await wrapChannelIdentity(admin.personalRecipient, keys.identity);
  const at = toSecond(deps.now());
  const id = deps.db.transaction(() => {
    const channelId = createChannel(deps.db, { slug: request.slug, name: request.name, names: {}, recipient: keys.recipient }, at);
    addChannelGrant(deps.db, { staffId: admin.staffId, channelId, wrappedIdentity: wrapped, grantedBy: admin.staffId }, at);
    appendAudit(deps.db, { at, actorStaffId: admin.staffId, action: 'channel.created', channelId });
    return channelId;
  }).immediate();
  for (const session of deps.sessions.sessionsOf(admin.staffId)) session.channelIdentities.set(id, keys.identity);
  return { id, recipient: keys.recipient };
}

/** Rename a channel: its default name and its name and description in each language (empty texts clear them). */
export function renameChannelAs(deps: AdminDeps, admin: StaffSession, channelId: number, request: RenameChannelRequest): ChannelRow {
  if (findChannelById(deps.db, channelId) === null) throw fail('not_found');
  const nonEmpty = (texts: PerLanguage): PerLanguage => Object.fromEntries(Object.entries(texts).filter(([, text]) => text !== ''));
  deps.db.transaction(() => {
    renameChannel(deps.db, channelId, { name: request.name, names: nonEmpty(request.names), descriptions: nonEmpty(request.descriptions) });
    appendAudit(deps.db, { at: toSecond(deps.now()), actorStaffId: admin.staffId, action: 'channel.renamed', channelId });
  }).immediate();
  const row = findChannelRow(deps.db, channelId);
  if (row === null) throw fail('not_found');
  return row;
}

/** Hand a channel key the admin holds to another member (wrapped to their personal recipient). */
export async function grantChannelTo(deps: AdminDeps, admin: StaffSession, request: { staffId: number; channel: string }): Promise<void> {
  const grantee = findStaffById(deps.db, request.staffId);
  if (!grantee || grantee.disabled) throw fail('not_found');
  if (grantee.role === 'auditor') throw fail('invalid_input', { staffId: 'invalid' });
  const [channel] = heldChannels(deps, admin, [request.channel]);
  if (!channel) throw fail('invalid_input', { channel: 'invalid_choice' });
  if (hasGrant(deps.db, grantee.id, channel.id)) throw fail('conflict');
  const wrapped = await wrapChannelIdentity(grantee.recipient, channel.identity);
  const at = toSecond(deps.now());
  deps.db.transaction(() => {
    addChannelGrant(deps.db, { staffId: grantee.id, channelId: channel.id, wrappedIdentity: wrapped, grantedBy: admin.staffId }, at);
    appendAudit(deps.db, { at, actorStaffId: admin.staffId, action: 'channel.granted', channelId: channel.id, detail: { staffId: grantee.id } });
  }).immediate();
  // The grantee's open sessions can use the key at once.
  for (const session of deps.sessions.sessionsOf(grantee.id)) session.channelIdentities.set(channel.id, channel.identity);
}
