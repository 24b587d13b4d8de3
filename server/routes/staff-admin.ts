/** /api/staff/admin/...: staff accounts, channels, grants and low-effort batches (admins only). */
import { Hono } from 'hono';
import { listChannels } from '../data/channels';
import { listGrants, listStaffAccounts } from '../data/grants';
import { jsonInput } from '../http/json-input';
import { queryInput } from '../http/query-input';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { pathId } from '../path-id';
import {
  grantSchema,
  lowEffortBatchesQuerySchema,
  lowEffortDiscardSchema,
  newChannelSchema,
  newStaffSchema,
} from '../../contract/schemas/staff-admin';
import { discardLowEffort, lowEffortBatchPage, type LowEffortDeps } from '../services/low-effort';
import { addChannel, addStaffMember, grantChannelTo, renameChannelAs, setStaffDisabled, type AdminDeps } from '../services/staff-admin';
import { renameChannelSchema } from '../../contract/schemas/channels';
import { staffAuthDeps, type RouteDeps } from './deps';

/** A staff member's or channel's id from the path: the one reading of path ids (path-id.ts). */
function idParam(value: string): number {
  return pathId(value, 'id');
}

export function staffAdminRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const admin = requireStaff(staffAuthDeps(deps), { roles: ['admin'] });
  const adminDeps: AdminDeps = { db: deps.db, kdf: deps.kdf.staff, sessions: deps.sessions, now: deps.now };
  const lowEffortDeps: LowEffortDeps = { db: deps.db, files: deps.files, now: deps.now };

  return new Hono<{ Variables: StaffVariables }>()
    .get('/admin/staff', admin, (c) => c.json({ staff: listStaffAccounts(deps.db) }, 200))
    .post('/admin/staff', admin, jsonInput(newStaffSchema), async (c) => {
      const created = await addStaffMember(adminDeps, c.get('staff'), c.get('input'));
      return c.json(created, 201);
    })
    .post('/admin/staff/:id/disable', admin, (c) => {
      setStaffDisabled(adminDeps, c.get('staff'), idParam(c.req.param('id')), true);
      return c.body(null, 204);
    })
    .post('/admin/staff/:id/enable', admin, (c) => {
      setStaffDisabled(adminDeps, c.get('staff'), idParam(c.req.param('id')), false);
      return c.body(null, 204);
    })
    .get('/admin/channels', admin, (c) => c.json({ channels: listChannels(deps.db) }, 200))
    .post('/admin/channels', admin, jsonInput(newChannelSchema), async (c) => {
      const created = await addChannel(adminDeps, c.get('staff'), c.get('input'), deps.config.channelKeyType);
      return c.json(created, 201);
    })
    .post('/admin/channels/:id/names', admin, jsonInput(renameChannelSchema), (c) =>
      c.json({ channel: renameChannelAs(adminDeps, c.get('staff'), idParam(c.req.param('id')), c.get('input')) }, 200),
    )
    .get('/admin/grants', admin, (c) => c.json({ grants: listGrants(deps.db) }, 200))
    .post('/admin/grants', admin, jsonInput(grantSchema), async (c) => {
      await grantChannelTo(adminDeps, c.get('staff'), c.get('input'));
      return c.body(null, 204);
    })
    .get('/admin/low-effort', admin, queryInput(lowEffortBatchesQuerySchema), (c) => c.json(lowEffortBatchPage(deps.db, c.get('query')), 200))
    .post('/admin/low-effort/discard', admin, jsonInput(lowEffortDiscardSchema), async (c) =>
      c.json(await discardLowEffort(lowEffortDeps, c.get('staff'), c.get('input')), 200),
    );
}
