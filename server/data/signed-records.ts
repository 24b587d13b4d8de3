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

/** Signed records after `afterId`, oldest first, `limit` of them (the verifier pages through all of them). */
export function listSignedRecordsAfter(db: Db, afterId: number, limit: number): StoredSignedRecord[] {
  return db.prepare<[number, number], StoredSignedRecord>(`${SELECT} WHERE id > ? ORDER BY id LIMIT ?`).all(afterId, limit);
}

/** The signed record of one case record, if any. */
export function findSignedRecordOf(db: Db, recordId: number): StoredSignedRecord | null {
  return db.prepare<[number], StoredSignedRecord>(`${SELECT} WHERE record_id = ?`).get(recordId) ?? null;
}

/** Whether a signed record with this id exists. */
export function signedRecordExists(db: Db, id: number): boolean {
  return db.prepare<[number], { one: number }>('SELECT 1 AS one FROM signed_records WHERE id = ?').get(id) !== undefined;
}

/** A signing key as the audit trail registered it (the trail is what a swapped key must still match). */
export interface AuditedKey {
  entryId: number;
  staffId: number;
  keyId: string;
  publicKey: string;
}

/** The audit trail's registration of one key id, or null (uses the partial index of migration 015). */
export function auditedKeyRegistration(db: Db, keyId: string): AuditedKey | null {
  return (
    db
      .prepare<[string], AuditedKey>(
        `SELECT id AS entryId, json_extract(detail, '$.staffId') AS staffId, json_extract(detail, '$.keyId') AS keyId,
           json_extract(detail, '$.publicKey') AS publicKey
         FROM audit_log WHERE action = 'staff.signing_key_registered' AND json_extract(detail, '$.keyId') = ? ORDER BY id LIMIT 1`,
      )
      .get(keyId) ?? null
  );
}

/** Every key registration in the audit trail, oldest first. */
export function auditedKeyRegistrations(db: Db): AuditedKey[] {
  return db
    .prepare<[], AuditedKey>(
      `SELECT id AS entryId, json_extract(detail, '$.staffId') AS staffId, json_extract(detail, '$.keyId') AS keyId,
         json_extract(detail, '$.publicKey') AS publicKey
       FROM audit_log WHERE action = 'staff.signing_key_registered' ORDER BY id`,
    )
    .all();
}

/** Audit entries that name a signed record, with whether its report still exists (a purge takes both). */
export function auditedSignedRecordIds(db: Db): { entryId: number; signedRecordId: number; reportExists: boolean }[] {
  return db
    .prepare<[], { entryId: number; signedRecordId: number; reportExists: number }>(
      `SELECT a.id AS entryId, json_extract(a.detail, '$.signedRecordId') AS signedRecordId,
         EXISTS (SELECT 1 FROM reports r WHERE r.id = a.report_id) AS reportExists
       FROM audit_log a WHERE json_extract(a.detail, '$.signedRecordId') IS NOT NULL ORDER BY a.id`,
    )
    .all()
    .map((row) => ({ ...row, reportExists: row.reportExists === 1 }));
}

/** Who a case record says made it and which report it belongs to, or null when it is gone. */
export function caseRecordOwner(db: Db, recordId: number): { reportId: number; staffId: number | null } | null {
  return (
    db
      .prepare<[number], { reportId: number; staffId: number | null }>('SELECT report_id AS reportId, staff_id AS staffId FROM case_records WHERE id = ?')
      .get(recordId) ?? null
  );
}
