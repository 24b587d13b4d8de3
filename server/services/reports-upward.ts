/**
 * The two documents for a supervising body (contract/reports-upward.ts): a
 * signed statistics report over a range of days, and the audit trail as
 * JSON lines closed by a signed trailer. Both are made from what is already
 * in clear (counts; ids and action names), never report content.
 */
import { createHash } from 'node:crypto';
import {
  AUDIT_EXPORT_FORMAT,
  REPORTS_UPWARD_VERSION,
  STATISTICS_REPORT_FORMAT,
  type AuditExportTrailer,
  type ExportedCheckpoint,
  type SignedStatisticsReport,
  type StatisticsReport,
} from '../../contract/reports-upward';
import type { StatisticsQuery } from '../../contract/schemas/staff-oversight-views';
import type { SigningKeyPair } from '../crypto/signing';
import { signCanonical } from '../crypto/upward';
import { auditIdBounds, auditRowsAfter } from '../data/audit-export';
import type { Db } from '../data/database';
import { computeStatistics } from '../data/statistics';
import { latestCheckpointWithin } from './upward-checkpoint';

export interface UpwardContext {
  db: Db;
  signingKey: SigningKeyPair;
  /** ISO time to the second. */
  now: string;
  /** The staff member's username, or "cli". */
  generatedBy: string;
  /** Finds the checkpoint an export carries; the seam in upward-checkpoint.ts by default (tests give their own). */
  checkpointWithin?: (db: Db, firstId: number, lastId: number) => ExportedCheckpoint | null;
}

const instanceOf = (key: SigningKeyPair): StatisticsReport['instance'] => ({ publicKey: key.publicKeyBase64, keyId: key.keyId });

/** GET /api/staff/stats's numbers for `range`, signed by the instance key. */
export function signedStatisticsReport(ctx: UpwardContext, range: StatisticsQuery): SignedStatisticsReport {
  const statistics = computeStatistics(ctx.db, ctx.now, range);
  const report: StatisticsReport = {
    format: STATISTICS_REPORT_FORMAT,
    version: REPORTS_UPWARD_VERSION,
    instance: instanceOf(ctx.signingKey),
    range: statistics.range,
    generatedAt: ctx.now,
    generatedBy: ctx.generatedBy,
    statistics: { ...statistics },
  };
  return { report, signature: signCanonical(ctx.signingKey, report) };
}

/** Entries read per query: small enough that the shared connection is never busy for long. */
const PAGE = 1000;

/**
 * The audit export as chunks of text (a header line, one line per entry,
 * the signed trailer line), made lazily page by page so that a long trail
 * streams in constant memory. The range is fixed when it starts; the trail
 * is append-only, so later pages read the same rows they would have read
 * at once.
 */
export function* auditExportChunks(ctx: UpwardContext, range: { fromId: number | null; toId: number | null }): Generator<string> {
  const digest = createHash('sha256');
  const emit = (text: string): string => {
    digest.update(text, 'utf8');
    return text;
  };
  yield emit(`${JSON.stringify({ format: AUDIT_EXPORT_FORMAT, version: REPORTS_UPWARD_VERSION })}\n`);
  const bounds = auditIdBounds(ctx.db, range.fromId, range.toId);
  let entries = 0;
  let head: string | null = null;
  if (bounds !== null) {
    let after = bounds.firstId - 1;
    for (;;) {
      const rows = auditRowsAfter(ctx.db, after, bounds.lastId, PAGE);
      if (rows.length === 0) break;
      yield emit(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
      entries += rows.length;
      const last = rows[rows.length - 1];
      if (last === undefined) break;
      after = last.id;
      head = last.hash;
    }
  }
  const checkpoint: ExportedCheckpoint | null = bounds === null ? null : (ctx.checkpointWithin ?? latestCheckpointWithin)(ctx.db, bounds.firstId, bounds.lastId);
  const trailer: AuditExportTrailer = {
    format: AUDIT_EXPORT_FORMAT,
    version: REPORTS_UPWARD_VERSION,
    instance: instanceOf(ctx.signingKey),
    generatedAt: ctx.now,
    generatedBy: ctx.generatedBy,
    firstId: bounds?.firstId ?? null,
    lastId: bounds?.lastId ?? null,
    entries,
    head,
    sha256: digest.digest('hex'),
    checkpoint,
  };
  yield `${JSON.stringify({ trailer, signature: signCanonical(ctx.signingKey, trailer) })}\n`;
}
