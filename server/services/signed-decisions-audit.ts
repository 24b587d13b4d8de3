/**
 * `tipline audit verify`'s check of signed decisions, without decrypting
 * anything: every signing key in the database is the one the audit trail
 * registered for that member, and every signed record verifies under the
 * key the audit trail registered for its signer and agrees with the rows it
 * signs. (Whether the content still matches needs the channel key: the case
 * page checks that, server/services/signed-decisions.ts.) The audit chain
 * itself is checked first by the caller; this trusts the registrations only
 * because the chain holds them.
 */
import { parsePayload, verifySignedRecord } from '../crypto/signed-record';
import type { Db } from '../data/database';
import {
  auditedKeyRegistrations,
  auditedSignedRecordIds,
  caseRecordOwner,
  listSignedRecordsAfter,
  signedRecordExists,
  type AuditedKey,
  type StoredSignedRecord,
} from '../data/signed-records';
import { listSigningKeys } from '../data/signing-keys';

/** Signed records read at a time: memory stays flat however many there are. */
const PAGE = 500;

export interface SignatureAudit {
  keys: number;
  records: number;
  /** One line per problem, naming the key, signed record or audit entry by id. */
  problems: string[];
}

/** Keys in the table that the audit trail does not vouch for: unregistered, or swapped. */
function keyProblems(db: Db, audited: Map<string, AuditedKey>): { keys: number; problems: string[] } {
  const problems: string[] = [];
  const stored = listSigningKeys(db);
  for (const key of stored) {
    const registered = audited.get(key.keyId);
    if (registered === undefined) {
      problems.push(`signing key ${key.keyId} of staff #${key.staffId}: never registered in the audit trail`);
    } else if (registered.publicKey !== key.publicKey || registered.staffId !== key.staffId) {
      problems.push(
        `signing key ${key.keyId} of staff #${key.staffId}: differs from the key the audit trail registered (entry ${registered.entryId}): swapped`,
      );
    }
  }
  return { keys: stored.length, problems };
}

/** What is wrong with one signed record, or null. */
function recordProblem(db: Db, signed: StoredSignedRecord, audited: Map<string, AuditedKey>): string | null {
  const payload = parsePayload(signed.payload);
  if (payload === null) return 'its payload is not a canonical signed payload';
  const key = audited.get(payload.keyId);
  if (key === undefined || key.staffId !== payload.signer.staffId)
    return `signed with key ${payload.keyId}, which the audit trail never registered for staff #${payload.signer.staffId}`;
  if (!verifySignedRecord(signed, key.publicKey).ok) return `the signature does not verify under the key registered for staff #${key.staffId}`;
  const owner = caseRecordOwner(db, signed.recordId);
  const agrees =
    payload.reportId === signed.reportId &&
    payload.recordId === signed.recordId &&
    payload.kind === signed.kind &&
    payload.keyId === signed.keyId &&
    payload.signer.staffId === signed.staffId &&
    owner !== null &&
    owner.reportId === payload.reportId &&
    owner.staffId === payload.signer.staffId;
  return agrees ? null : 'the stored rows no longer agree with what was signed (report, record, kind or signer changed)';
}

/** Check every signing key and signed record against the audit trail; see the module comment. */
export function auditSignedDecisions(db: Db): SignatureAudit {
  const audited = new Map(auditedKeyRegistrations(db).map((key) => [key.keyId, key]));
  const { keys, problems } = keyProblems(db, audited);
  let records = 0;
  for (let page = listSignedRecordsAfter(db, 0, PAGE); page.length > 0; page = listSignedRecordsAfter(db, page.at(-1)?.id ?? 0, PAGE)) {
    for (const signed of page) {
      records += 1;
      const problem = recordProblem(db, signed, audited);
      if (problem !== null) problems.push(`signed record ${signed.id} (report ${signed.reportId}, record ${signed.recordId}): ${problem}`);
    }
  }
  for (const entry of auditedSignedRecordIds(db)) {
    if (entry.reportExists && !signedRecordExists(db, entry.signedRecordId)) {
      problems.push(`signed record ${entry.signedRecordId} (audit entry ${entry.entryId}): missing; it was deleted`);
    }
  }
  return { keys, records, problems };
}
