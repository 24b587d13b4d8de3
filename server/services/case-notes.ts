/**
 * Case records for the channel only: internal notes, referrals (which move
 * the report to `referred`), the interference register, closing with an
 * outcome, and revealing the reporter's contact details (the reason is kept
 * as an encrypted note). Decisions (all but ordinary notes) are signed by
 * the acting member (./signed-decisions.ts).
 */
import type { StaffSession } from '../auth/session-store';
import { decryptText, encryptTo } from '../crypto/age';
import { appendAudit } from '../data/audit';
import { insertCaseRecord, listInterferenceRecords } from '../data/case-records';
import { findChannelById, findChannelBySlug } from '../data/channels';
import type { Db } from '../data/database';
import { readReportCiphertexts } from '../data/report-ciphertexts';
import { closeReport, markReferred, updatePublicReferral } from '../data/report-updates';
import { fail } from '../errors';
import { toHour, toSecond } from '../time';
import { assertSameChannel, auditCase, reportNotFound, sessionChannelIds, type AuditDetail, type OpenCase } from './case-access';
import { assertLeaseAllows } from './case-lease';
import { caseRecordViewOf, kindOf, type CaseRecordBody } from './case-record-bodies';
import { encryptForReporter } from './case-messages';
import type { ContactDetails } from '../../contract/schemas/staff-views';
import type { InterferencePage } from '../../contract/schemas/staff-oversight-views';
import type { InterferenceInput, NoteInput } from '../../contract/schemas/staff-reports';
import type { SignatureView } from '../../contract/schemas/staff-views';
import type { CloseOutcome } from '../../contract/vocabulary';
import { checkSignature, sealIfSigned, signatureOfNew, signDecision, signedKindOf, signingKeyLookup } from './signed-decisions';
import { findSignedRecordOf } from '../data/signed-records';

type NewBody<T extends CaseRecordBody['type']> = Omit<Extract<CaseRecordBody, { type: T }>, 'version' | 'type' | 'nonce'>;

/** A stored record: its id and, for a signed decision, what checking its signature found. */
export interface AddedRecord {
  id: number;
  signature: SignatureView | null;
}

/**
 * Encrypt to the channel, then insert the record, sign it when it is a
 * decision (server/services/signed-decisions.ts) and run
 * `alsoInTransaction` with the record's and the signed record's ids, all
 * atomically: a decision that cannot be signed is not stored.
 */
async function addRecord(
  db: Db,
  session: StaffSession,
  opened: OpenCase,
  unsealed: CaseRecordBody,
  now: Date,
  alsoInTransaction: (recordId: number, signedRecordId: number | null) => void,
): Promise<AddedRecord> {
  const channel = findChannelById(db, opened.meta.channelId);
  if (!channel) throw reportNotFound();
  if (signedKindOf(unsealed) !== null && session.signingKey === null) throw fail('signing_key_unavailable');
  const body = sealIfSigned(unsealed);
  const ciphertext = await encryptTo([channel.recipient], JSON.stringify(body));
  const id = db
    .transaction((): number => {
      assertSameChannel(db, opened);
      assertLeaseAllows(db, session, opened.meta.id, now);
      const recordId = insertCaseRecord(db, { reportId: opened.meta.id, kind: kindOf(body), staffId: session.staffId, body: ciphertext, createdAt: toHour(now) });
      const signedRecordId = signDecision(db, session, { reportId: opened.meta.id, recordId, body }, now);
      alsoInTransaction(recordId, signedRecordId);
      return recordId;
    })
    .immediate();
  return { id, signature: signatureOfNew(db, { id, reportId: opened.meta.id }, body) };
}

/** Ids of the record (and its signed record, when signed) for the audit entry. */
function recordIds(recordId: number, signedRecordId: number | null): AuditDetail {
  return signedRecordId === null ? { recordId } : { recordId, signedRecordId };
}

/** A note; one its author marks `formal` is a formal record, signed like a decision. */
export function addNote(db: Db, session: StaffSession, opened: OpenCase, note: NoteInput, now: Date): Promise<AddedRecord> {
  const body: CaseRecordBody = note.formal === true ? { version: 1, type: 'note', body: note.body, formal: true } : { version: 1, type: 'note', body: note.body };
  return addRecord(db, session, opened, body, now, (id, signedId) => auditCase(db, session, 'report.note_added', opened.meta, now, recordIds(id, signedId)));
}

/**
 * Record a referral and mark the report referred (the reporter sees
 * `referred`); 409 when closed. With `tellReporter` (the default) the agency
 * is also stored for the reporter's status page, encrypted to the channel and
 * the reporter, replacing any earlier one; without it the reporter sees
 * nothing new but the status. `also` runs inside the same transaction with
 * the new record's id (a referral package audits its hash there).
 */
export async function addReferral(
  db: Db,
  session: StaffSession,
  opened: OpenCase,
  referral: NewBody<'referral'> & { tellReporter?: boolean | undefined },
  now: Date,
  also: (recordId: number) => void = () => undefined,
): Promise<AddedRecord> {
  if (opened.meta.status === 'closed') throw fail('invalid_transition');
  const { tellReporter = true, ...fields } = referral;
  const told = tellReporter ? await encryptForReporter(db, opened, fields.agency) : null;
  return addRecord(db, session, opened, { version: 1, type: 'referral', ...fields }, now, (id, signedId) => {
    if (!markReferred(db, opened.meta.id, toHour(now))) throw fail('invalid_transition');
    if (told !== null) updatePublicReferral(db, opened.meta.id, told);
    auditCase(db, session, 'report.referred', opened.meta, now, { ...recordIds(id, signedId), from: opened.meta.status, toldReporter: tellReporter });
    also(id);
  });
}

