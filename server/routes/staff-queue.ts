/** GET /reports, POST /reports/bulk, GET /members, GET and POST /tags, POST /queue/claim, GET /reports/:id and POST /reports/:id/lease. */
import { Hono } from 'hono';
import { jsonInput } from '../http/json-input';
import { queryInput } from '../http/query-input';
import { isBackgroundRequest, recordActivity, requireStaff, type StaffVariables } from '../http/staff-auth';
import { bulkActionSchema, leaseSchema, reportListQuerySchema, tagCreateSchema } from '../../contract/schemas/staff-reports';
import { createTag, tagsFor } from '../services/tags';
import { applyBulkAction, membersOf } from '../services/bulk-actions';
import { auditCase, openCase, parseReportId } from '../services/case-access';
import { caseViewOf } from '../services/case-view';
import { changeLease, claimNext, listQueue, type QueueDeps } from '../services/staff-queue';
import { staffAuthDeps, type RouteDeps } from './deps';

export function staffQueueRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  // Content routes: triagers, and admins for the channels they hold. Auditors get 403.
  const auth = staffAuthDeps(deps);
  const caseworkers = requireStaff(auth, { roles: ['triager', 'admin'] });
  // The lease route decides for itself what counts as a person's activity.
  const leaseHolders = requireStaff(auth, { roles: ['triager', 'admin'], countsAsActivity: false });
  const queue: QueueDeps = { db: deps.db, leaseMinutes: deps.config.staff.leaseMinutes };

  return new Hono<{ Variables: StaffVariables }>()
    .get('/reports', caseworkers, queryInput(reportListQuerySchema), (c) =>
      c.json(listQueue(deps.db, c.get('staff'), { ...c.get('query'), region: deps.regions.canonical(c.get('query').region) }, deps.now()), 200),
    )
    // The console asks for confirmation, naming how many leads, before it sends this.
    .post('/reports/bulk', caseworkers, jsonInput(bulkActionSchema), async (c) => c.json(await applyBulkAction(deps.db, c.get('staff'), c.get('input'), deps.now()), 200))
    .get('/members', caseworkers, (c) => c.json(membersOf(deps.db, c.get('staff')), 200))
    .get('/tags', caseworkers, async (c) => c.json(await tagsFor(deps.db, c.get('staff')), 200))
    .post('/tags', caseworkers, jsonInput(tagCreateSchema), async (c) => c.json(await createTag(deps.db, c.get('staff'), c.get('input'), deps.now()), 201))
    .post('/queue/claim', caseworkers, async (c) => {
      const claimed = await claimNext(queue, c.get('staff'), deps.now());
      return claimed === null ? c.body(null, 204) : c.json(claimed, 200);
    })
    .get('/reports/:id', caseworkers, async (c) => {
      const session = c.get('staff');
      const now = deps.now();
      const opened = openCase(deps.db, session, parseReportId(c.req.param('id')));
      const view = await caseViewOf(deps.db, session, opened, now);
      auditCase(deps.db, session, 'report.viewed', opened.meta, now);
      return c.json(view, 200);
    })
    .post('/reports/:id/lease', leaseHolders, jsonInput(leaseSchema), (c) => {
      const session = c.get('staff');
      const { action } = c.get('input');
      // A page renews its lease by itself while open, so a renewal never keeps the session
      // alive, whatever the request says; releasing is a person's choice.
      if (action !== 'renew' && !isBackgroundRequest(c)) recordActivity(auth, session);
      const opened = openCase(deps.db, session, parseReportId(c.req.param('id')));
      return c.json(changeLease(queue, session, opened, action, deps.now()), 200);
    });
}
