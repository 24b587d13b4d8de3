/**
 * Taking in a report: one tracking code, one Argon2id derivation, and two
 * ciphertexts (content and, if given, contact details), each to the channel
 * recipient and the reporter recipient derived from the code.
 */
import { HTTPException } from 'hono/http-exception';
import type { Category } from '../../web/lib/report-fields';
import { formatTrackingCode } from '../../web/lib/tracking-code';
import { encryptTo } from '../crypto/age';
import { newSalt, type KdfParams } from '../crypto/argon2';
import { deriveIdentity } from '../crypto/derived-identity';
import { generateTrackingCode, lookupTag } from '../crypto/tracking-code';
import { countChannelHolders, findChannelBySlug } from '../data/channels';
import type { Db } from '../data/database';
import { insertReport, type ReportSource } from '../data/reports';
import type { ReportSubmission } from '../schemas/report';
import { addDays, toHour } from '../time';

export interface IntakeDeps {
  db: Db;
  instanceKey: Uint8Array;
  kdf: KdfParams;
  deadlines: { ackDays: number; feedbackDays: number };
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

/** Store a report; returns its formatted tracking code. `source` is 'web' unless staff enter a lead. */
export async function submitReport(
  deps: IntakeDeps,
  submission: ReportSubmission,
  now: Date = new Date(),
  source: ReportSource = 'web',
): Promise<{ trackingCode: string; reportId: number }> {
  const channel = findChannelBySlug(deps.db, channelSlugFor(submission.category));
  // Never encrypt to a key nobody can open: the report would be lost unread.
  if (!channel || countChannelHolders(deps.db, channel.id) === 0) {
    throw new HTTPException(503, { message: 'channel_unavailable' });
  }
  const code = generateTrackingCode();
  const salt = newSalt();
  const reporter = await deriveIdentity(code, salt, deps.kdf);
  const recipients = [channel.recipient, reporter.recipient];

  const { category: _category, region, contact, ...rest } = submission;
  const content: ReportContent = { version: 1, ...rest };
  const hasContact = contact !== undefined && Object.values(contact).some((value) => value !== undefined);
  const receivedAt = toHour(now);
  const reportId = insertReport(deps.db, {
    channelId: channel.id,
    category: submission.category,
    region: region ?? null,
    lookupTag: lookupTag(deps.instanceKey, code),
    codeSalt: salt,
    codeKdf: JSON.stringify(deps.kdf),
    reporterRecipient: reporter.recipient,
    content: await encryptTo(recipients, JSON.stringify(content)),
    contact: hasContact ? await encryptTo(recipients, JSON.stringify({ version: 1, ...contact })) : null,
    source,
    receivedAt,
    ackDueAt: toHour(addDays(now, deps.deadlines.ackDays)),
    feedbackDueAt: toHour(addDays(now, deps.deadlines.feedbackDays)),
  });
  return { trackingCode: formatTrackingCode(code), reportId };
}