/**
 * Add a structured entry to the interference register (body version 2).
 * The same call serves the case page and the register page: an entry is a
 * case record, so the channel and lease checks are the case's.
 */
export function addInterference(db: Db, session: StaffSession, opened: OpenCase, entry: InterferenceInput, now: Date): Promise<AddedRecord> {
  return addRecord(db, session, opened, { version: 2, type: 'interference', ...entry }, now, (id, signedId) =>
    auditCase(db, session, 'report.interference_recorded', opened.meta, now, recordIds(id, signedId)),
  );
}

/**
 * Close with an outcome from any open status, as a signed decision: the
 * closing is a case record (encrypted, with the commitment nonce) signed by
 * the member; 409 invalid_transition when already closed.
 */
export function closeWithOutcome(db: Db, session: StaffSession, opened: OpenCase, outcome: CloseOutcome, now: Date): Promise<AddedRecord> {
  const { meta } = opened;
  if (meta.status === 'closed') throw fail('invalid_transition');
  return addRecord(db, session, opened, { version: 1, type: 'closing', outcome }, now, (id, signedId) => {
    if (!closeReport(db, meta.id, outcome, toHour(now))) throw fail('invalid_transition');
    auditCase(db, session, 'report.closed', meta, now, { from: meta.status, outcome, ...recordIds(id, signedId) });
  });
}

/**
 * Decrypt the reporter's contact details. The reason goes into an encrypted
 * note first, with its own audit action, so no one reads an identity without
 * a trace; 409 conflict when the report has none.
 */
export async function revealContact(
  db: Db,
  session: StaffSession,
  opened: OpenCase,
  reason: string,
  now: Date,
): Promise<{ contact: ContactDetails; record: AddedRecord }> {
  const contact = readReportCiphertexts(db, opened.meta.id)?.contact ?? null;
  if (contact === null) throw fail('conflict');
  const { version: _version, ...details } = JSON.parse(await decryptText([opened.identity], contact)) as ContactDetails & { version: 1 };
  const record = await addRecord(db, session, opened, { version: 1, type: 'contact_reveal', reason }, now, (id, signedId) =>
    auditCase(db, session, 'report.contact_revealed', opened.meta, now, recordIds(id, signedId)),
  );
  return { contact: details, record };
}

/**
 * Contact details handed on in a referral package: recorded exactly like a
 * reveal (the reason as an encrypted case record, report.contact_revealed
 * in the audit trail), with the authority they went to.
 */
export function recordContactRelease(db: Db, session: StaffSession, opened: OpenCase, reason: string, authorityId: number, now: Date): Promise<AddedRecord> {
  return addRecord(db, session, opened, { version: 1, type: 'contact_reveal', reason }, now, (id, signedId) =>
    auditCase(db, session, 'report.contact_revealed', opened.meta, now, { ...recordIds(id, signedId), authorityId }),
  );
}

/** The interference register across the member's channels (or one of them), newest first, decrypted. Audited as a view. */
export async function interferenceRegister(
  db: Db,
  session: StaffSession,
  query: { channel?: string | undefined; cursor?: number | undefined; limit: number },
  now: Date,
): Promise<InterferencePage> {
  let channelIds = sessionChannelIds(session);
  if (query.channel !== undefined) {
    const channel = findChannelBySlug(db, query.channel);
    channelIds = channel && channelIds.includes(channel.id) ? [channel.id] : [];
  }
  const rows = listInterferenceRecords(db, { channelIds, beforeId: query.cursor ?? null, limit: query.limit });
  const slugs = new Map(channelIds.map((id) => [id, findChannelById(db, id)?.slug ?? '']));
  const keyOf = signingKeyLookup(db);
  const records = await Promise.all(
    rows.map(async (row) => {
      const identity = session.channelIdentities.get(row.channelId);
      if (identity === undefined) throw reportNotFound();
      const plaintext = await decryptText([identity], row.body);
      // Each entry is a signed decision: the register shows its check as the case page does.
      const signature = checkSignature(row, JSON.parse(plaintext) as CaseRecordBody, findSignedRecordOf(db, row.id) ?? undefined, keyOf);
      const view = caseRecordViewOf(row, plaintext, signature);
      // The rows are interference rows; an encrypted body that says otherwise was tampered with.
      if (view.kind !== 'interference') throw new Error('an interference row holds another kind of record');
      return { ...view, reportId: row.reportId, channel: slugs.get(row.channelId) ?? '' };
    }),
  );
  if (records.length > 0) {
    // Which reports' records were read: the register spans many reports.
    appendAudit(db, {
      at: toSecond(now),
      actorStaffId: session.staffId,
      action: 'interference.viewed',
      channelId: channelIds.length === 1 ? (channelIds[0] ?? null) : null,
      detail: { records: records.length, firstRecordId: rows[0]?.id ?? null, lastRecordId: rows.at(-1)?.id ?? null },
    });
  }
  const last = rows.at(-1);
  return { records, nextCursor: rows.length === query.limit && last ? String(last.id) : null };
}
