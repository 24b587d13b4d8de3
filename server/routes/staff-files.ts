/**
 * GET /api/staff/reports/:id/files/:fileId and .../encrypted: a report's
 * evidence file, decrypted as it streams, or exported as the stored age file
 * (opens with the `age` CLI and the channel key), and .../preview: a cleaned
 * JPEG or PNG shown inline on the case page. All three are audited. Only
 * staff who can open the report; a file of another report is not found.
 * .../check says whether the file opens whole without sending it: the
 * console asks before it starts a download, so that a damaged file is
 * named on the page instead of saved broken.
 */
import { Hono } from 'hono';
import { statSync } from 'node:fs';
import { findReportFile, type ReportFileRecord } from '../data/report-files';
import { fail } from '../errors';
import { downloadHeaders, previewHeaders } from '../http/download';
import { canPreview } from '../../contract/attachments';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { pathId } from '../path-id';
import { auditCase, openCase, parseReportId, reportNotFound, type OpenCase } from '../services/case-access';
import { openStoredFile, staffFileViewOf } from '../services/evidence-files';
import { checkStoredFile, type FileDamage } from '../files/stored-file-check';
import { toWebStream } from '../files/web-streams';
import { staffAuthDeps, type RouteDeps } from './deps';

/** The stored file's size, or null when it is gone. */
function storedSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function staffFileRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const caseworkers = requireStaff(staffAuthDeps(deps), { roles: ['triager', 'admin'] });
  const { db, files: store } = deps;

  const openFile = async (c: { get(key: 'staff'): StaffVariables['staff']; req: { param(key: 'id' | 'fileId'): string } }) => {
    const session = c.get('staff');
    const opened = openCase(db, session, parseReportId(c.req.param('id')));
    // File ids look like report ids; a file of another report answers like a missing one.
    const record = findReportFile(db, opened.meta.id, pathId(c.req.param('fileId'), 'fileId'));
    if (!record) throw reportNotFound();
    return { session, opened, record, view: await staffFileViewOf(record, opened.identity) };
  };

  /** 409 file_damaged, with an audit entry and a log line that tells the operator to restore it (by kind only: no id in the log). */
  const damaged = (session: StaffVariables['staff'], opened: OpenCase, record: ReportFileRecord, damage: FileDamage): never => {
    auditCase(db, session, 'file.damaged', opened.meta, deps.now(), { fileId: record.id });
    deps.log.error('evidence file damaged', { damage });
    throw fail('file_damaged');
  };

  /**
   * Authenticates the whole file before anything is sent
   * (files/stored-file-check.ts), so no header of a download ever goes out
   * for a file that would break off half-way.
   */
  const refuseDamaged = async (session: StaffVariables['staff'], opened: OpenCase, record: ReportFileRecord): Promise<void> => {
    const damage = await checkStoredFile(store.storedPath(record.storageName), [opened.identity]);
    if (damage !== null) damaged(session, opened, record, damage);
  };

  return new Hono<{ Variables: StaffVariables }>()
    .get('/reports/:id/files/:fileId', caseworkers, async (c) => {
      const { session, opened, record, view } = await openFile(c);
      await refuseDamaged(session, opened, record);
      const plaintext = openStoredFile(store, record.storageName, opened.identity);
      auditCase(db, session, 'file.downloaded', opened.meta, deps.now(), { fileId: record.id });
      return new Response(toWebStream(plaintext), { status: 200, headers: downloadHeaders(view.name, view.type, view.size) });
    })
    // Only a cleaned JPEG or PNG; any other file answers 404 here and is downloaded instead.
    .get('/reports/:id/files/:fileId/preview', caseworkers, async (c) => {
      const { session, opened, record, view } = await openFile(c);
      if (!canPreview(view)) throw reportNotFound();
      await refuseDamaged(session, opened, record);
      const plaintext = openStoredFile(store, record.storageName, opened.identity);
      auditCase(db, session, 'file.previewed', opened.meta, deps.now(), { fileId: record.id });
      return new Response(toWebStream(plaintext), { status: 200, headers: previewHeaders(view.type, view.size) });
    })
    // Nothing of the file leaves the server, so an intact file is not audited; a damaged one is.
    .get('/reports/:id/files/:fileId/check', caseworkers, async (c) => {
      const { session, opened, record } = await openFile(c);
      await refuseDamaged(session, opened, record);
      return c.json({ intact: true as const }, 200);
    })
    // The stored bytes as they are, damaged or not: what an examiner of the damage would want.
    .get('/reports/:id/files/:fileId/encrypted', caseworkers, async (c) => {
      const { session, opened, record, view } = await openFile(c);
      const size = storedSize(store.storedPath(record.storageName));
      if (size === null) return damaged(session, opened, record, 'missing');
      auditCase(db, session, 'file.exported', opened.meta, deps.now(), { fileId: record.id });
      return new Response(toWebStream(store.openStored(record.storageName)), {
        status: 200,
        headers: downloadHeaders(`${view.name}.age`, 'application/octet-stream', size),
      });
    });
}
