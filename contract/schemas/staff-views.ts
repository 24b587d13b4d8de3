/**
 * What the staff API answers about reports and cases: the only definition.
 * The OpenAPI document is built from these, the server's services return
 * their types, and the console reads its answers as them (type-only imports:
 * no zod in a browser bundle).
 */
import { z } from 'zod';
import type { StaffFileView } from '../attachments';
import { heldLeaseSchema } from '../errors';
import { MAX_DISCARD_PER_ACTION } from '../low-effort';
import { CASE_RECORD_KINDS, CLOSE_OUTCOMES, INTERFERENCE_METHODS, INTERNAL_STATUSES, MESSAGE_AUTHORS, REPORT_SOURCES, SIGNATURE_PROBLEMS } from '../vocabulary';

const hour = z.string().meta({ description: 'ISO 8601, truncated to the hour.' });
const staffRef = z.object({ id: z.number().int(), username: z.string() });

/** A queue row: clear metadata, never content. */
export const reportSummarySchema = z.object({
  id: z.number().int(),
  channel: z.string(),
  category: z.string(),
  region: z.string().nullable(),
  status: z.enum(INTERNAL_STATUSES),
  outcome: z.string().nullable(),
  priority: z.number().int().min(0).max(3),
  assignee: staffRef.nullable(),
  source: z.enum(REPORT_SOURCES),
  lowEffort: z.boolean().meta({
    description: 'The low-effort marker: admitted with little or no proof of work while the server was under load. Marked reports come after unmarked ones in the queue.',
  }),
  receivedAt: hour,
  acknowledgedAt: hour.nullable(),
  ackDueAt: hour,
  feedbackDueAt: hour,
  closedAt: hour.nullable(),
  leased: z.boolean(),
  lease: heldLeaseSchema
    .extend({ mine: z.boolean().meta({ description: 'True when the caller holds it.' }) })
    .nullable()
    .meta({ description: 'The live lease, if any. While someone else holds it, every casework write answers 409 lease_held until it expires or is taken over.' }),
  overdue: z.object({ acknowledgement: z.boolean(), feedback: z.boolean() }).meta({ description: 'The slow-progress register: past a deadline and still open.' }),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** A page of the queue. */
export const queueRowSchema = reportSummarySchema.extend({
  unread: z.boolean().meta({ description: 'The reporter has written (a message or a follow-up file) since the caller last opened the lead.' }),
  tags: z.array(z.number().int()).meta({ description: 'The ids of the tags the lead carries (names: GET /tags).' }),
});
export type QueueRow = z.infer<typeof queueRowSchema>;
export const queuePageSchema = z.object({ reports: z.array(queueRowSchema), nextCursor: z.string().nullable() });
export type QueuePage = z.infer<typeof queuePageSchema>;

/** What a bulk action did to each lead it named. */
export const bulkResultSchema = z.object({
  changed: z.array(z.number().int()).meta({ description: 'Changed and audited, each on its own (report.assignee_changed or report.closed).' }),
  held: z
    .array(z.object({ id: z.number().int(), lease: heldLeaseSchema }))
    .meta({ description: 'Someone else holds these leads: left unchanged (the lease rule).' }),
  notFound: z.array(z.number().int()).meta({ description: 'No such lead, or not in your channels.' }),
  skipped: z
    .array(z.object({ id: z.number().int(), reason: z.enum(['already_closed', 'unchanged', 'not_a_member', 'other_channel']) }))
    .meta({
      description:
        'Left as they were: already closed, already so assigned or tagged, the chosen member does not hold the lead’s channel, or the tag belongs to another channel.',
    }),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

/** GET /tags: the tags of the caller's channels, names decrypted. */
export const tagListSchema = z.object({ tags: z.array(z.object({ id: z.number().int(), channel: z.string(), name: z.string() })) });
export type TagList = z.infer<typeof tagListSchema>;

/** GET /members: who leads in the caller's channels may be assigned to. */
export const memberListSchema = z.object({
  members: z.array(z.object({ id: z.number().int(), username: z.string(), channels: z.array(z.string()) })),
});
export type MemberList = z.infer<typeof memberListSchema>;

/**
 * What the server found when it checked a signed decision (簽字確認) under
 * the signer's registered public key, with the decrypted content: verified,
 * or the problem. Null on a record that is not a signed decision.
 */
export const signatureViewSchema = z.object({
  verified: z.boolean(),
  problem: z.enum(SIGNATURE_PROBLEMS).nullable().meta({ description: 'Why it does not verify; null when verified.' }),
  signer: staffRef.nullable().meta({ description: 'Who signed, as the signed payload names them (null when it cannot be read).' }),
  at: z.string().nullable().meta({ description: 'When it was signed, ISO 8601 to the second, from the signed payload.' }),
  keyId: z.string().nullable().meta({ description: 'The signing key id: the first 16 hex digits of SHA-256 of the raw Ed25519 public key.' }),
});
export type SignatureView = z.infer<typeof signatureViewSchema>;

const recordBase = {
  id: z.number().int(),
  by: staffRef.nullable(),
  at: hour,
  signature: signatureViewSchema.nullable().optional().meta({ description: 'Signed decisions only: the result of checking the signature.' }),
};
const optionalText = z.string().optional();

/** Someone who tried to interfere with the case, as the register keeps it (version 2: structured). */
const interferenceV2Schema = z.object({
  ...recordBase,
  kind: z.literal('interference'),
  version: z.literal(2),
  who: z.object({ name: z.string(), position: optionalText, unit: optionalText }),
  when: z.object({ date: z.string().meta({ description: 'YYYY-MM-DD.' }), note: optionalText }),
  how: z.enum(INTERFERENCE_METHODS),
  asked: z.string(),
  reportedToSuperior: z.boolean(),
  followUp: optionalText,
});
/** An entry recorded before the register was structured (version 1): free text, shown as it was written. */
const interferenceV1Schema = z.object({
  ...recordBase,
  kind: z.literal('interference'),
  version: z.literal(1),
  who: z.string(),
  when: z.string(),
  how: z.string(),
  outcome: optionalText,
});
const interferenceRecordSchema = z.discriminatedUnion('version', [interferenceV2Schema, interferenceV1Schema]);

/** A case record as staff see it, decrypted. */
export const caseRecordViewSchema = z.discriminatedUnion('kind', [
  z.object({
    ...recordBase,
    kind: z.literal('note'),
    body: z.string(),
    formal: z.boolean().optional().meta({ description: 'Marked by its author as a formal record: signed like a decision.' }),
  }),
  z.object({ ...recordBase, kind: z.literal('closing'), outcome: z.enum(CLOSE_OUTCOMES) }),
  z.object({ ...recordBase, kind: z.literal('contact_reveal'), reason: z.string() }),
  z.object({ ...recordBase, kind: z.literal('referral'), agency: z.string(), reference: optionalText, date: z.string() }),
  interferenceRecordSchema,
]);
export type CaseRecordView = z.infer<typeof caseRecordViewSchema>;
/** Fails to compile when the vocabulary gains a record kind the view does not describe. */
export const RECORD_KINDS_COVERED: (typeof CASE_RECORD_KINDS)[number] extends CaseRecordView['kind'] ? true : never = true;

/** An entry of the interference register: a record with the report it belongs to. */
const entryOf = { reportId: z.number().int(), channel: z.string() };
export const interferenceEntrySchema = z.discriminatedUnion('version', [interferenceV2Schema.extend(entryOf), interferenceV1Schema.extend(entryOf)]);
export type InterferenceEntry = z.infer<typeof interferenceEntrySchema>;

/** The decrypted content of a report (the form's fields, never the contact). */
export const reportContentSchema = z.object({
  details: z.string(),
  location: optionalText,
  subjects: optionalText,
  occurredAt: optionalText,
  officialsInvolved: optionalText,
  officialsDetails: optionalText,
  discouraged: optionalText,
});
export type ReportContentView = z.infer<typeof reportContentSchema>;

export const staffFileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  size: z.number().int(),
  at: hour,
  type: z.string().meta({ description: 'Detected from the first bytes, not as claimed.' }),
  sha256: z.string().meta({ description: 'Of the stored file, after metadata removal (chain of custody).' }),
  metadata: z.enum(['removed', 'kept', 'not_supported']),
  origin: z.enum(['report', 'follow_up']),
  messageId: z.number().int().nullable().meta({ description: 'The follow-up message it came with, if any.' }),
});
/** Fails to compile when the schema and contract/attachments.ts's StaffFileView drift apart. */
export const STAFF_FILE_MATCHES: [z.infer<typeof staffFileSchema>, StaffFileView] extends [StaffFileView, z.infer<typeof staffFileSchema>] ? true : never = true;

/** A lead linked to another, as its case page lists it: enough to tell which lead it is without opening it. */
export const linkedLeadSchema = z.object({ id: z.number().int(), category: z.string(), status: z.enum(INTERNAL_STATUSES) });
export type LinkedLead = z.infer<typeof linkedLeadSchema>;

/** One report opened with the channel identity. */
export const caseViewSchema = reportSummarySchema.extend({
  content: reportContentSchema,
  hasContact: z.boolean(),
  publicMessage: z.string().nullable(),
  messages: z.array(z.object({ id: z.number().int(), from: z.enum(MESSAGE_AUTHORS), body: z.string(), at: hour })),
  caseRecords: z.array(caseRecordViewSchema),
  links: z.array(linkedLeadSchema).meta({
    description: 'Linked leads in the caller\'s channels, each with its category and status; a link to a lead in a channel the caller does not hold is left out.',
  }),
  files: z.array(staffFileSchema),
});
export type CaseView = z.infer<typeof caseViewSchema>;

/** The reporter's contact details, revealed by an audited action. */
export const contactDetailsSchema = z.object({ name: optionalText, phone: optionalText, email: optionalText });
export type ContactDetails = z.infer<typeof contactDetailsSchema>;

/** Who a report may be assigned to: enabled members holding its channel, by username (id and username only). */
export const assigneesSchema = z.object({ assignees: z.array(z.object({ id: z.number().int(), username: z.string() })) });
export type Assignees = z.infer<typeof assigneesSchema>;

/** What creating something answers. */
export const createdSchema = z.object({ id: z.number().int() });

/** What adding a case record answers: its id and, for a signed decision (簽字確認), the server's check of its signature. */
export const addedRecordSchema = createdSchema.extend({ signature: signatureViewSchema.nullable() });
export type AddedRecord = z.infer<typeof addedRecordSchema>;
/** POST /reports/:id/close: the updated queue row and the signed closing record. */
export const closedReportSchema = reportSummarySchema.extend({ closingRecord: addedRecordSchema });
/** POST /reports/:id/reveal-contact: the details and the signed record of the reveal. */
export const revealedContactSchema = z.object({ contact: contactDetailsSchema, record: addedRecordSchema });

/** GET /api/staff/admin/low-effort: marked reports by received hour. */
export const lowEffortBatchPageSchema = z.object({
  batches: z.array(
    z.object({
      hour,
      marked: z.number().int().meta({ description: 'Reports received that hour with the low-effort marker.' }),
      discardable: z.number().int().meta({ description: 'Of those, how many nobody has worked on yet.' }),
    }),
  ),
  nextBefore: hour.nullable().meta({ description: 'Pass as `before` for older hours; null on the last page.' }),
});
export type LowEffortBatchPage = z.infer<typeof lowEffortBatchPageSchema>;
export type LowEffortBatch = LowEffortBatchPage['batches'][number];

/** POST /api/staff/admin/low-effort/discard. */
export const discardSummarySchema = z.object({
  discarded: z.number().int(),
  reportIds: z.array(z.number().int()),
  from: hour,
  to: hour,
  more: z.boolean().meta({ description: `True when more discardable reports remain in the range: one discard deletes at most ${MAX_DISCARD_PER_ACTION}.` }),
});
export type DiscardSummary = z.infer<typeof discardSummarySchema>;
