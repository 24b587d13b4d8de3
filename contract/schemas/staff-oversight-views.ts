/**
 * What the staff API answers on the administration, audit and register
 * pages: the only definition (OpenAPI, the server's types and the console's
 * types derive from these; the console imports types only).
 */
import { z } from 'zod';
import { channelNamesSchema } from './channels';
import { CHANNEL_KEY_TYPES, STAFF_ROLES } from '../vocabulary';
import { interferenceEntrySchema } from './staff-views';

/** GET /api/staff/admin/staff: every account with its channels, never key material. */
export const staffAccountSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.enum(STAFF_ROLES),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  channels: z.array(z.string()).meta({ description: 'Slugs of the channels whose key the account holds.' }),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;
export const staffListSchema = z.object({ staff: z.array(staffAccountSchema) });

/** GET /api/staff/admin/channels. */
export const channelRowSchema = channelNamesSchema.extend({
  recipient: z.string().meta({ description: "The channel's age recipient (public key)." }),
  keyType: z.enum(CHANNEL_KEY_TYPES).meta({ description: 'x25519 (age1…) or pq, the post-quantum hybrid ML-KEM-768 + X25519 (age1pq1…).' }),
  holders: z.number().int().meta({ description: 'Enabled staff members who hold the channel key.' }),
  reports: z.number().int(),
});
export type ChannelRow = z.infer<typeof channelRowSchema>;
export const channelListSchema = z.object({ channels: z.array(channelRowSchema) });
/** POST /api/staff/admin/channels/{id}/names: the channel as it is now. */
export const channelRenamedSchema = z.object({ channel: channelRowSchema });

/** GET /api/staff/admin/grants: who holds which channel key. */
export const grantRowSchema = z.object({
  staffId: z.number().int(),
  username: z.string(),
  channelId: z.number().int(),
  channel: z.string(),
  grantedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type GrantRow = z.infer<typeof grantRowSchema>;
export const grantListSchema = z.object({ grants: z.array(grantRowSchema) });

const counts = z.array(z.object({ key: z.string(), count: z.number().int() }));
/** Counts by a key and an outcome: closed leads per channel or region and how each was closed. */
const outcomeCounts = z.array(z.object({ key: z.string(), outcome: z.string(), count: z.number().int() }));
const byChannelAndRegion = {
  total: z.number().int(),
  byChannel: counts.meta({ description: 'Keyed by the channel slug of the lead.' }),
  byRegion: counts.meta({ description: "Keyed by the lead's region as stored; '' when none was given." }),
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day as YYYY-MM-DD that exists (no 2026-02-30). */
const day = z
  .string()
  .regex(DAY)
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, 'not a calendar day');

/**
 * GET /api/staff/stats query: an inclusive range of days (UTC). Leads count
 * by the hour they were received; register entries (referrals,
 * interference) by the hour they were recorded. Either end may be left open.
 */
export const statisticsQuerySchema = z
  .object({
    from: day.optional().meta({ description: 'First day counted, YYYY-MM-DD (UTC), inclusive.' }),
    to: day.optional().meta({ description: 'Last day counted, YYYY-MM-DD (UTC), inclusive.' }),
  })
  .refine((range) => range.from === undefined || range.to === undefined || range.from <= range.to, { path: ['to'], message: 'before from' });
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

/** GET /api/staff/stats: computed from clear metadata only. */
export const statisticsSchema = z.object({
  range: z
    .object({ from: z.string().nullable(), to: z.string().nullable() })
    .meta({ description: 'The days counted, as asked; null for an open end.' }),
  total: z.number().int(),
  byChannel: counts.meta({ description: 'Keyed by channel slug; `channels` names each.' }),
  byCategory: counts,
  byRegion: counts,
  byStatus: counts,
  byMonth: counts,
  medianHoursToAcknowledge: z.number().nullable().meta({ description: 'Median hours from receipt to acknowledgement; null when none.' }),
  overdue: z.object({ acknowledgement: z.number().int(), feedback: z.number().int() }),
  channels: z.array(channelNamesSchema).meta({ description: 'Every channel, to name the keys of `byChannel` in the reader\'s language.' }),
  interference: z
    .object({
      ...byChannelAndRegion,
      byMonth: counts.meta({ description: 'Keyed by YYYY-MM of when the entry was recorded.' }),
    })
    .meta({ description: 'Interference register entries recorded in the range, counted from the clear kind and hour of case records; what an entry says stays encrypted.' }),
  referrals: z
    .object(byChannelAndRegion)
    .meta({ description: 'Referrals to a competent authority recorded in the range, counted from the clear kind and hour of case records.' }),
  outcomes: z
    .object({
      total: z.number().int(),
      byOutcome: counts,
      byChannel: outcomeCounts.meta({ description: 'Closed leads per channel slug and outcome.' }),
      byRegion: outcomeCounts.meta({ description: "Closed leads per region ('' when none) and outcome." }),
    })
    .meta({ description: 'Leads received in the range that are closed, by outcome.' }),
  overdueLeads: z
    .object(byChannelAndRegion)
    .meta({ description: 'Leads received in the range that are on the slow-progress register now: open and past the acknowledgement or feedback deadline.' }),
});
export type Statistics = z.infer<typeof statisticsSchema>;

/** The audit chain recomputed from its start. */
export const auditChainSchema = z.union([
  z.object({ ok: z.literal(true), entries: z.number().int() }),
  z.object({ ok: z.literal(false), entries: z.number().int(), brokenAtId: z.number().int() }),
]);
export type AuditChain = z.infer<typeof auditChainSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorStaffId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  reportId: z.number().int().nullable(),
  channelId: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** GET /api/staff/reports/{id}/audit: entries newest first. */
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable().meta({ description: 'Pass as `before` for older entries; null on the last page.' }),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** GET /api/staff/audit: a page of the whole trail, and the chain verified. */
/** The signed checkpoints of the trail, checked on the server (server/services/audit-verify.ts). */
export const auditCheckpointStatusSchema = z.object({
  count: z.number().int(),
  /** False when a checkpoint's signature, their chain, or the trail's head at a checkpoint's size does not hold (or the checkpoint file disagrees). */
  ok: z.boolean(),
  latest: z.object({ sequence: z.number().int(), entries: z.number().int(), time: z.string() }).nullable(),
});
export type AuditCheckpointStatus = z.infer<typeof auditCheckpointStatusSchema>;

export const auditTrailPageSchema = auditPageSchema.extend({ chain: auditChainSchema, checkpoints: auditCheckpointStatusSchema });
export type AuditTrailPage = z.infer<typeof auditTrailPageSchema>;

/** GET /api/staff/interference: the register across the caller's channels. */
export const interferencePageSchema = z.object({ records: z.array(interferenceEntrySchema), nextCursor: z.string().nullable() });
export type InterferencePage = z.infer<typeof interferencePageSchema>;

/** POST /api/staff/admin/staff: the new account, and its recovery code, shown once to the admin. */
export const staffCreatedSchema = z.object({ id: z.number().int(), recoveryCode: z.string() });
/** POST /api/staff/admin/channels: the new channel, held by the admin who made it. */
export const channelCreatedSchema = z.object({ id: z.number().int(), recipient: z.string() });
