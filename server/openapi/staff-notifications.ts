/** E-mail notification routes in the OpenAPI document. */
import {
  notificationDeliveryListSchema,
  notificationSettingsSchema,
  notificationSettingsViewSchema,
} from '../../contract/schemas/staff-notifications';
import { errors, jsonBody, jsonResponse, type Paths } from './helpers';
import { staffOperation } from './staff-accounts';

export const staffNotificationPaths: Paths = {
  '/api/staff/me/notifications': {
    get: staffOperation('myNotifications', 'any', {
      summary: 'The signed-in member\'s e-mail notification settings, and whether this server sends mail at all (SMTP_URL).',
      responses: { 200: jsonResponse('The settings.', notificationSettingsViewSchema), ...errors(401, 403) },
    }),
    put: staffOperation('setMyNotifications', 'any', {
      summary:
        'Opt in or out of e-mail about activity in one\'s own channels: counts only, never a lead\'s content; at most one mail per ' +
        'NOTIFY_INTERVAL_SECONDS. Audited as staff.notifications_changed (without the address).',
      requestBody: jsonBody(notificationSettingsSchema),
      responses: { 200: jsonResponse('Stored; the settings as they now stand.', notificationSettingsViewSchema), ...errors(400, 401, 403, 415) },
    }),
  },
  '/api/staff/admin/notifications': {
    get: staffOperation('listNotificationDeliveries', 'admin', {
      summary: 'Per opted-in member: the last mail sent, the last failure and its class of error. No addresses.',
      responses: { 200: jsonResponse('Deliveries.', notificationDeliveryListSchema), ...errors(401, 403) },
    }),
  },
};
