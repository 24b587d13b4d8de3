/** A staff member's own notification settings: reading, changing (audited), and what admins see. */
import { appendAudit } from '../data/audit';
import type { Db } from '../data/database';
import {
  currentMarks,
  listDeliveries,
  readNotificationSettings,
  setMarks,
  writeNotificationSettings,
  type NotificationSettings,
} from '../data/notifications';
import type { Config } from '../config';
import { toSecond } from '../time';
import type { NotificationDeliveryList, NotificationSettingsView } from '../../contract/schemas/staff-notifications';
import type { NotificationEvent } from '../../contract/vocabulary';

/** Whether mail goes out at all on this server. */
function deliveryOf(config: Config): 'on' | 'off' {
  return config.notify.smtp === null ? 'off' : 'on';
}

/** The settings as the member sees them. */
export function notificationSettingsView(db: Db, config: Config, staffId: number): NotificationSettingsView {
  return { ...readNotificationSettings(db, staffId), delivery: deliveryOf(config), intervalSeconds: config.notify.intervalSeconds };
}

/**
 * Store new settings. An event the member did not get before (or any, when
 * they had no address) counts from now: opting in is not a mail about every
 * lead that came before. The audit entry says that the settings changed and
 * which events are on, never the address.
 */
export function changeNotificationSettings(db: Db, staffId: number, next: NotificationSettings, now: Date): void {
  const before = readNotificationSettings(db, staffId);
  const isNew = (event: NotificationEvent): boolean => next.events.includes(event) && (before.email === null || !before.events.includes(event));
  db.transaction(() => {
    writeNotificationSettings(db, staffId, next);
    const marks = currentMarks(db);
    setMarks(db, staffId, { ...(isNew('new_lead') ? { report: marks.report } : {}), ...(isNew('reporter_replied') ? { message: marks.message } : {}) });
    if (before.email === next.email && before.events.join() === next.events.join()) return;
    appendAudit(db, {
      at: toSecond(now),
      actorStaffId: staffId,
      action: 'staff.notifications_changed',
      detail: { email: next.email !== null, events: next.events.join(',') },
    });
  })();
}

/** Every opted-in member's deliveries, for admins. */
export function notificationDeliveries(db: Db, config: Config): NotificationDeliveryList {
  return { delivery: deliveryOf(config), deliveries: listDeliveries(db) };
}
