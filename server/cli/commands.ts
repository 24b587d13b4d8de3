/**
 * The CLI's commands, each working on an opened data directory. Output goes
 * to the returned string; errors are CliErrors with one clear line.
 */
import type { Config } from '../config';
import type { KdfPool } from '../crypto/argon2';
import type { SigningKeyPair } from '../crypto/signing';
import { appendAudit } from '../data/audit';
import { findChannelById, findChannelBySlug, listChannels } from '../data/channels';
import type { FileStore } from '../files/file-store';
import type { Db } from '../data/database';
import { listMessages } from '../data/messages';
import { findReportById } from '../data/reports';
import { addChannelGrant, createStaff, findStaffByUsername } from '../data/staff';
import { STAFF_ROLES, type StaffRole } from '../../contract/vocabulary';
import { decryptText } from '../crypto/age';
import { initialiseInstance, isInitialised } from '../services/instance';
import { prepareStaffAccount, unlockStaff, wrapChannelIdentity, type UnlockedStaff } from '../services/staff-keys';
import { toSecond } from '../time';
import { CliError } from './stdin';

export interface CommandContext {
  db: Db;
  config: Config;
  files: FileStore;
  /** The instance's Ed25519 key: signs and checks the audit trail's checkpoints. */
  signingKey: SigningKeyPair;
  /** Argon2id parameters and the CLI's own pool (the staff limits: it is staff work, in a process of its own). */
  kdf: KdfPool;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/i;

function checkUsername(username: string): void {
  if (!USERNAME.test(username)) throw new CliError(`invalid username "${username}": use 2-64 letters, digits, dots, dashes or underscores`);
}

/** `init`: make the default channels and the first account on an empty data directory. */
export async function initCommand(ctx: CommandContext, username: string, password: string): Promise<string> {
  checkUsername(username);
  if (isInitialised(ctx.db)) throw new CliError(`${ctx.config.dataDir} is already initialised`);
  const { recoveryCode } = await initialiseInstance(ctx.db, ctx.kdf, { username, password }, { channelKeyType: ctx.config.channelKeyType }).catch(
    rethrowAsCliError,
  );
  return [
    `Initialised ${ctx.config.dataDir}: ${username} (admin) holds every channel key.`,
    `Recovery code for ${username} (shown once; it resets a forgotten password): ${recoveryCode}`,
  ].join('\n');
}

/** `staff add`: a new account, optionally granted channels the granting member holds. */
export async function staffAddCommand(
  ctx: CommandContext,
  options: { username: string; role: string; channels: string; password: string; grantedBy?: string; granterPassword?: string },
): Promise<string> {
  checkUsername(options.username);
  const role = STAFF_ROLES.find((known) => known === options.role);
  if (!role) throw new CliError(`invalid role "${options.role}": use admin, triager or auditor`);
  if (findStaffByUsername(ctx.db, options.username)) throw new CliError(`a staff member named ${options.username} already exists`);
  const channelIds = resolveChannels(ctx.db, options.channels);
  if (role === 'auditor' && channelIds.length > 0) throw new CliError('auditors read no report content: use --channels none');

  let granter: UnlockedStaff | null = null;
  if (channelIds.length > 0) {
    if (!options.grantedBy || options.granterPassword === undefined) {
      throw new CliError('granting channels needs --granted-by NAME and that member\'s password on the second line of standard input');
    }
    granter = await unlockStaff(ctx.db, ctx.kdf, options.grantedBy, options.granterPassword);
    if (!granter) throw new CliError(`cannot unlock ${options.grantedBy}: wrong username or password`);
    const missing = channelIds.filter((id) => !granter?.channelIdentities.has(id));
    if (missing.length > 0) {
      const slugs = missing.map((id) => findChannelById(ctx.db, id)?.slug ?? String(id));
      throw new CliError(`${options.grantedBy} does not hold the key of: ${slugs.join(', ')}`);
    }
  }

  const { account, recoveryCode } = await prepareStaffAccount(ctx.kdf, {
    username: options.username,
    password: options.password,
    role,
  }).catch(rethrowAsCliError);
  const wrapped = await Promise.all(
    channelIds.map(async (id) => ({ id, wrapped: await wrapChannelIdentity(account.recipient, granter?.channelIdentities.get(id) ?? '') })),
  );
  const at = toSecond(new Date());
  const staffId = ctx.db.transaction(() => {
    const id = createStaff(ctx.db, account, at);
    for (const grant of wrapped) {
      addChannelGrant(ctx.db, { staffId: id, channelId: grant.id, wrappedIdentity: grant.wrapped, grantedBy: granter?.id ?? null }, at);
      appendAudit(ctx.db, { at, actorStaffId: granter?.id ?? null, action: 'channel.granted', channelId: grant.id, detail: { staffId: id } });
    }
    appendAudit(ctx.db, { at, actorStaffId: granter?.id ?? null, action: 'staff.created', detail: { staffId: id, role } });
    return id;
  }).immediate();
  return [
    `Added ${options.username} (${role}, id ${staffId}) with ${channelIds.length} channel key(s).`,
    `Recovery code for ${options.username} (shown once; hand it over with the password): ${recoveryCode}`,
  ].join('\n');
}

function resolveChannels(db: Db, spec: string): number[] {
  if (spec === 'none' || spec === '') return [];
  if (spec === 'all') return listChannels(db).map((channel) => channel.id);
  return spec.split(',').map((slug) => {
    const channel = findChannelBySlug(db, slug.trim());
    if (!channel) throw new CliError(`unknown channel "${slug.trim()}" (see \`tipline channels list\`)`);
    return channel.id;
  });
}

/** `channels list`: slug, holders, reports and recipient of every channel. */
export function channelsListCommand(ctx: CommandContext): string {
  const rows = listChannels(ctx.db);
  if (rows.length === 0) return 'No channels: run `tipline init` first.';
  const lines = rows.map((c) => `${c.slug.padEnd(22)} ${String(c.holders).padStart(7)} ${String(c.reports).padStart(7)}  ${c.recipient}  ${c.name}`);
  return [`${'channel'.padEnd(22)} ${'holders'.padStart(7)} ${'reports'.padStart(7)}  recipient`, ...lines].join('\n');
}

/** `report show`: decrypt one report for a member of its channel; the view is audited. */
export async function reportShowCommand(ctx: CommandContext, reportId: number, username: string, password: string): Promise<string> {
  const staff = await unlockStaff(ctx.db, ctx.kdf, username, password);
  if (!staff) throw new CliError(`cannot unlock ${username}: wrong username or password`);
  const report = findReportById(ctx.db, reportId);
  const identity = report ? staff.channelIdentities.get(report.channelId) : undefined;
  // A report outside the member's channels answers exactly like a missing one.
  if (!report || identity === undefined) throw new CliError(`no report ${reportId} in your channels`);
  const channel = findChannelById(ctx.db, report.channelId);
  const content: Record<string, unknown> = JSON.parse(await decryptText([identity], report.content));
  delete content['version'];
  const messages = await Promise.all(
    listMessages(ctx.db, report.id).map(async (m) => ({ from: m.author, at: m.createdAt, body: await decryptText([identity], m.body) })),
  );
  appendAudit(ctx.db, { at: toSecond(new Date()), actorStaffId: staff.id, action: 'report.viewed', reportId: report.id, channelId: report.channelId });
  return JSON.stringify(
    {
      id: report.id,
      channel: channel?.slug,
      category: report.category,
      region: report.region,
      status: report.status,
      receivedAt: report.receivedAt,
      ackDueAt: report.ackDueAt,
      feedbackDueAt: report.feedbackDueAt,
      hasContactDetails: report.contact !== null,
      content,
      messages,
    },
    null,
    2,
  );
}

function rethrowAsCliError(error: unknown): never {
  throw new CliError(error instanceof Error ? error.message : String(error));
}

export type { StaffRole };
