/**
 * Every ciphertext that belongs to one report, read and replaced as a set:
 * moving a report to another channel re-encrypts all of them.
 */
import type { Db } from './database';

export interface ReportCiphertexts<B extends Uint8Array = Buffer> {
  content: B;
  contact: B | null;
  publicMessage: B | null;
  /** The agency as told to the reporter: to the channel and the reporter. */
  publicReferral: B | null;
  /** report_messages rows: to the channel and the reporter. */
  messages: { id: number; body: B }[];
  /** case_records rows: to the channel only. */
  caseRecords: { id: number; body: B }[];
}

/** The report's ciphertexts, or null when it does not exist. */
export function readReportCiphertexts(db: Db, reportId: number): ReportCiphertexts | null {
  const report = db
    .prepare<[number], { content: Buffer; contact: Buffer | null; publicMessage: Buffer | null; publicReferral: Buffer | null }>(
      'SELECT content, contact, public_message AS publicMessage, public_referral AS publicReferral FROM reports WHERE id = ?',
    )
    .get(reportId);
  if (!report) return null;
  return {
    ...report,
    messages: db.prepare<[number], { id: number; body: Buffer }>('SELECT id, body FROM report_messages WHERE report_id = ? ORDER BY id').all(reportId),
    caseRecords: db.prepare<[number], { id: number; body: Buffer }>('SELECT id, body FROM case_records WHERE report_id = ? ORDER BY id').all(reportId),
  };
}

function sameBlob(a: Buffer | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}

/**
 * Swap in the re-encrypted set and the new channel, in one transaction, but
 * only if nothing changed since it was read: the report is still in
 * `fromChannelId` and has exactly the messages and records that were
 * re-encrypted (a follow-up written meanwhile would otherwise stay readable
 * only by the old channel). Returns false when something changed.
 * `afterwards` runs inside the same transaction (the audit entry).
 */
export function replaceReportCiphertexts(
  db: Db,
  move: { reportId: number; fromChannelId: number; toChannelId: number; at: string },
  read: ReportCiphertexts,
  next: ReportCiphertexts<Uint8Array>,
  afterwards: () => void,
): boolean {
  return db
    .transaction((): boolean => {
      const ids = (table: 'report_messages' | 'case_records'): string =>
        db
          .prepare<[number], { id: number }>(`SELECT id FROM ${table} WHERE report_id = ? ORDER BY id`)
          .all(move.reportId)
          .map((row) => row.id)
          .join(',');
      if (ids('report_messages') !== read.messages.map((m) => m.id).join(',')) return false;
      if (ids('case_records') !== read.caseRecords.map((r) => r.id).join(',')) return false;
      // The public message and referral are compared too: one set meanwhile would be lost.
      const current = db
        .prepare<[number, number], { publicMessage: Buffer | null; publicReferral: Buffer | null }>(
          'SELECT public_message AS publicMessage, public_referral AS publicReferral FROM reports WHERE id = ? AND channel_id = ?',
        )
        .get(move.reportId, move.fromChannelId);
      if (!current) return false;
      if (!sameBlob(current.publicMessage, read.publicMessage) || !sameBlob(current.publicReferral, read.publicReferral)) return false;

      db.prepare(
        `UPDATE reports SET channel_id = ?, content = ?, contact = ?, public_message = ?, public_referral = ?, updated_at = ?,
           lease_staff_id = NULL, lease_expires_at = NULL
         WHERE id = ?`,
      ).run(move.toChannelId, next.content, next.contact, next.publicMessage, next.publicReferral, move.at, move.reportId);
      const message = db.prepare('UPDATE report_messages SET body = ? WHERE id = ?');
      for (const row of next.messages) message.run(row.body, row.id);
      const record = db.prepare('UPDATE case_records SET body = ? WHERE id = ?');
      for (const row of next.caseRecords) record.run(row.body, row.id);
      // An assignee who cannot open the new channel cannot work the report.
      db.prepare(
        `UPDATE reports SET assignee_id = NULL WHERE id = ? AND assignee_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM channel_grants g WHERE g.staff_id = reports.assignee_id AND g.channel_id = ?)`,
      ).run(move.reportId, move.toChannelId);
      afterwards();
      return true;
    })
    .immediate();
}
