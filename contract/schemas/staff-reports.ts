/**
 * Request shapes for the staff queue and case workflow routes
 * (/api/staff/reports, /queue, /interference, /leads): the only definition.
 */
import { z } from 'zod';
import { LIMITS } from '../report-fields';
import { CATEGORIES, CLOSE_OUTCOMES, INTERFERENCE_METHODS, INTERNAL_STATUSES, LEAD_SOURCES, PRIORITY_MAX, QUEUE_SORTS, REPORT_SOURCES } from '../vocabulary';
import { reportFieldsSchema, withRegionFromBox } from './reporter';

const text = (min: number, max: number): z.ZodString => z.string().trim().min(min).max(max);

export const LIST_LIMIT = { default: 50, max: 200 } as const;

/** GET /reports query. Query values are strings; `overdue` and `limit` are converted here. */
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const day = z.iso.date();

export const reportListQuerySchema = z.object({
  channel: text(1, 64).optional(),
  status: z
    .enum([...INTERNAL_STATUSES, 'all'])
    .optional()
    .meta({ description: 'A status, or "all". Absent: every status but closed (closed leads leave the default view).' }),
  category: z.enum(CATEGORIES).optional(),
  region: text(1, LIMITS.region.max).optional(),
  source: z.enum(REPORT_SOURCES).optional().meta({ description: 'Where the lead came from: web, phone, letter, visit or other.' }),
  priority: z.coerce.number().int().min(0).max(PRIORITY_MAX).optional(),
  overdue: flag.optional(),
  needsAction: flag.optional().meta({
    description:
      'true: only leads that need action — new or in triage and not acknowledged; awaiting the reporter where the reporter has written since the status was set; or past a deadline.',
  }),
  unread: flag.optional().meta({ description: 'true: only leads where the reporter has written since the caller last opened them.' }),
  from: day.optional().meta({ description: 'YYYY-MM-DD (UTC): received on or after this day.' }),
  to: day.optional().meta({ description: 'YYYY-MM-DD (UTC): received on or before this day.' }),
  tag: z
    .string()
    .regex(/^[1-9]\d{0,15}$/)
    .transform(Number)
    .optional()
    .meta({ description: 'A tag id (GET /tags): only leads carrying it.' }),
  sort: z.enum(QUEUE_SORTS).default('priority').meta({ description: 'priority (queue order, the default), received, or deadline (the next one due).' }),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .meta({ description: 'Default: desc for priority (highest first) and received (newest first), asc for deadline (soonest first).' }),
  lowEffort: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'true: only reports with the low-effort marker; false: only those without; absent: all.' }),
  assignee: z
    .union([z.literal('me'), z.literal('none'), z.string().regex(/^[1-9]\d{0,15}$/).transform(Number)])
    .optional()
    .meta({ description: 'A staff id, "me", or "none" for unassigned reports.' }),
  cursor: z.string().max(100).optional().meta({ description: 'The nextCursor of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT.max).default(LIST_LIMIT.default),
}).refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, { path: ['to'], message: 'before from' });
export type ReportListQuery = z.output<typeof reportListQuerySchema>;

/** GET /interference query. */
export const interferenceQuerySchema = z.object({
  channel: text(1, 64).optional(),
  cursor: z.string().regex(/^[1-9]\d{0,15}$/).transform(Number).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT.max).default(LIST_LIMIT.default),
});

/**
 * renew and release: only the holder of a live lease. take_over: anyone who
 * can open the report, from whoever holds it (audited with the previous holder).
 */
export const leaseSchema = z.object({ action: z.enum(['renew', 'release', 'take_over']) });
export type LeaseAction = z.infer<typeof leaseSchema>['action'];

/** Any status may be asked for; the state machine (409) decides, so `closed` gets a clear answer. */
export const statusChangeSchema = z.object({ status: z.enum(INTERNAL_STATUSES) });

export const prioritySchema = z.object({ priority: z.number().int().min(0).max(PRIORITY_MAX) });

export const assigneeSchema = z.object({ staffId: z.number().int().positive().nullable() });

