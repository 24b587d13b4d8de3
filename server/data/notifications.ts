/**
 * E-mail notification settings and delivery state (migration 009). What a
 * mail would count is read from the reports and messages tables, limited to
 * the channels the member holds a grant for; nothing here reads content.
 */
import type { Db } from './database';
import { NOTIFICATION_EVENTS, type NotificationEvent, type NotifyFailure } from '../../contract/vocabulary';

export interface NotificationSettings {
  email: string | null;
  events: NotificationEvent[];
}

/** A member who would be mailed: an address, some events, an enabled account. */
export interface Recipient extends NotificationSettings {
  staffId: number;
  email: string;
  reportMark: number;
  messageMark: number;
}

/** The highest report and message ids now: what "since the last mail" is counted from. */
export interface Marks {
  report: number;
  message: number;
}

export type DeadlineKind = 'ack' | 'feedback';
export type DeadlineEvent = Extract<NotificationEvent, 'deadline_soon' | 'overdue'>;

/** One report's deadline event, as recorded once mailed. */
export interface DeadlineItem {
  reportId: number;
  deadline: DeadlineKind;
}

function eventsOf(json: string): NotificationEvent[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? NOTIFICATION_EVENTS.filter((event) => parsed.includes(event)) : [];
}

/** A member's settings (no address and no events when never set). */
export function readNotificationSettings(db: Db, staffId: number): NotificationSettings {
  const row = db.prepare<[number], { email: string | null; events: string }>('SELECT notify_email AS email, notify_events AS events FROM staff WHERE id = ?').get(staffId);
  return row ? { email: row.email, events: eventsOf(row.events) } : { email: null, events: [] };
}

/** Store a member's settings, and make sure they have a delivery state. */
export function writeNotificationSettings(db: Db, staffId: number, settings: NotificationSettings): void {
  db.prepare('UPDATE staff SET notify_email = ?, notify_events = ? WHERE id = ?').run(settings.email, JSON.stringify(settings.events), staffId);
  db.prepare('INSERT INTO notification_state (staff_id) VALUES (?) ON CONFLICT (staff_id) DO NOTHING').run(staffId);
}

/** The highest report and reporter-message ids at this moment. */
export function currentMarks(db: Db): Marks {
  const row = db
    .prepare<[], Marks>('SELECT (SELECT coalesce(max(id), 0) FROM reports) AS report, (SELECT coalesce(max(id), 0) FROM report_messages) AS message')
    .get();
  return row ?? { report: 0, message: 0 };
}

/** Move a member's marks up to `marks` (reports and messages before now are no news to them). */
export function setMarks(db: Db, staffId: number, marks: Partial<Marks>): void {
  if (marks.report !== undefined) db.prepare('UPDATE notification_state SET report_mark = ? WHERE staff_id = ?').run(marks.report, staffId);
  if (marks.message !== undefined) db.prepare('UPDATE notification_state SET message_mark = ? WHERE staff_id = ?').run(marks.message, staffId);
}

/** Everyone who would be mailed, whatever the clock says. */
export function listRecipients(db: Db): Recipient[] {
  return db
    .prepare<[], { staffId: number; email: string; events: string; reportMark: number; messageMark: number }>(
      `SELECT s.id AS staffId, s.notify_email AS email, s.notify_events AS events, n.report_mark AS reportMark, n.message_mark AS messageMark
         FROM staff s JOIN notification_state n ON n.staff_id = s.id
        WHERE s.disabled = 0 AND s.notify_email IS NOT NULL AND s.notify_events <> '[]'
        ORDER BY s.id`,
    )
    .all()
    .map((row) => ({ ...row, events: eventsOf(row.events) }));
}

/** Reports (web or staff-entered) that arrived in the member's channels with ids in (after, upTo]. */
export function countNewLeads(db: Db, staffId: number, after: number, upTo: number): number {
  const row = db
    .prepare<[number, number, number], { n: number }>(
      `SELECT count(*) AS n FROM reports r JOIN channel_grants g ON g.channel_id = r.channel_id AND g.staff_id = ?
        WHERE r.id > ? AND r.id <= ?`,
    )
    .get(staffId, after, upTo);
  return row?.n ?? 0;
}

