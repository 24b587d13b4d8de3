/**
 * Case records: notes, referrals and interference records. The kind is
 * clear (it routes the interference register); the body is an age
 * ciphertext to the channel only.
 */
import type { Db } from './database';

export type CaseRecordKind = 'note' | 'referral' | 'interference';

export interface CaseRecord {
  id: number;
  reportId: number;
  kind: CaseRecordKind;
  staffId: number | null;
  staffUsername: string | null;
  body: Buffer;
  /** Hour-truncated. */
  createdAt: string;
}

const RECORD_FROM = `
  SELECT cr.id, cr.report_id AS reportId, cr.kind, cr.staff_id AS staffId, s.username AS staffUsername,
    cr.body, cr.created_at AS createdAt
  FROM case_records cr LEFT JOIN staff s ON s.id = cr.staff_id`;

/** Append a record; returns its id. */
export function insertCaseRecord(
  db: Db,
  record: { reportId: number; kind: CaseRecordKind; staffId: number; body: Uint8Array; createdAt: string },
): number {
  const result = db
    .prepare('INSERT INTO case_records (report_id, kind, staff_id, body, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(record.reportId, record.kind, record.staffId, record.body, record.createdAt);
  return Number(result.lastInsertRowid);
}

/** A report's records in the order they were made. */
export function listCaseRecords(db: Db, reportId: number): CaseRecord[] {
  return db.prepare<[number], CaseRecord>(`${RECORD_FROM} WHERE cr.report_id = ? ORDER BY cr.id`).all(reportId);
}

/** Interference records of reports in these channels, newest first (ids below `beforeId`), with the report's channel. */
export function listInterferenceRecords(
  db: Db,
  query: { channelIds: readonly number[]; beforeId: number | null; limit: number },
): (CaseRecord & { channelId: number })[] {
  const { channelIds } = query;
  if (channelIds.length === 0) return [];
  const placeholders = channelIds.map(() => '?').join(', ');
  return db
    .prepare<number[], CaseRecord & { channelId: number }>(
      `SELECT cr.id, cr.report_id AS reportId, cr.kind, cr.staff_id AS staffId, s.username AS staffUsername,
         cr.body, cr.created_at AS createdAt, r.channel_id AS channelId
       FROM case_records cr JOIN reports r ON r.id = cr.report_id LEFT JOIN staff s ON s.id = cr.staff_id
       WHERE cr.kind = 'interference' AND r.channel_id IN (${placeholders}) AND cr.id < ?
       ORDER BY cr.id DESC LIMIT ?`,
    )
    .all(...channelIds, query.beforeId ?? Number.MAX_SAFE_INTEGER, query.limit);
}

/** The hour of a report's first referral record, or null when it was never referred. */
export function firstReferralAt(db: Db, reportId: number): string | null {
  return (
    db
      .prepare<[number], { createdAt: string }>(
        "SELECT created_at AS createdAt FROM case_records WHERE report_id = ? AND kind = 'referral' ORDER BY id LIMIT 1",
      )
      .get(reportId)?.createdAt ?? null
  );
}
