/**
 * /api/staff/me/notifications (any signed-in member, for themselves) and
 * /api/staff/admin/notifications (admins: whose mails fail, never addresses).
 */
import { Hono } from 'hono';
import { jsonInput } from '../http/json-input';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { notificationSettingsSchema } from '../../contract/schemas/staff-notifications';
import { changeNotificationSettings, notificationDeliveries, notificationSettingsView } from '../services/notification-settings';
import { staffAuthDeps, type RouteDeps } from './deps';

export function staffNotificationRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const auth = staffAuthDeps(deps);
  const member = requireStaff(auth);
  const admin = requireStaff(auth, { roles: ['admin'] });
  return new Hono<{ Variables: StaffVariables }>()
    .get('/me/notifications', member, (c) => c.json(notificationSettingsView(deps.db, deps.config, c.get('staff').staffId), 200))
    .put('/me/notifications', member, jsonInput(notificationSettingsSchema), (c) => {
      const { staffId } = c.get('staff');
      changeNotificationSettings(deps.db, staffId, c.get('input'), deps.now());
      return c.json(notificationSettingsView(deps.db, deps.config, staffId), 200);
    })
    .get('/admin/notifications', admin, (c) => c.json(notificationDeliveries(deps.db, deps.config), 200));
}