/** Reports in the member's channels on which the reporter wrote, with message ids in (after, upTo]. */
export function countReporterReplies(db: Db, staffId: number, after: number, upTo: number): number {
  const row = db
    .prepare<[number, number, number], { n: number }>(
      `SELECT count(DISTINCT m.report_id) AS n
         FROM report_messages m JOIN reports r ON r.id = m.report_id
         JOIN channel_grants g ON g.channel_id = r.channel_id AND g.staff_id = ?
        WHERE m.author = 'reporter' AND m.id > ? AND m.id <= ?`,
    )
    .get(staffId, after, upTo);
  return row?.n ?? 0;
}

/**
 * Open reports in the member's channels whose acknowledgement or feedback
 * deadline is unmet and falls in [from, until), not yet mailed to them for
 * this event. Times as stored: ISO strings, compared as text.
 */
export function unmailedDeadlines(db: Db, staffId: number, event: DeadlineEvent, from: string, until: string): DeadlineItem[] {
  return db
    .prepare<{ staffId: number; event: string; from: string; until: string }, DeadlineItem>(
      `SELECT r.id AS reportId, d.deadline
         FROM reports r JOIN channel_grants g ON g.channel_id = r.channel_id AND g.staff_id = @staffId
         JOIN (SELECT 'ack' AS deadline UNION ALL SELECT 'feedback') d
        WHERE r.status <> 'closed'
          AND CASE d.deadline
                WHEN 'ack' THEN r.acknowledged_at IS NULL AND r.ack_due_at >= @from AND r.ack_due_at < @until
                ELSE r.feedback_due_at >= @from AND r.feedback_due_at < @until
              END
          AND NOT EXISTS (SELECT 1 FROM notified_deadlines x
                           WHERE x.staff_id = @staffId AND x.report_id = r.id AND x.event = @event AND x.deadline = d.deadline)
        ORDER BY r.id`,
    )
    .all({ staffId, event, from, until });
}

/** A mail went out: move the marks, remember its deadline events, clear the failures. */
export function recordDelivery(
  db: Db,
  staffId: number,
  sent: { marks: Marks; deadlines: { event: DeadlineEvent; items: DeadlineItem[] }[]; at: string },
): void {
  const remember = db.prepare('INSERT OR IGNORE INTO notified_deadlines (staff_id, report_id, event, deadline) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare(
      `UPDATE notification_state
          SET report_mark = max(report_mark, ?), message_mark = max(message_mark, ?),
              last_success_at = ?, last_error = NULL, smtp_status = NULL, failures = 0
        WHERE staff_id = ?`,
    ).run(sent.marks.report, sent.marks.message, sent.at, staffId);
    for (const { event, items } of sent.deadlines) for (const item of items) remember.run(staffId, item.reportId, event, item.deadline);
  })();
}

/** A mail could not be sent: its events stay pending. */
export function recordFailure(db: Db, staffId: number, failure: { error: NotifyFailure; smtpStatus: number | null; at: string }): void {
  db.prepare('UPDATE notification_state SET last_failure_at = ?, last_error = ?, smtp_status = ?, failures = failures + 1 WHERE staff_id = ?').run(
    failure.at,
    failure.error,
    failure.smtpStatus,
    staffId,
  );
}

export interface DeliveryRow {
  staffId: number;
  username: string;
  events: NotificationEvent[];
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: NotifyFailure | null;
  smtpStatus: number | null;
  failures: number;
}

/** Every member with an address, and how their mails went: what admins see (never the address). */
export function listDeliveries(db: Db): DeliveryRow[] {
  return db
    .prepare<[], Omit<DeliveryRow, 'events'> & { events: string }>(
      `SELECT s.id AS staffId, s.username, s.notify_events AS events, n.last_success_at AS lastSuccessAt, n.last_failure_at AS lastFailureAt,
              n.last_error AS lastError, n.smtp_status AS smtpStatus, n.failures
         FROM staff s JOIN notification_state n ON n.staff_id = s.id
        WHERE s.notify_email IS NOT NULL
        ORDER BY s.username`,
    )
    .all()
    .map((row) => ({ ...row, events: eventsOf(row.events) }));
}
