/**
 * Instance set-up: the instance key file, the default channels with their
 * age keys, and the first staff account that holds every channel key.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateKeyPair } from '../crypto/age';
import { generateSigningKey, signingKeyFromSeed, signingSeed, type SigningKeyPair } from '../crypto/signing';
import type { KdfPool } from '../crypto/argon2';
import { appendAudit } from '../data/audit';
import { createChannel } from '../data/channels';
import type { Db } from '../data/database';
import { addChannelGrant, countStaff, createStaff } from '../data/staff';
import { toSecond } from '../time';
import { prepareStaffAccount, wrapChannelIdentity } from './staff-keys';
import type { ChannelKeyType } from '../../contract/vocabulary';

/** The channels every new instance starts with; the report categories route to them by slug. */
export const DEFAULT_CHANNELS = [
  { slug: 'organised_crime', name: 'Organised crime', names: { 'zh-hant': '組織犯罪', 'zh-hans': '组织犯罪', en: 'Organised crime' } },
  {
    slug: 'official_protection',
    name: 'Officials protecting crime, or corruption',
    names: { 'zh-hant': '官員包庇犯罪或貪腐', 'zh-hans': '官员包庇犯罪或腐败', en: 'Officials protecting crime, or corruption' },
  },
  { slug: 'case_interference', name: 'Interference in cases', names: { 'zh-hant': '干預案件', 'zh-hans': '干预案件', en: 'Interference in cases' } },
  {
    slug: 'sector_disorder',
    name: 'Abuses in a trade or industry',
    names: { 'zh-hant': '行業亂象', 'zh-hans': '行业乱象', en: 'Abuses in a trade or industry' },
  },
  { slug: 'other', name: 'Other', names: { 'zh-hant': '其他', 'zh-hans': '其他', en: 'Other' } },
] as const;

export const DATABASE_FILE = 'tipline.db';

/** A problem with the data directory that the operator must fix; its message says how. */
export class DataDirError extends Error {}
export const INSTANCE_KEY_FILE = 'instance.key';

/** True once the first staff account exists. */
export function isInitialised(db: Db): boolean {
  return countStaff(db) > 0;
}

/**
 * The 32-byte key for lookup tags, created on first use. It lives in its own
 * file (mode 0600) rather than in the database, so a copy of the database
 * alone does not even give the tag function.
 */
export function loadOrCreateInstanceKey(dataDir: string, db: Db): Buffer {
  const file = path.join(dataDir, INSTANCE_KEY_FILE);
  if (existsSync(file)) {
    const key = readFileSync(file);
    if (key.length !== 32) throw new DataDirError(`${file} is damaged: expected 32 bytes, found ${key.length}`);
    return key;
  }
  // A new key would silently orphan every tracking code already issued.
  const reports = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports').get()?.n ?? 0;
  if (reports > 0) {
    throw new DataDirError(`${file} is missing but the database holds ${reports} report(s): restore it from the backup of this data directory`);
  }
  const key = randomBytes(32);
  writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

/**
 * Make the default channels (with keys of `channelKeyType`, X25519 unless
 * told) and the first staff account (an admin holding every channel key) in
 * one transaction. Refuses an instance that already has staff.
 *
 * `mustChangePassword` is for a password the operator did not choose (the
 * one `npm start` generates and prints): it may sit in a terminal's
 * scrollback or a journal, so the first sign-in must replace it, as it must
 * for an account an admin creates.
 */
export async function initialiseInstance(
  db: Db,
  kdf: KdfPool,
  firstAccount: {
    username: string;
    password: string;
    mustChangePassword?: boolean;
  },
  options: { channelKeyType?: ChannelKeyType; now?: Date } = {},
): Promise<{ staffId: number; recoveryCode: string }> {
  const { channelKeyType = 'x25519', now = new Date() } = options;
  if (isInitialised(db)) throw new Error('this data directory is already initialised');
  const at = toSecond(now);
  // All slow, asynchronous work first: better-sqlite3 transactions are synchronous.
  const { account, recoveryCode } = await prepareStaffAccount(kdf, { ...firstAccount, role: 'admin' });
  const channels = await Promise.all(
    DEFAULT_CHANNELS.map(async (channel) => {
      const keys = await generateKeyPair(channelKeyType);
      return { ...channel, recipient: keys.recipient, wrapped: await wrapChannelIdentity(account.recipient, keys.identity) };
    }),
  );
  const staffId = db.transaction(() => {
    if (isInitialised(db)) throw new Error('this data directory is already initialised');
    const id = createStaff(db, account, at);
    for (const channel of channels) {
      const channelId = createChannel(db, { slug: channel.slug, name: channel.name, names: channel.names, recipient: channel.recipient }, at);
      addChannelGrant(db, { staffId: id, channelId, wrappedIdentity: channel.wrapped, grantedBy: null }, at);
    }
    appendAudit(db, { at, actorStaffId: id, action: 'instance.initialised', detail: { channels: channels.length } });
    return id;
  }).immediate();
  return { staffId, recoveryCode };
}

export const INSTANCE_SIGNING_KEY_FILE = 'instance-signing.key';

/**
 * The instance's Ed25519 signing key (its 32-byte seed), created on first
 * use. It signs the audit trail's checkpoints and referral manifests. Like
 * instance.key it lives beside the database, never in it (mode 0600, in the
 * backup): a thief of the database alone cannot forge a checkpoint.
 */
export function loadOrCreateInstanceSigningKey(dataDir: string): SigningKeyPair {
  const file = path.join(dataDir, INSTANCE_SIGNING_KEY_FILE);
  if (existsSync(file)) {
    const seed = readFileSync(file);
    if (seed.length !== 32) throw new DataDirError(`${file} is damaged: expected 32 bytes, found ${seed.length}`);
    return signingKeyFromSeed(seed);
  }
  const pair = generateSigningKey();
  writeFileSync(file, signingSeed(pair), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return pair;
}

/** A random password for the generated first account: 24 characters, ~144 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
