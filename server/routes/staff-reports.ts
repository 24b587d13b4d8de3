/**
 * /api/staff/reports, /queue, /interference, /leads and /search: the triage
 * queue, the case workflow and search. Guards are attached per route, never with `use('*')`:
 * this app is mounted at /api/staff beside the sign-in routes, and a
 * wildcard middleware here would run for them too.
 *
 * Queue order everywhere (list and claim): reports without the low-effort
 * marker first, then priority descending, then id ascending (the oldest
 * report first); see server/data/queue-order.ts.
 */
import { Hono } from 'hono';
import type { StaffVariables } from '../http/staff-auth';
import type { RouteDeps } from './deps';
import { staffCaseworkRoutes } from './staff-casework';
import { staffFileRoutes } from './staff-files';
import { staffLeadRoutes } from './staff-leads';
import { staffQueueRoutes } from './staff-queue';
import { staffSearchRoutes } from './staff-search';

export function staffReportRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  return new Hono<{ Variables: StaffVariables }>()
    .route('/', staffQueueRoutes(deps))
    .route('/', staffCaseworkRoutes(deps))
    .route('/', staffLeadRoutes(deps))
    .route('/', staffFileRoutes(deps))
    .route('/', staffSearchRoutes(deps));
}
