/**
 * E-mail notifications: a staff member's own settings, and what admins see of
 * deliveries. Admins never see an address, only whose mail failed and why.
 */
import { z } from 'zod';
import { NOTIFICATION_EVENTS, NOTIFY_FAILURES } from '../vocabulary';

/** RFC 5321's longest path; longer is not an address anyone can deliver to. */
export const MAX_EMAIL_LENGTH = 254;

const events = z
  .array(z.enum(NOTIFICATION_EVENTS))
  .max(NOTIFICATION_EVENTS.length * 2)
  // Order and repeats carry no meaning: the stored set is in vocabulary order.
  .transform((chosen) => NOTIFICATION_EVENTS.filter((event) => chosen.includes(event)))
  .meta({ description: 'The events to be e-mailed about; an empty list sends nothing.' });

/** PUT /api/staff/me/notifications. */
export const notificationSettingsSchema = z.object({
  email: z
    .email()
    .max(MAX_EMAIL_LENGTH)
    .nullable()
    .meta({ description: 'Where to send; null stops every mail. Stored in clear (the server must read it to send).' }),
  events,
});
export type NotificationSettingsInput = z.output<typeof notificationSettingsSchema>;

const delivery = z
  .enum(['on', 'off'])
  .meta({ description: 'off when the server has no SMTP_URL: settings are kept, but nothing is sent.' });

/** GET and PUT /api/staff/me/notifications: the settings as stored. */
export const notificationSettingsViewSchema = z.object({
  email: z.string().nullable(),
  events: z.array(z.enum(NOTIFICATION_EVENTS)),
  delivery,
  intervalSeconds: z.number().int().meta({ description: 'NOTIFY_INTERVAL_SECONDS: at most one mail per person this often.' }),
});
export type NotificationSettingsView = z.infer<typeof notificationSettingsViewSchema>;

const isoHour = z.string().meta({ description: 'An hour, ISO 8601 in UTC: "2026-11-28T06:00:00Z".' });

/** One opted-in member's deliveries, as admins see them: no address, no mail text. */
export const notificationDeliverySchema = z.object({
  staffId: z.number().int(),
  username: z.string(),
  events: z.array(z.enum(NOTIFICATION_EVENTS)),
  lastSuccessAt: isoHour.nullable(),
  lastFailureAt: isoHour.nullable(),
  lastError: z.enum(NOTIFY_FAILURES).nullable().meta({ description: 'The class of the last failure; null after a success.' }),
  smtpStatus: z.number().int().nullable().meta({ description: 'The SMTP reply code of the last failure, when the server gave one.' }),
  failures: z.number().int().min(0).meta({ description: 'Failed attempts since the last success; the mail is retried with backoff.' }),
});
export type NotificationDelivery = z.infer<typeof notificationDeliverySchema>;

/** GET /api/staff/admin/notifications. */
export const notificationDeliveryListSchema = z.object({ delivery, deliveries: z.array(notificationDeliverySchema) });
export type NotificationDeliveryList = z.infer<typeof notificationDeliveryListSchema>;
