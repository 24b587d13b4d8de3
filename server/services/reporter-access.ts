/**
 * What a tracking code opens: finding the report (lookup tag, then Argon2id
 * over each candidate's salt), the reporter's status view, and follow-ups.
 * A miss does the same Argon2id work as a hit.
 */
import type { StatusView } from '../../contract/report-fields';
import { CATEGORIES, CLOSE_OUTCOMES, isOneOf, type ChannelKeyType, type InternalStatus, type PublicStatus } from '../../contract/vocabulary';
import { rateLimited } from '../abuse/guards';
import type { FailedCheckLimiter } from '../abuse/rate-limit';
import { decryptText, encryptTo, keyTypeOf } from '../crypto/age';
import { newSalt, parseKdfParams, type KdfPool } from '../crypto/argon2';
import { deriveIdentity, sameRecipient } from '../crypto/derived-identity';
import { lookupTag } from '../crypto/tracking-code';
import { firstReferralAt } from '../data/case-records';
import { findChannelById } from '../data/channels';
import type { Db } from '../data/database';
import { insertMessage, listMessages } from '../data/messages';
import { findReportById, findReportsByLookupTag, type ReportRecord } from '../data/reports';
import type { FileStore } from '../files/file-store';
import type { ReceivedFile } from '../files/receive-file';
import { fail } from '../errors';
import { toHour } from '../time';
import { addFileRows, encryptFileMetas, reporterFilesOf, storeWithFiles } from './evidence-files';
import { deadlinesOf, newMarkers, sentReportOf } from './status-answers';

export interface ReporterAccessDeps {
  db: Db;
  instanceKey: Uint8Array;
  /** Argon2id parameters and the reporter routes' pool. */
  kdf: KdfPool;
  /** Failed checks per lookup tag; a tag over its limit answers 429 before any work. */
  failedChecks?: FailedCheckLimiter;
  /**
   * The key type a miss derives (CHANNEL_KEY_TYPE, the type most reports
   * have): a hybrid key costs about 1 ms more to derive, and a miss must
   * cost what a hit costs. X25519 unless told.
   */
  missKeyType?: ChannelKeyType;
}

export interface OpenedReport {
  report: ReportRecord;
  /** The reporter identity re-derived from the code: decrypts what was sent to the reporter. */
  reporterIdentity: string;
}

/**
 * 429 when codes with this one's lookup tag failed too often this hour.
 * Checked before the request waits for admission: it costs nothing.
 */
export function refuseIfTagBlocked(deps: ReporterAccessDeps, digits: string): void {
  const blocked = deps.failedChecks?.blockedFor(lookupTag(deps.instanceKey, digits)) ?? null;
  if (blocked !== null) throw rateLimited(blocked);
}

/** Find the report a normalised code belongs to, or null (call refuseIfTagBlocked first). */
export async function openReportByCode(deps: ReporterAccessDeps, digits: string): Promise<OpenedReport | null> {
  const tag = lookupTag(deps.instanceKey, digits);
  const candidates = findReportsByLookupTag(deps.db, tag);
  if (candidates.length === 0) {
    await deriveIdentity(digits, newSalt(), deps.kdf.params, deps.kdf.limiter, deps.missKeyType); // a miss costs what a hit costs
    deps.failedChecks?.recordFailure(tag);
    return null;
  }
  for (const candidate of candidates) {
    const keyType = keyTypeOf(candidate.reporterRecipient);
    const derived = await deriveIdentity(digits, candidate.codeSalt, parseKdfParams(candidate.codeKdf), deps.kdf.limiter, keyType);
    if (sameRecipient(derived.recipient, candidate.reporterRecipient)) {
      const report = findReportById(deps.db, candidate.id);
      return report ? { report, reporterIdentity: derived.identity } : null;
    }
  }
  deps.failedChecks?.recordFailure(tag);
  return null;
}

