/**
 * Moving a report to another channel: every ciphertext is decrypted with the
 * old channel identity and encrypted again to the new channel's recipient
 * (plus the reporter recipient where the reporter could read it before), then
 * swapped in with the new channel id in one transaction. The caller must
 * hold both channel keys.
 */
import type { StaffSession } from '../auth/session-store';
import { decryptWith, encryptTo } from '../crypto/age';
import { findChannelBySlug } from '../data/channels';
import type { Db } from '../data/database';
import { readReportCiphertexts, replaceReportCiphertexts } from '../data/report-ciphertexts';
import { findReportById } from '../data/reports';
import { apiError } from '../http/errors';
import { toHour } from '../time';
import { auditCase, reportNotFound, type OpenCase } from './case-access';

/** Move to the channel with this slug; returns the new channel's slug. */
export async function moveReport(db: Db, session: StaffSession, opened: OpenCase, channelSlug: string, now: Date): Promise<string> {
  const { meta, identity } = opened;
  const target = findChannelBySlug(db, channelSlug);
  // Unknown, or a channel the caller cannot open: either way not a valid destination for them.
  if (!target || !session.channelIdentities.has(target.id)) throw apiError(400, 'invalid_input', { channel: 'invalid_choice' });
  if (target.id === meta.channelId) throw apiError(409, 'conflict');
  const report = findReportById(db, meta.id);
  const read = readReportCiphertexts(db, meta.id);
  if (!report || !read) throw reportNotFound();

  const toBoth = [target.recipient, report.reporterRecipient];
  const toChannel = [target.recipient];
  const again = async (recipients: string[], ciphertext: Uint8Array): Promise<Uint8Array> =>
    encryptTo(recipients, await decryptWith([identity], ciphertext));
  const next = {
    content: await again(toBoth, read.content),
    contact: read.contact === null ? null : await again(toBoth, read.contact),
    publicMessage: read.publicMessage === null ? null : await again(toBoth, read.publicMessage),
    messages: await Promise.all(read.messages.map(async (m) => ({ id: m.id, body: await again(toBoth, m.body) }))),
    caseRecords: await Promise.all(read.caseRecords.map(async (r) => ({ id: r.id, body: await again(toChannel, r.body) }))),
  };
  const moved = replaceReportCiphertexts(db, { reportId: meta.id, fromChannelId: meta.channelId, toChannelId: target.id, at: toHour(now) }, read, next, () =>
    auditCase(db, session, 'report.moved', meta, now, { fromChannelId: meta.channelId, toChannelId: target.id }),
  );
  // Something was written meanwhile (a follow-up, a note): nothing changed; try again.
  if (!moved) throw apiError(409, 'conflict');
  return target.slug;
}
