/** POST /leads: a tip taken by phone, letter or visit, entered by staff; answers with the tracking code to hand over. */
import { Hono } from 'hono';
import { jsonInput } from '../http/json-input';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { leadSchema } from '../../contract/schemas/staff-reports';
import { enterLead } from '../services/leads';
import { staffAuthDeps, type RouteDeps } from './deps';

export function staffLeadRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const caseworkers = requireStaff(staffAuthDeps(deps), { roles: ['triager', 'admin'] });
  const intake = { db: deps.db, instanceKey: deps.instanceKey, kdf: deps.kdf.staff, deadlines: deps.config.deadlines };
  return new Hono<{ Variables: StaffVariables }>().post('/leads', caseworkers, jsonInput(leadSchema), async (c) =>
    c.json(await enterLead(intake, c.get('staff'), c.get('input'), deps.now()), 201),
  );
}