/** The reporter-facing status for an internal one. */
export function publicStatusOf(report: Pick<ReportRecord, 'status' | 'acknowledgedAt'>): PublicStatus {
  const byStatus: Record<InternalStatus, PublicStatus> = {
    new: report.acknowledgedAt === null ? 'received' : 'acknowledged',
    triage: 'acknowledged',
    investigating: 'in_progress',
    awaiting_reporter: 'awaiting_reporter',
    referred: 'referred',
    closed: 'closed',
  };
  return byStatus[report.status];
}

/** Everything the reporter may see, decrypted with their identity (never the contact details). */
export async function statusViewOf(db: Db, opened: OpenedReport): Promise<StatusView> {
  const { report, reporterIdentity } = opened;
  const identities = [reporterIdentity];
  const records = listMessages(db, report.id);
  const marked = newMarkers(records.map((message) => ({ id: message.id, from: message.author, at: message.createdAt })));
  const messages = await Promise.all(
    records.map(async (message, index) => ({
      from: message.author,
      body: await decryptText(identities, message.body),
      at: message.createdAt,
      new: marked[index] === true,
    })),
  );
  const followUps = messages.filter((message) => message.from === 'reporter').map(({ body, at }) => ({ body, at }));
  const category = isOneOf(CATEGORIES, report.category) ? report.category : 'other';
  const view: StatusView = {
    status: publicStatusOf(report),
    receivedAt: report.receivedAt,
    deadlines: deadlinesOf({
      ackDueAt: report.ackDueAt,
      feedbackDueAt: report.feedbackDueAt,
      acknowledgedAt: report.acknowledgedAt,
      // acknowledged_at is set by the first reply or public message, so it dates a public message replaced since.
      feedbackTimes: [
        report.acknowledgedAt,
        messages.find((message) => message.from === 'staff')?.at ?? null,
        report.publicMessageAt,
        report.publicReferral === null ? null : firstReferralAt(db, report.id),
        report.closedAt,
      ],
    }),
    messages,
    files: await reporterFilesOf(db, report.id, reporterIdentity),
    report: sentReportOf(await decryptText(identities, report.content), { category, region: report.region }, followUps),
  };
  if (report.publicMessage) {
    view.publicMessage = await decryptText(identities, report.publicMessage);
    if (report.publicMessageAt !== null) view.publicMessageAt = report.publicMessageAt;
  }
  if (report.publicReferral) view.referral = { agency: await decryptText(identities, report.publicReferral) };
  if (view.status === 'closed' && isOneOf(CLOSE_OUTCOMES, report.outcome)) view.outcome = report.outcome;
  return view;
}

/** Who can read what the reporter sends: the report's channel and the reporter. */
export function reporterRecipientsOf(db: Db, opened: OpenedReport): string[] {
  const channel = findChannelById(db, opened.report.channelId);
  if (!channel) throw new Error('report without a channel');
  return [channel.recipient, opened.report.reporterRecipient];
}

/**
 * Add the reporter's follow-up: a message, evidence files, or both, each
 * encrypted to the channel and the reporter like the report. `recipients`
 * are the ones the files were encrypted to while they arrived; if the report
 * moved to another channel meanwhile, nothing is stored (409) rather than
 * keeping files the new channel could not open.
 */
export async function addReporterFollowUp(
  db: Db,
  store: FileStore,
  opened: OpenedReport,
  followUp: { body: string | undefined; files: readonly ReceivedFile[]; recipients: readonly string[] },
  now: Date = new Date(),
): Promise<void> {
  const { recipients, files } = followUp;
  const createdAt = toHour(now);
  const body = followUp.body === undefined ? null : await encryptTo(recipients, followUp.body);
  const metas = await encryptFileMetas(files, recipients);
  const write = (): void =>
    db.transaction(() => {
      if (reporterRecipientsOf(db, opened).join() !== recipients.join()) throw fail('conflict');
      const messageId =
        body === null ? null : insertMessage(db, { reportId: opened.report.id, author: 'reporter', staffId: null, body, createdAt });
      addFileRows(db, files, metas, { reportId: opened.report.id, origin: 'follow_up', messageId, createdAt });
    })();
  await storeWithFiles(store, files, write); // with no files, just the write
}
