/**
 * Reports upward (督導 / 報上級, issue 15 item 5): the two documents a
 * supervising body receives, as formats an outsider can check with any
 * Ed25519 tool. Pure data and strings (no crypto) so server, CLI and tests
 * share one definition.
 *
 * Canonical JSON (what every signature here covers): UTF-8 of the value
 * written with object keys sorted by UTF-16 code units at every level, no
 * whitespace, strings and numbers as JSON.stringify writes them. For the
 * values these documents hold (ASCII keys, integers and short decimals) this
 * is RFC 8785 (JCS), and `jq -cjS` writes the same bytes.
 */
import { z } from 'zod';
import { checkpointBody } from './audit-checkpoint';

/** The statistics report's format name; `version` grows when its meaning changes. */
export const STATISTICS_REPORT_FORMAT = 'tipline-statistics-report';
/** The audit-trail export's format name. */
export const AUDIT_EXPORT_FORMAT = 'tipline-audit-export';
export const REPORTS_UPWARD_VERSION = 1;

/** The value in canonical JSON (see the module comment). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError('canonical JSON holds no undefined, functions or symbols');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

const base64 = (bytes: number): z.ZodString =>
  z
    .string()
    .length(Math.ceil(bytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');
const second = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'must be a UTC time to the second');

/** Who the instance is: its raw Ed25519 public key (base64) and key id (first 16 hex of SHA-256 of the raw key). */
export const instanceKeySchema = z.object({ publicKey: base64(32), keyId: z.string().regex(/^[0-9a-f]{16}$/) });

/** The signed part of a statistics report. `statistics` is GET /api/staff/stats's answer for the range. */
export const statisticsReportSchema = z.object({
  format: z.literal(STATISTICS_REPORT_FORMAT),
  version: z.literal(REPORTS_UPWARD_VERSION),
  instance: instanceKeySchema,
  range: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  generatedAt: second,
  /** The staff member's username, or "cli". */
  generatedBy: z.string().min(1),
  statistics: z.record(z.string(), z.unknown()),
});
export type StatisticsReport = z.infer<typeof statisticsReportSchema>;

/** The file a supervising body receives: the report and Ed25519 over canonicalJson(report), base64. */
export const signedStatisticsReportSchema = z.object({ report: statisticsReportSchema, signature: base64(64) });
export type SignedStatisticsReport = z.infer<typeof signedStatisticsReportSchema>;

/**
 * The latest signed audit checkpoint as the export carries it: the fields of
 * `SignedCheckpoint` in contract/audit-checkpoint.ts,
 * whose signature covers its seven-line text (auditCheckpointText below).
 */
export const exportedCheckpointSchema = z.object({
  sequence: z.number().int().min(1),
  entries: z.number().int().min(1),
  head: hex64,
  time: second,
  previous: hex64,
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: base64(64),
});
export type ExportedCheckpoint = z.infer<typeof exportedCheckpointSchema>;

/** The exact text a checkpoint's signature covers: the one definition, in contract/audit-checkpoint.ts. */
export function auditCheckpointText(checkpoint: Omit<ExportedCheckpoint, 'signature'>): string {
  return checkpointBody(checkpoint);
}

/** The first line of an audit export. */
export const auditExportHeaderSchema = z.object({ format: z.literal(AUDIT_EXPORT_FORMAT), version: z.literal(REPORTS_UPWARD_VERSION) });

/** One audit entry exactly as stored (the columns of audit_log; `detail` is the stored JSON text the hash covers). */
export const exportedAuditEntrySchema = z.object({
  id: z.number().int().min(1),
  at: z.string(),
  actor_staff_id: z.number().int().nullable(),
  action: z.string(),
  report_id: z.number().int().nullable(),
  channel_id: z.number().int().nullable(),
  detail: z.string(),
  prev_hash: hex64,
  hash: hex64,
});
export type ExportedAuditEntry = z.infer<typeof exportedAuditEntrySchema>;

/** The last line's signed part: what the export holds, and the checkpoint covering it. */
export const auditExportTrailerSchema = z.object({
  format: z.literal(AUDIT_EXPORT_FORMAT),
  version: z.literal(REPORTS_UPWARD_VERSION),
  instance: instanceKeySchema,
  generatedAt: second,
  generatedBy: z.string().min(1),
  /** First and last entry id exported, and how many lines of entries there are (0 for an empty range: ids null). */
  firstId: z.number().int().min(1).nullable(),
  lastId: z.number().int().min(1).nullable(),
  entries: z.number().int().min(0),
  /** The stored hash of the last entry exported (null when none). */
  head: hex64.nullable(),
  /** SHA-256 (hex) of every byte of the file before the trailer line. */
  sha256: hex64,
  /** The latest signed checkpoint within the exported entries, or null when there is none. */
  checkpoint: exportedCheckpointSchema.nullable(),
});
export type AuditExportTrailer = z.infer<typeof auditExportTrailerSchema>;

/** The last line: the trailer and Ed25519 over canonicalJson(trailer), base64. */
export const auditExportSignedTrailerSchema = z.object({ trailer: auditExportTrailerSchema, signature: base64(64) });

/** GET /api/staff/reports-upward/audit-export: an optional id range, both inclusive. */
export const auditExportQuerySchema = z
  .object({
    fromId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    toId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine((range) => range.fromId === undefined || range.toId === undefined || range.fromId <= range.toId, { path: ['toId'], message: 'before fromId' });
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;
