/**
 * Words to the reporter: replies (report_messages rows) and the public
 * message, both encrypted to the channel and the reporter recipient stored
 * on the report. The first of either acknowledges the report.
 */
import type { StaffSession } from '../auth/session-store';
import { encryptTo } from '../crypto/age';
import { findChannelById } from '../data/channels';
import type { Db } from '../data/database';
import { insertMessage } from '../data/messages';
import { acknowledgeReport, updatePublicMessage } from '../data/report-updates';
import { findReportById } from '../data/reports';
import { toHour } from '../time';
import { assertSameChannel, auditCase, reportNotFound, type OpenCase } from './case-access';
import { assertLeaseAllows } from './case-lease';

/** Encrypt what the reporter may read: to the report's channel and its reporter recipient. */
export async function encryptForReporter(db: Db, opened: OpenCase, text: string): Promise<Uint8Array> {
  const channel = findChannelById(db, opened.meta.channelId);
  const report = findReportById(db, opened.meta.id);
  if (!channel || !report) throw reportNotFound();
  return encryptTo([channel.recipient, report.reporterRecipient], text);
}

/** Acknowledge inside the caller's transaction, auditing the first time only. */
function acknowledge(db: Db, session: StaffSession, opened: OpenCase, now: Date): void {
  if (acknowledgeReport(db, opened.meta.id, toHour(now))) {
    auditCase(db, session, 'report.acknowledged', opened.meta, now, { from: opened.meta.status });
  }
}

/** Send a reply the reporter reads with their code; returns the message id. */
export async function reply(db: Db, session: StaffSession, opened: OpenCase, body: string, now: Date): Promise<number> {
  const ciphertext = await encryptForReporter(db, opened, body);
  return db
    .transaction((): number => {
      assertSameChannel(db, opened);
      assertLeaseAllows(db, session, opened.meta.id, now);
      const id = insertMessage(db, { reportId: opened.meta.id, author: 'staff', staffId: session.staffId, body: ciphertext, createdAt: toHour(now) });
      auditCase(db, session, 'report.replied', opened.meta, now, { messageId: id });
      acknowledge(db, session, opened, now);
      return id;
    })
    .immediate();
}

/** Set (replace) the public message shown on the reporter's status page. */
export async function setPublicMessage(db: Db, session: StaffSession, opened: OpenCase, body: string, now: Date): Promise<void> {
  const ciphertext = await encryptForReporter(db, opened, body);
  db.transaction(() => {
    assertSameChannel(db, opened);
    assertLeaseAllows(db, session, opened.meta.id, now);
    updatePublicMessage(db, opened.meta.id, ciphertext, toHour(now));
    auditCase(db, session, 'report.public_message_set', opened.meta, now);
    acknowledge(db, session, opened, now);
  }).immediate();
}
