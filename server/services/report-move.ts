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
import { FilesChangedError, listReportFiles, replaceReportFiles } from '../data/report-files';
import { findReportById } from '../data/reports';
import type { FileStore } from '../files/file-store';
import { fail } from '../errors';
import { toHour } from '../time';
import { auditCase, reportNotFound, type OpenCase } from './case-access';
import { assertLeaseAllows } from './case-lease';
import { reencryptStoredFile, storeWithFiles } from './evidence-files';

/** Move to the channel with this slug; returns the new channel's slug. */
export async function moveReport(
  db: Db,
  store: FileStore,
  session: StaffSession,
  opened: OpenCase,
  channelSlug: string,
  now: Date,
): Promise<string> {
  const { meta, identity } = opened;
  const target = findChannelBySlug(db, channelSlug);
  // Unknown, or a channel the caller cannot open: either way not a valid destination for them.
  if (!target || !session.channelIdentities.has(target.id)) throw fail('invalid_input', { channel: 'invalid_choice' });
  if (target.id === meta.channelId) throw fail('conflict');
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
    publicReferral: read.publicReferral === null ? null : await again(toBoth, read.publicReferral),
    messages: await Promise.all(read.messages.map(async (m) => ({ id: m.id, body: await again(toBoth, m.body) }))),
    caseRecords: await Promise.all(read.caseRecords.map(async (r) => ({ id: r.id, body: await again(toChannel, r.body) }))),
  };
  // Evidence files: each re-encrypted into a new file, moved into place
  // before the swap and the old ones deleted after it (see storeWithFiles
  // for why a crash in between leaves nothing wrong behind).
  const files = listReportFiles(db, meta.id);
  const newFiles: { id: number; storageName: string; meta: Uint8Array }[] = [];
  try {
    for (const file of files) {
      newFiles.push({
        id: file.id,
        storageName: await reencryptStoredFile(store, file.storageName, identity, toBoth),
        meta: await again(toBoth, file.meta),
      });
    }
  } catch (error) {
    await store.discard(newFiles.map((file) => file.storageName));
    throw error;
  }
  // The lease is checked again inside the swap's transaction (the inner one
  // becomes a savepoint), before the swap ends it: a take-over during the
  // re-encryption wins.
  const swap = (): boolean =>
    db.transaction((): boolean => {
      assertLeaseAllows(db, session, meta.id, now);
      return replaceReportCiphertexts(
        db,
        { reportId: meta.id, fromChannelId: meta.channelId, toChannelId: target.id, at: toHour(now) },
        read,
        next,
        () => {
          replaceReportFiles(db, meta.id, files, newFiles);
          auditCase(db, session, 'report.moved', meta, now, { fromChannelId: meta.channelId, toChannelId: target.id });
        },
      );
    }).immediate();
  let moved: boolean | 'files_changed';
  try {
    moved = await storeWithFiles(store, newFiles, swap);
  } catch (error) {
    if (!(error instanceof FilesChangedError)) throw error;
    moved = 'files_changed';
  }
  // Something was written meanwhile (a follow-up, a note, a file): nothing changed; try again.
  if (moved === 'files_changed') throw fail('conflict'); // storeWithFiles deleted the new files
  if (!moved) {
    await store.discard(newFiles.map((file) => file.storageName));
    throw fail('conflict');
  }
  await store.discard(files.map((file) => file.storageName));
  return target.slug;
}