/** Replies, public messages and notes. */
export const messageSchema = z.object({ body: text(1, LIMITS.followUp.max) });
/** POST /reports/:id/notes: a note, which its author may mark as a formal record (then it is signed with their key). */
export const noteSchema = messageSchema.extend({
  formal: z.boolean().optional().meta({ description: 'A formal record (簽字確認): signed with the author\'s signing key like a decision.' }),
});
export type NoteInput = z.infer<typeof noteSchema>;

export const referralSchema = z.object({
  agency: text(1, 200),
  reference: text(1, 200).optional(),
  date: z.iso.date().meta({ description: 'YYYY-MM-DD: when the case was referred.' }),
  tellReporter: z
    .boolean()
    .default(true)
    .meta({ description: 'Show the reporter which agency (encrypted to the channel and the reporter). Default true; false leaves what the reporter sees unchanged.' }),
});

/**
 * An entry of the interference register as officers keep it: who (name,
 * position, unit), when, how, what was asked, whether it was reported to a
 * superior, and what followed. All of it is stored encrypted to the channel.
 */
export const interferenceSchema = z.object({
  who: z.object({
    name: text(1, 200).meta({ description: 'The person who interfered, as far as known.' }),
    position: text(1, 200).optional().meta({ description: 'Their position or rank.' }),
    unit: text(1, 200).optional().meta({ description: 'Their unit, office or organisation.' }),
  }),
  when: z.object({
    date: z.iso.date().meta({ description: 'YYYY-MM-DD: the day it happened (the best estimate).' }),
    note: text(1, 200).optional().meta({ description: 'Free text about the time, e.g. "around noon", "some day that week".' }),
  }),
  how: z.enum(INTERFERENCE_METHODS).meta({ description: 'call, visit, message, through_someone (an intermediary) or other.' }),
  asked: text(1, 5_000).meta({ description: 'What they asked for.' }),
  reportedToSuperior: z.boolean().meta({ description: 'Whether the officer reported it to a superior.' }),
  followUp: text(1, 5_000).optional().meta({ description: 'What followed.' }),
});
export type InterferenceInput = z.output<typeof interferenceSchema>;

export const linkSchema = z.object({ relatedId: z.number().int().positive() });

export const closeSchema = z.object({ outcome: z.enum(CLOSE_OUTCOMES) });

export const revealContactSchema = z.object({
  reason: text(10, 2_000).meta({ description: 'Why the identity is needed; stored encrypted as a case note, never in the audit log.' }),
});

export const moveSchema = z.object({ channel: text(1, 64) });

/** A lead taken by phone, letter or visit: the web form's fields plus where it came from. */
/** A lead's fields as sent (the OpenAPI document); validate with leadSchema. */
export const leadFieldsSchema = reportFieldsSchema.extend({ source: z.enum(LEAD_SOURCES) });
export const leadSchema = z.preprocess(withRegionFromBox, leadFieldsSchema);
export type Lead = z.output<typeof leadSchema>;

/** The most leads one bulk action may name: a page of the queue at its largest. */
export const BULK_MAX = LIST_LIMIT.max;
const bulkIds = z
  .array(z.number().int().positive())
  .min(1)
  .max(BULK_MAX)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate' })
  .meta({ description: `The leads, by id (1 to ${BULK_MAX}, no repeats).` });

/**
 * POST /reports/bulk: one action on many leads, each checked and audited as
 * if done on its own. `assign` to a member (who must hold each lead's
 * channel) or to nobody (null); `tag` / `untag` with a tag of each lead's own
 * channel; `close` as spam or duplicate only, the two outcomes that need no
 * reading of each lead.
 */
export const bulkActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), ids: bulkIds, staffId: z.number().int().positive().nullable() }),
  z.object({ action: z.literal('close'), ids: bulkIds, outcome: z.enum(['spam', 'duplicate']) }),
  z.object({ action: z.literal('tag'), ids: bulkIds, tagId: z.number().int().positive() }),
  z.object({ action: z.literal('untag'), ids: bulkIds, tagId: z.number().int().positive() }),
]);

/** POST /tags: a tag for one channel's leads. The name is stored encrypted to the channel. */
export const tagCreateSchema = z.object({ channel: text(1, 64), name: text(1, 60) });
export type BulkAction = z.output<typeof bulkActionSchema>;
