/** Reports: clear routing metadata beside age ciphertexts. */
import type { Db } from './database';
import type { InternalStatus, ReportSource } from '../../contract/vocabulary';

export interface NewReport {
  channelId: number;
  category: string;
  region: string | null;
  lookupTag: number;
  codeSalt: Uint8Array;
  codeKdf: string;
  reporterRecipient: string;
  content: Uint8Array;
  contact: Uint8Array | null;
  source: ReportSource;
  /** Admitted with little or no proof of work while the server was under load (the low-effort marker). */
  lowEffort: boolean;
  /** Hour-truncated ISO timestamps. */
  receivedAt: string;
  ackDueAt: string;
  feedbackDueAt: string;
}

/** What a tracking-code lookup needs to confirm a candidate. */
export interface ReportKeyMaterial {
  id: number;
  codeSalt: Buffer;
  codeKdf: string;
  reporterRecipient: string;
}

export interface ReportRecord {
  id: number;
  channelId: number;
  category: string;
  region: string | null;
  status: InternalStatus;
  outcome: string | null;
  priority: number;
  reporterRecipient: string;
  content: Buffer;
  contact: Buffer | null;
  publicMessage: Buffer | null;
  /** Hour the public message was set; null for one set before this was kept. */
  publicMessageAt: string | null;
  /** The agency as told to the reporter (to the channel and the reporter), or null. */
  publicReferral: Buffer | null;
  receivedAt: string;
  acknowledgedAt: string | null;
  ackDueAt: string;
  feedbackDueAt: string;
  closedAt: string | null;
}

/** Insert a report; returns its id. */
export function insertReport(db: Db, report: NewReport): number {
  const result = db
    .prepare(
      `INSERT INTO reports (channel_id, category, region, lookup_tag, code_salt, code_kdf, reporter_recipient,
         content, contact, source, low_effort, received_at, ack_due_at, feedback_due_at, updated_at)
       VALUES (@channelId, @category, @region, @lookupTag, @codeSalt, @codeKdf, @reporterRecipient,
         @content, @contact, @source, @lowEffort, @receivedAt, @ackDueAt, @feedbackDueAt, @receivedAt)`,
    )
    // SQLite has no booleans (and better-sqlite3 binds none): the column holds 0 or 1.
    .run({ ...report, lowEffort: report.lowEffort ? 1 : 0 });
  return Number(result.lastInsertRowid);
}

/** Candidates for a tracking code: every report sharing its lookup tag. */
export function findReportsByLookupTag(db: Db, tag: number): ReportKeyMaterial[] {
  return db
    .prepare<[number], ReportKeyMaterial>(
      `SELECT id, code_salt AS codeSalt, code_kdf AS codeKdf, reporter_recipient AS reporterRecipient
       FROM reports WHERE lookup_tag = ? ORDER BY id`,
    )
    .all(tag);
}

/** The report with this id, or null. */
export function findReportById(db: Db, id: number): ReportRecord | null {
  return (
    db
      .prepare<[number], ReportRecord>(
        `SELECT id, channel_id AS channelId, category, region, status, outcome, priority,
           reporter_recipient AS reporterRecipient, content, contact, public_message AS publicMessage,
           public_message_at AS publicMessageAt, public_referral AS publicReferral,
           received_at AS receivedAt, acknowledged_at AS acknowledgedAt, ack_due_at AS ackDueAt,
           feedback_due_at AS feedbackDueAt, closed_at AS closedAt
         FROM reports WHERE id = ?`,
      )
      .get(id) ?? null
  );
}
