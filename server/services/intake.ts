/**
 * Taking in a report: one tracking code, one Argon2id derivation, and two
 * ciphertexts (content and, if given, contact details), each to the channel
 * recipient and the reporter recipient derived from the code.
 */
import type { Category, ReportSource } from '../../contract/vocabulary';
import { formatTrackingCode } from '../../contract/tracking-code';
import { encryptTo, keyTypeOf } from '../crypto/age';
import { newSalt, type KdfPool } from '../crypto/argon2';
import { deriveIdentity } from '../crypto/derived-identity';
import { generateTrackingCode, lookupTag } from '../crypto/tracking-code';
import { countChannelHolders, findChannelBySlug, type Channel } from '../data/channels';
import type { Db } from '../data/database';
import { insertReport } from '../data/reports';
import type { RegionMatcher } from './regions';
import type { FileStore } from '../files/file-store';
import type { ReceivedFile } from '../files/receive-file';
import type { ReportSubmission } from '../../contract/schemas/reporter';
import { addDays, toHour } from '../time';
import { addFileRows, encryptFileMetas, storeWithFiles } from './evidence-files';
import { DomainError } from '../errors';

export interface IntakeDeps {
  db: Db;
  instanceKey: Uint8Array;
  /** Argon2id parameters and pool: the reporter pool for web submissions, the staff pool for leads staff enter. */
  kdf: KdfPool;
  deadlines: { ackDays: number; feedbackDays: number };
  /** Where evidence files go; only needed when a submission has files. */
  files?: FileStore;
  /** Maps the region to the operator's list (services/regions.ts); without it the region is kept as typed. */
  regions?: RegionMatcher;
}

/** What the channel's staff decrypt: everything but category, region and contact. */
export interface ReportContent {
  version: 1;
  details: string;
  location?: string | undefined;
  subjects?: string | undefined;
  occurredAt?: string | undefined;
  officialsInvolved?: string | undefined;
  officialsDetails?: string | undefined;
  discouraged?: string | undefined;
}

/** The channel each category goes to on a fresh instance: the one with the same slug. */
export function channelSlugFor(category: Category): string {
  return category;
}

/** Everything decided before the report's files are read: its channel, code and reporter key. */
export interface PreparedReport {
  channel: Channel;
  code: string;
  salt: Uint8Array;
  reporterRecipient: string;
  /** Who can decrypt the report and its files: the channel and the reporter. */
  recipients: readonly string[];
}

/**
 * Pick the channel and make the tracking code and reporter key: the one
 * Argon2id derivation of a submission. Throws 503 when the channel has no
 * key holder, before anything is stored.
 */
export async function prepareReport(deps: Pick<IntakeDeps, 'db' | 'kdf'>, category: Category): Promise<PreparedReport> {
  const channel = findChannelBySlug(deps.db, channelSlugFor(category));
  // Never encrypt to a key nobody can open: the report would be lost unread.
  if (!channel || countChannelHolders(deps.db, channel.id) === 0) {
    throw new DomainError('service_unavailable', { message: 'This category cannot take reports right now; please try again later.' });
  }
  const code = generateTrackingCode();
  const salt = newSalt();
  // A hybrid channel's reporter gets a hybrid key too: a classical stanza
  // beside the channel's would let a quantum attacker open the report anyway.
  const reporter = await deriveIdentity(code, salt, deps.kdf.params, deps.kdf.limiter, keyTypeOf(channel.recipient));
  return { channel, code, salt, reporterRecipient: reporter.recipient, recipients: [channel.recipient, reporter.recipient] };
}

/** How a report is stored, beyond what the reporter sent. */
export interface StoreOptions {
  /** When it arrived; the current time by default (stored to the hour). */
  now?: Date | undefined;
  /** 'web' unless staff enter a lead. */
  source?: ReportSource | undefined;
  /**
   * The admission layer's verdict (server/abuse/): admitted with little or no
   * proof of work while the server was under load. Stored in clear as the
   * low-effort marker, so staff see it apart and an admin may discard it in
   * a batch. False by default.
   */
  lowEffort?: boolean | undefined;
}

/**
 * Store a prepared report with its received files (moved into place first;
 * see storeWithFiles). Returns its formatted tracking code.
 */
export async function storeReport(
  deps: IntakeDeps,
  prepared: PreparedReport,
  submission: ReportSubmission,
  files: readonly ReceivedFile[] = [],
  options: StoreOptions = {},
): Promise<{ trackingCode: string; reportId: number }> {
  const { now = new Date(), source = 'web', lowEffort = false } = options;
  const { recipients } = prepared;
  const { category: _category, region, regionOther: _box, contact, ...rest } = submission;
  const content: ReportContent = { version: 1, ...rest };
  const hasContact = contact !== undefined && Object.values(contact).some((value) => value !== undefined);
  const receivedAt = toHour(now);
  const encrypted = {
    content: await encryptTo(recipients, JSON.stringify(content)),
    contact: hasContact ? await encryptTo(recipients, JSON.stringify({ version: 1, ...contact })) : null,
    fileMetas: await encryptFileMetas(files, recipients),
  };
  const write = (): number =>
    deps.db.transaction((): number => {
      const reportId = insertReport(deps.db, {
        channelId: prepared.channel.id,
        category: submission.category,
        region: (deps.regions ? deps.regions.canonical(region) : region) ?? null,
        lookupTag: lookupTag(deps.instanceKey, prepared.code),
        codeSalt: prepared.salt,
        codeKdf: JSON.stringify(deps.kdf.params),
        reporterRecipient: prepared.reporterRecipient,
        content: encrypted.content,
        contact: encrypted.contact,
        source,
        lowEffort,
        receivedAt,
        ackDueAt: toHour(addDays(now, deps.deadlines.ackDays)),
        feedbackDueAt: toHour(addDays(now, deps.deadlines.feedbackDays)),
      });
      addFileRows(deps.db, files, encrypted.fileMetas, { reportId, origin: 'report', messageId: null, createdAt: receivedAt });
      return reportId;
    })();
  const reportId = files.length === 0 ? write() : await storeWithFiles(requireStore(deps), files, write);
  return { trackingCode: formatTrackingCode(prepared.code), reportId };
}

function requireStore(deps: IntakeDeps): FileStore {
  if (!deps.files) throw new Error('files received without a file store');
  return deps.files;
}

/** Prepare and store a report without files (leads, tests). */
export async function submitReport(
  deps: IntakeDeps,
  submission: ReportSubmission,
  options: StoreOptions = {},
): Promise<{ trackingCode: string; reportId: number }> {
  return storeReport(deps, await prepareReport(deps, submission.category), submission, [], options);
}
