/** /api/staff/reports and /api/staff/queue: the triage queue and the case workflow. */
import { Hono } from 'hono';
import type { StaffVariables } from '../http/staff-auth';
import type { RouteDeps } from './deps';

export function staffReportRoutes(_deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  return new Hono<{ Variables: StaffVariables }>();
}
