/**
 * What staff see of a report: the clear metadata (queue rows) and, for one
 * report opened with the channel identity, the decrypted content, messages,
 * case records and links. Never the contact details: only whether there are
 * any (revealing them is its own audited action).
 */
import type { StaffSession } from '../auth/session-store';
import { decryptText } from '../crypto/age';
import { listCaseRecords } from '../data/case-records';
import type { Db } from '../data/database';
import { listMessages } from '../data/messages';
import { readReportCiphertexts } from '../data/report-ciphertexts';
import { listLinkedReports } from '../data/report-links';
import type { ReportMeta } from '../data/report-metadata';
import type { CaseView, ReportSummary } from '../../contract/schemas/staff-views';
import { toSecond } from '../time';
import { reportNotFound, type OpenCase } from './case-access';
import { caseRecordViewOf, type CaseRecordBody } from './case-record-bodies';
import { checkSignature, signedRecordsByRecord, signingKeyLookup } from './signed-decisions';
import { staffFilesOf } from './evidence-files';
import type { ReportContent } from './intake';
import { indexSnapshotOf, needsIndexing, type IndexSnapshot } from '../data/search-tokens';
import { indexCaseView, SEARCH_INDEX_VERSION } from './search-index';

/** The queue row for a report at `now`, as the staff member `viewerId` sees it (whether the lease is theirs). */
export function summaryOf(meta: ReportMeta, now: Date, viewerId: number): ReportSummary {
  const at = toSecond(now);
  const open = meta.status !== 'closed';
  const leased = meta.leaseStaffId !== null && meta.leaseExpiresAt !== null && meta.leaseExpiresAt >= at;
  return {
    id: meta.id,
    channel: meta.channel,
    category: meta.category,
    region: meta.region,
    status: meta.status,
    outcome: meta.outcome,
    priority: meta.priority,
    assignee: meta.assigneeId === null ? null : { id: meta.assigneeId, username: meta.assigneeUsername ?? '' },
    source: meta.source,
    lowEffort: meta.lowEffort === 1,
    receivedAt: meta.receivedAt,
    acknowledgedAt: meta.acknowledgedAt,
    ackDueAt: meta.ackDueAt,
    feedbackDueAt: meta.feedbackDueAt,
    closedAt: meta.closedAt,
    leased,
    lease:
      leased && meta.leaseStaffId !== null && meta.leaseExpiresAt !== null
        ? {
            holder: { id: meta.leaseStaffId, username: meta.leaseUsername ?? '' },
            until: meta.leaseExpiresAt,
            mine: meta.leaseStaffId === viewerId,
          }
        : null,
    overdue: {
      acknowledgement: open && meta.acknowledgedAt === null && meta.ackDueAt < at,
      feedback: open && meta.feedbackDueAt < at,
    },
  };
}

/**
 * The whole report decrypted with the channel identity. The caller audits
 * the view. A report not yet in the search index is indexed from this very
 * decryption (server/services/search-index.ts), just after the view is answered.
 */
export async function caseViewOf(db: Db, session: StaffSession, opened: OpenCase, now: Date): Promise<CaseView> {
  // Taken before reading: content that arrives meanwhile makes the tokens stale, and they are not stored.
  const snapshot = indexSnapshotOf(db, opened.meta.id);
  const view = await decryptCase(db, session, opened, now);
  // Right after the answer rather than before it: indexing is a write, and the person waiting for
  // the lead needs the view, not the index.
  if (snapshot) setImmediate(() => indexIfNeeded(db, view, snapshot, opened.identity));
  return view;
}

/** Index the view's content unless the report is indexed already; a failure here never fails the view. */
function indexIfNeeded(db: Db, view: CaseView, snapshot: IndexSnapshot, identity: string): void {
  try {
    if (!needsIndexing(db, view.id, SEARCH_INDEX_VERSION)) return;
    indexCaseView(db, view, snapshot, identity);
  } catch {
    // Stays unindexed (or the instance was closed meanwhile); the background indexer tries again.
  }
}

async function decryptCase(db: Db, session: StaffSession, opened: OpenCase, now: Date): Promise<CaseView> {
  const { meta, identity } = opened;
  const identities = [identity];
  const ciphertexts = readReportCiphertexts(db, meta.id);
  if (!ciphertexts) throw reportNotFound();
  const { version: _version, ...content } = JSON.parse(await decryptText(identities, ciphertexts.content)) as ReportContent;
  const messages = await Promise.all(
    listMessages(db, meta.id).map(async (message) => ({
      id: message.id,
      from: message.author,
      body: await decryptText(identities, message.body),
      at: message.createdAt,
    })),
  );
  // Each signed decision is checked here, with its decrypted content, under the signer's registered key.
  const signed = signedRecordsByRecord(db, meta.id);
  const keyOf = signingKeyLookup(db);
  const caseRecords = await Promise.all(
    listCaseRecords(db, meta.id).map(async (record) => {
      const plaintext = await decryptText(identities, record.body);
      return caseRecordViewOf(record, plaintext, checkSignature(record, JSON.parse(plaintext) as CaseRecordBody, signed.get(record.id), keyOf));
    }),
  );
  return {
    ...summaryOf(meta, now, session.staffId),
    content,
    hasContact: ciphertexts.contact !== null,
    publicMessage: ciphertexts.publicMessage ? await decryptText(identities, ciphertexts.publicMessage) : null,
    messages,
    caseRecords,
    links: listLinkedReports(db, meta.id)
      // Only leads the viewer may open: a link into another channel would tell them of a lead they cannot read.
      .filter((link) => session.channelIdentities.has(link.channelId))
      .map(({ id, category, status }) => ({ id, category, status })),
    files: await staffFilesOf(db, meta.id, identity),
  };
}
