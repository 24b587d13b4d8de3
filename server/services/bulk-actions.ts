/**
 * One action on many leads from the queue: assign, tag or untag, or close
 * as spam or duplicate (each closing signed by the member, as a single one is). Each lead is checked and audited exactly as the single action
 * would be (server/services/casework.ts): a lead outside the member's
 * channels is "not found", one someone else holds is left alone and
 * reported back with the lease (case-lease.ts), and every change gets its
 * own audit entry. The whole batch is one transaction, so the answer
 * describes what is stored.
 */
import type { StaffSession } from '../auth/session-store';
import { findChannelMember, listMembersOfChannels } from '../data/assignees';
import type { Db } from '../data/database';
import { findReportMeta, type ReportMeta } from '../data/report-metadata';
import { closeReport, updateAssignee } from '../data/report-updates';
import { addReportTag, findTagChannel, removeReportTag } from '../data/tags';
import type { BulkAction } from '../../contract/schemas/staff-reports';
import type { BulkResult, MemberList } from '../../contract/schemas/staff-views';
import { toHour } from '../time';
import { auditCase, sessionChannelIds } from './case-access';
import { liveLeaseOf } from './case-lease';
import { encryptTo } from '../crypto/age';
import { insertCaseRecord } from '../data/case-records';
import { findChannelById } from '../data/channels';
import { fail } from '../errors';
import type { CloseOutcome } from '../../contract/vocabulary';
import { kindOf, type CaseRecordBody } from './case-record-bodies';
import { sealIfSigned, signDecision } from './signed-decisions';

type Skip = BulkResult['skipped'][number]['reason'];

/** Put a tag of the lead's own channel on it, or take it off. */
function tagOne(db: Db, session: StaffSession, tagId: number, on: boolean, meta: ReportMeta, now: Date): Skip | null {
  if (findTagChannel(db, tagId) !== meta.channelId) return 'other_channel';
  if (!(on ? addReportTag(db, meta.id, tagId) : removeReportTag(db, meta.id, tagId))) return 'unchanged';
  auditCase(db, session, on ? 'report.tagged' : 'report.untagged', meta, now, { tagId });
  return null;
}

/** A lead's closing record, sealed and encrypted to its channel before the (synchronous) transaction. */
interface SealedClosing {
  channelId: number;
  body: CaseRecordBody;
  ciphertext: Uint8Array;
}

/**
 * Closing is a signed decision (signed-decisions.ts), one per lead, as a
 * single close would be: each lead in the member's channels gets its
 * closing record ready first (age encryption is asynchronous).
 */
async function sealClosings(db: Db, session: StaffSession, action: BulkAction): Promise<Map<number, SealedClosing>> {
  const sealed = new Map<number, SealedClosing>();
  if (action.action !== 'close') return sealed;
  if (session.signingKey === null) throw fail('signing_key_unavailable');
  for (const id of action.ids) {
    const meta = findReportMeta(db, id);
    const channel = meta && session.channelIdentities.has(meta.channelId) ? findChannelById(db, meta.channelId) : null;
    if (!meta || !channel || meta.status === 'closed') continue;
    const body = sealIfSigned<CaseRecordBody>({ version: 1, type: 'closing', outcome: action.outcome });
    sealed.set(id, { channelId: channel.id, body, ciphertext: await encryptTo([channel.recipient], JSON.stringify(body)) });
  }
  return sealed;
}

/** Close one lead with its sealed closing record, signed; the audit entry names both records. */
function closeOne(db: Db, session: StaffSession, outcome: CloseOutcome, meta: ReportMeta, closing: SealedClosing | undefined, now: Date): Skip | null {
  // Moved to another channel since the record was encrypted: that channel could not read it.
  if (closing === undefined || closing.channelId !== meta.channelId) return 'other_channel';
  if (!closeReport(db, meta.id, outcome, toHour(now))) return 'already_closed';
  const recordId = insertCaseRecord(db, { reportId: meta.id, kind: kindOf(closing.body), staffId: session.staffId, body: closing.ciphertext, createdAt: toHour(now) });
  const signedRecordId = signDecision(db, session, { reportId: meta.id, recordId, body: closing.body }, now);
  auditCase(db, session, 'report.closed', meta, now, { from: meta.status, outcome, recordId, signedRecordId });
  return null;
}

/** Change one lead; the reason it was left alone otherwise. */
function applyOne(db: Db, session: StaffSession, action: BulkAction, meta: ReportMeta, closings: Map<number, SealedClosing>, now: Date): Skip | null {
  // A closed lead can still be labelled; it cannot be closed or reassigned again.
  if (action.action === 'tag' || action.action === 'untag') return tagOne(db, session, action.tagId, action.action === 'tag', meta, now);
  if (meta.status === 'closed') return 'already_closed';
  if (action.action === 'close') return closeOne(db, session, action.outcome, meta, closings.get(meta.id), now);
  if (meta.assigneeId === action.staffId) return 'unchanged';
  if (action.staffId !== null && !findChannelMember(db, action.staffId, meta.channelId)) return 'not_a_member';
  updateAssignee(db, meta.id, action.staffId, toHour(now));
  auditCase(db, session, 'report.assignee_changed', meta, now, { from: meta.assigneeId, to: action.staffId });
  return null;
}

/** Apply a bulk action to each lead it names; see the module comment. */
export async function applyBulkAction(db: Db, session: StaffSession, action: BulkAction, now: Date): Promise<BulkResult> {
  const closings = await sealClosings(db, session, action);
  return db
    .transaction((): BulkResult => {
      const result: BulkResult = { changed: [], held: [], notFound: [], skipped: [] };
      for (const id of action.ids) {
        const meta = findReportMeta(db, id);
        if (!meta || !session.channelIdentities.has(meta.channelId)) {
          result.notFound.push(id);
          continue;
        }
        const lease = liveLeaseOf(db, id, now);
        if (lease !== null && lease.holder.id !== session.staffId) {
          result.held.push({ id, lease });
          continue;
        }
        const skipped = applyOne(db, session, action, meta, closings, now);
        if (skipped === null) result.changed.push(id);
        else result.skipped.push({ id, reason: skipped });
      }
      return result;
    })
    .immediate();
}

/** Who leads in the member's channels may be assigned to: ids, usernames and which of those channels each holds. */
export function membersOf(db: Db, session: StaffSession): MemberList {
  return { members: listMembersOfChannels(db, sessionChannelIds(session)) };
}
