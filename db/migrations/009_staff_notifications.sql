-- E-mail notifications to staff who opt in (issue 14 item 3).
--
-- The address is stored in clear: the server must read it to send, so it
-- cannot be encrypted to the member's own key, and encrypting it to a key the
-- server holds beside the database would protect nothing. SECURITY.md lists
-- it under "Stored in clear". It never reaches a log line or an admin screen.
ALTER TABLE staff ADD COLUMN notify_email TEXT;
-- JSON array of event names (contract/vocabulary.ts NOTIFICATION_EVENTS).
ALTER TABLE staff ADD COLUMN notify_events TEXT NOT NULL DEFAULT '[]';

-- Where each member's mails stand. Events are derived from the reports and
-- messages tables on every tick (nothing is queued), so what is pending
-- survives a restart: a mail counts reports and reporter messages with ids
-- above these marks, which move up only once a mail went out.
-- Times are kept to the hour, like every stored time near a report: the
-- precise time of the last mail (which follows a new lead within a minute)
-- is kept in memory only.
CREATE TABLE notification_state (
  staff_id INTEGER PRIMARY KEY REFERENCES staff (id),
  report_mark INTEGER NOT NULL DEFAULT 0,
  message_mark INTEGER NOT NULL DEFAULT 0,
  last_success_at TEXT,
  last_failure_at TEXT,
  last_error TEXT,
  smtp_status INTEGER,
  failures INTEGER NOT NULL DEFAULT 0
);

-- Deadline events already mailed, so that each is counted once per person:
-- ids and names only. Purging or deleting a report takes its rows with it.
CREATE TABLE notified_deadlines (
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  event TEXT NOT NULL CHECK (event IN ('deadline_soon', 'overdue')),
  deadline TEXT NOT NULL CHECK (deadline IN ('ack', 'feedback')),
  PRIMARY KEY (staff_id, report_id, event, deadline)
);
