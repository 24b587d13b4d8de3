/**
 * Authorities and referral packages: GET /authorities (caseworkers choose
 * one; admins see the disabled ones too), POST /authorities and
 * POST /authorities/:id/disable (admins), and
 * POST /reports/:id/referral-package, which streams the package as a
 * download. The package route opens the report like every case route (404
 * outside the caller's channels, 409 lease_held under someone else's lease).
 */
import { open, rm } from 'node:fs/promises';
import { Hono } from 'hono';
import { newAuthoritySchema, referralPackageSchema } from '../../contract/schemas/authorities';
import { pathId } from '../path-id';
import { downloadHeaders } from '../http/download';
import { jsonInput } from '../http/json-input';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { toWebStream } from '../files/web-streams';
import { authoritiesFor, registerAuthority, retireAuthority } from '../services/authorities';
import { openCase, parseReportId } from '../services/case-access';
import { assertLeaseAllows } from '../services/case-lease';
import { makeReferralPackage, type PackageDeps } from '../services/referral-packages';
import { staffAuthDeps, type RouteDeps } from './deps';

/** The package's SHA-256, so the console can show what the audit trail recorded. */
export const PACKAGE_HASH_HEADER = 'X-Tipline-Package-Sha256';

export function staffAuthorityRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const auth = staffAuthDeps(deps);
  const admin = requireStaff(auth, { roles: ['admin'] });
  const caseworkers = requireStaff(auth, { roles: ['triager', 'admin'] });
  const { db } = deps;
  const packageDeps: PackageDeps = { db, files: deps.files, signingKey: deps.signingKey, sources: deps.packageSources, now: deps.now };

  return new Hono<{ Variables: StaffVariables }>()
    .get('/authorities', caseworkers, (c) => c.json({ authorities: authoritiesFor(db, c.get('staff')) }, 200))
    .post('/authorities', admin, jsonInput(newAuthoritySchema), (c) => c.json(registerAuthority(db, c.get('staff'), c.get('input'), deps.now()), 201))
    .post('/authorities/:id/disable', admin, (c) => {
      retireAuthority(db, c.get('staff'), pathId(c.req.param('id'), 'id'), deps.now());
      return c.body(null, 204);
    })
    .post('/reports/:id/referral-package', caseworkers, jsonInput(referralPackageSchema), async (c) => {
      const session = c.get('staff');
      const opened = openCase(db, session, parseReportId(c.req.param('id')));
      assertLeaseAllows(db, session, opened.meta.id, deps.now());
      const made = await makeReferralPackage(packageDeps, session, opened, c.get('input'));
      // Opened, then unlinked at once: the open handle streams it, and no copy outlives the download.
      const handle = await open(made.path, 'r');
      await rm(made.path, { force: true });
      const headers = downloadHeaders(made.fileName, 'application/octet-stream', made.size);
      headers.set(PACKAGE_HASH_HEADER, made.sha256);
      return new Response(toWebStream(handle.createReadStream()), { status: 200, headers });
    });
}
