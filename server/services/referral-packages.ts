/**
 * Referring a lead with a referral package (POST /reports/:id/referral-package):
 * the case decrypted with the caller's channel key, written as one age file
 * only the chosen authority can open (server/referral/build.ts), then the
 * referral recorded as the referral route records one, with the package's
 * SHA-256 in the audit trail. Nothing is recorded unless the whole package
 * was written; a package that was written but whose referral could not be
 * recorded is deleted.
 *
 * The package is staged under files/incoming/ (encrypted to the authority,
 * so nothing there is readable by the instance either) and handed to the
 * caller to stream; the startup sweep removes one a crash left behind.
 */
import { rm } from 'node:fs/promises';
import type { StaffSession } from '../auth/session-store';
import { decryptText } from '../crypto/age';
import type { SigningKeyPair } from '../crypto/signing';
import type { Db } from '../data/database';
import { readReportCiphertexts } from '../data/report-ciphertexts';
import { listReportFiles } from '../data/report-files';
import { fail } from '../errors';
import type { FileStore } from '../files/file-store';
import { writePackage, type EvidenceEntry } from '../referral/build';
import { renderCaseFile } from '../html/case-file';
import { PACKAGE_FORMAT, PACKAGE_VERSION } from '../referral/manifest';
import type { PackageSources } from '../referral/sources';
import { safeEntryName } from '../referral/tar-writer';
import { toSecond } from '../time';
import { authorityToReferTo } from './authorities';
import { auditCase, type OpenCase } from './case-access';
import { addReferral, recordContactRelease } from './case-notes';
import { caseViewOf } from './case-view';
import { openStoredFile } from './evidence-files';
import type { ContactDetails } from '../../contract/schemas/staff-views';
import type { ReferralPackageRequest } from '../../contract/schemas/authorities';

export interface PackageDeps {
  db: Db;
  files: FileStore;
  signingKey: SigningKeyPair;
  sources: PackageSources;
  now: () => Date;
}

export interface MadePackage {
  /** The staged age file; the caller streams it and removes it. */
  path: string;
  fileName: string;
  sha256: string;
  size: number;
}

async function contactOf(db: Db, opened: OpenCase): Promise<ContactDetails> {
  const contact = readReportCiphertexts(db, opened.meta.id)?.contact ?? null;
  if (contact === null) throw fail('conflict');
  const { version: _version, ...details } = JSON.parse(await decryptText([opened.identity], contact)) as ContactDetails & { version: 1 };
  return details;
}

/** Make the package, record the referral and return the staged file. */
export async function makeReferralPackage(
  deps: PackageDeps,
  session: StaffSession,
  opened: OpenCase,
  request: ReferralPackageRequest,
): Promise<MadePackage> {
  const { db } = deps;
  if (opened.meta.status === 'closed') throw fail('invalid_transition');
  const authority = authorityToReferTo(db, request.authorityId);
  const now = deps.now();
  const createdAt = toSecond(now);
  const view = await caseViewOf(db, session, opened, now);
  const contact = request.includeContact === undefined ? null : { details: await contactOf(db, opened), reason: request.includeContact.reason };
  const stored = new Map(listReportFiles(db, opened.meta.id).map((record) => [record.id, record.storageName]));
  const evidence: (EvidenceEntry & { type: string })[] = view.files.map((file, index) => {
    const storageName = stored.get(file.id);
    if (storageName === undefined) throw fail('conflict');
    return {
      path: `evidence/${index + 1}-${safeEntryName(file.name)}`,
      originalName: file.name,
      size: file.size,
      sha256: file.sha256,
      type: file.type,
      open: () => openStoredFile(deps.files, storageName, opened.identity),
    };
  });
  const caseHtml = renderCaseFile({
    view,
    language: request.language,
    authority,
    createdAt,
    createdBy: session.username,
    instanceKey: deps.signingKey.publicKeyBase64,
    evidence: evidence.map((e) => ({ path: e.path, name: e.originalName, size: e.size, sha256: e.sha256, type: e.type })),
    contact,
  });

  const { incomingPath } = deps.files.stage();
  try {
    const built = await writePackage(
      {
        manifest: {
          format: PACKAGE_FORMAT,
          version: PACKAGE_VERSION,
          reportId: opened.meta.id,
          authority: { id: authority.id, name: authority.name, jurisdiction: authority.jurisdiction, recipient: authority.recipient },
          language: request.language,
          createdAt,
          createdBy: { staffId: session.staffId, username: session.username },
          contactIncluded: contact !== null,
          checkpoint: deps.sources.latestCheckpoint(),
        },
        caseHtml,
        evidence,
        signedRecords: deps.sources.signedRecords(opened.meta.id),
        signingKey: deps.signingKey,
        recipient: authority.recipient,
      },
      incomingPath,
    );
    // Recorded only now that the package exists. The contact release is
    // recorded first: should the referral then fail, the trail over-reports
    // a release that never left, never the other way round.
    if (contact !== null) await recordContactRelease(db, session, opened, contact.reason, authority.id, now);
    const referral = { agency: authority.name, date: createdAt.slice(0, 10), tellReporter: request.tellReporter };
    await addReferral(db, session, opened, referral, now, (recordId) =>
      auditCase(db, session, 'report.package_exported', opened.meta, now, {
        recordId,
        authorityId: authority.id,
        packageSha256: built.sha256,
        packageBytes: built.size,
        language: request.language,
        contactIncluded: contact !== null,
        signedRecords: built.manifest.signedRecords.length,
      }),
    );
    return { path: incomingPath, fileName: `referral-${opened.meta.id}-${createdAt.slice(0, 10).replaceAll('-', '')}.tar.age`, sha256: built.sha256, size: built.size };
  } catch (error) {
    await rm(incomingPath, { force: true });
    throw error;
  }
}
