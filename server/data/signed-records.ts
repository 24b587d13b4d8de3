/**
 * Signed decisions as stored: the canonical payload exactly as signed and
 * its signature (server/crypto/signed-record.ts), with the ids, kind and
 * signer repeated in columns for lookups. Never updated; deleted only with
 * their report.
 */
import type { SignedRecordKind } from '../../contract/staff-vocabulary';
import type { Db } from './database';

export interface StoredSignedRecord {
  id: number;
  reportId: number;
  recordId: number;
  kind: SignedRecordKind;
  staffId: number;
  keyId: string;
  payload: string;
  signature: string;
  createdAt: string;
}

const SELECT = `SELECT id, report_id AS reportId, record_id AS recordId, kind, staff_id AS staffId, key_id AS keyId,
  payload, signature, created_at AS createdAt FROM signed_records`;

/** Store a signed record; returns its id. */
export function insertSignedRecord(db: Db, record: Omit<StoredSignedRecord, 'id'>): number {
  const result = db
    .prepare(
      `INSERT INTO signed_records (report_id, record_id, kind, staff_id, key_id, payload, signature, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(record.reportId, record.recordId, record.kind, record.staffId, record.keyId, record.payload, record.signature, record.createdAt);
  return Number(result.lastInsertRowid);
}

/** A report's signed records, in the order they were made. */
export function listSignedRecords(db: Db, reportId: number): StoredSignedRecord[] {
  return db.prepare<[number], StoredSignedRecord>(`${SELECT} WHERE report_id = ? ORDER BY id`).all(reportId);
}

/** Every signed record, oldest first (iterated: the verifier holds one at a time). */
export function iterateSignedRecords(db: Db): IterableIterator<StoredSignedRecord> {
  return db.prepare<[], StoredSignedRecord>(`${SELECT} ORDER BY id`).iterate();
}

/** Whether a signed record with this id exists. */
export function signedRecordExists(db: Db, id: number): boolean {
  return db.prepare<[number], { one: number }>('SELECT 1 AS one FROM signed_records WHERE id = ?').get(id) !== undefined;
}
