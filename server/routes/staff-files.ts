/**
 * GET /api/staff/reports/:id/files/:fileId and .../encrypted: a report's
 * evidence file, decrypted as it streams, or exported as the stored age file
 * (opens with the `age` CLI and the channel key), and .../preview: a cleaned
 * JPEG or PNG shown inline on the case page. All three are audited. Only
 * staff who can open the report; a file of another report is not found.
 */
import { Hono } from 'hono';
import { statSync } from 'node:fs';
import { findReportFile } from '../data/report-files';
import { downloadHeaders, previewHeaders } from '../http/download';
import { canPreview } from '../../contract/attachments';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { auditCase, openCase, parseReportId, reportNotFound } from '../services/case-access';
import { openStoredFile, staffFileViewOf } from '../services/evidence-files';
import { toWebStream } from '../files/web-streams';
import { staffAuthDeps, type RouteDeps } from './deps';

export function staffFileRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const caseworkers = requireStaff(staffAuthDeps(deps), { roles: ['triager', 'admin'] });
  const { db, files: store } = deps;

  const openFile = async (c: { get(key: 'staff'): StaffVariables['staff']; req: { param(key: 'id' | 'fileId'): string } }) => {
    const session = c.get('staff');
    const opened = openCase(db, session, parseReportId(c.req.param('id')));
    // File ids look like report ids; a file of another report answers like a missing one.
    const record = findReportFile(db, opened.meta.id, parseReportId(c.req.param('fileId')));
    if (!record) throw reportNotFound();
    return { session, opened, record, view: await staffFileViewOf(record, opened.identity) };
  };

  return new Hono<{ Variables: StaffVariables }>()
    .get('/reports/:id/files/:fileId', caseworkers, async (c) => {
      const { session, opened, record, view } = await openFile(c);
      const plaintext = openStoredFile(store, record.storageName, opened.identity);
      auditCase(db, session, 'file.downloaded', opened.meta, deps.now(), { fileId: record.id });
      return new Response(toWebStream(plaintext), { status: 200, headers: downloadHeaders(view.name, view.type, view.size) });
    })
    // Only a cleaned JPEG or PNG; any other file answers 404 here and is downloaded instead.
    .get('/reports/:id/files/:fileId/preview', caseworkers, async (c) => {
      const { session, opened, record, view } = await openFile(c);
      if (!canPreview(view)) throw reportNotFound();
      const plaintext = openStoredFile(store, record.storageName, opened.identity);
      auditCase(db, session, 'file.previewed', opened.meta, deps.now(), { fileId: record.id });
      return new Response(toWebStream(plaintext), { status: 200, headers: previewHeaders(view.type, view.size) });
    })
    .get('/reports/:id/files/:fileId/encrypted', caseworkers, async (c) => {
      const { session, opened, record, view } = await openFile(c);
      const size = statSync(store.storedPath(record.storageName)).size;
      auditCase(db, session, 'file.exported', opened.meta, deps.now(), { fileId: record.id });
      return new Response(toWebStream(store.openStored(record.storageName)), {
        status: 200,
        headers: downloadHeaders(`${view.name}.age`, 'application/octet-stream', size),
      });
    });
}
