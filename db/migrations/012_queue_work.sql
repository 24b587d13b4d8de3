-- The queue for real work (issue 14 item 2): sorting, "needs action" and
-- the unread marker.
--
-- How many times the reporter has written (a reporter message or a
-- follow-up file). A count, never a time: the message and file rows already
-- reveal as much, and a count compares exactly where hour-truncated times
-- could not (a reporter writing in the hour a caseworker looked).
ALTER TABLE reports ADD COLUMN reporter_writes INTEGER NOT NULL DEFAULT 0;
-- reporter_writes when staff last changed the status: "awaiting the reporter
-- and the reporter has written since" is reporter_writes > this.
ALTER TABLE reports ADD COLUMN reporter_writes_at_status INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER reporter_writes_on_message AFTER INSERT ON report_messages WHEN NEW.author = 'reporter'
BEGIN UPDATE reports SET reporter_writes = reporter_writes + 1 WHERE id = NEW.report_id; END;
CREATE TRIGGER reporter_writes_on_file AFTER INSERT ON report_files WHEN NEW.origin = 'follow_up'
BEGIN UPDATE reports SET reporter_writes = reporter_writes + 1 WHERE id = NEW.report_id; END;
CREATE TRIGGER reporter_writes_at_status_change AFTER UPDATE OF status ON reports WHEN NEW.status IS NOT OLD.status
BEGIN UPDATE reports SET reporter_writes_at_status = NEW.reporter_writes WHERE id = NEW.id; END;

-- What each staff member has seen of each report: reporter_writes at their
-- latest view (the audit trail's report.viewed, which already holds who and
-- when). Ids and a count only. The queue marks a lead unread for a member
-- when the reporter has written more since.
CREATE TABLE report_views (
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  seen_writes INTEGER NOT NULL,
  PRIMARY KEY (staff_id, report_id)
) WITHOUT ROWID;
CREATE INDEX report_views_by_report ON report_views (report_id);
CREATE TRIGGER report_views_on_view AFTER INSERT ON audit_log
WHEN NEW.action = 'report.viewed' AND NEW.actor_staff_id IS NOT NULL AND NEW.report_id IS NOT NULL
BEGIN
  INSERT INTO report_views (staff_id, report_id, seen_writes)
    SELECT NEW.actor_staff_id, r.id, r.reporter_writes FROM reports r WHERE r.id = NEW.report_id
    ON CONFLICT (staff_id, report_id) DO UPDATE SET seen_writes = excluded.seen_writes;
END;

-- Sorting by arrival and by the next deadline, per channel, in index order.
-- The deadline expression must match QUEUE_SORTS.deadline in
-- server/data/queue-order.ts character for character.
CREATE INDEX reports_by_channel_id ON reports (channel_id, id);
CREATE INDEX reports_open_by_channel_id ON reports (channel_id, id) WHERE status != 'closed';
CREATE INDEX reports_by_channel_deadline ON reports (channel_id, (CASE WHEN acknowledged_at IS NULL THEN ack_due_at ELSE feedback_due_at END), id);
CREATE INDEX reports_open_by_channel_deadline ON reports (channel_id, (CASE WHEN acknowledged_at IS NULL THEN ack_due_at ELSE feedback_due_at END), id) WHERE status != 'closed';

-- Tags per channel: labels staff put on leads ("same gang", "port of Keelung").
-- A label can say as much as the lead ("Mayor Lin"), so its name is an age
-- ciphertext to the channel, like a note: only holders of the channel read
-- it. Which lead carries which tag is clear, by id only, so the queue can
-- filter without decrypting.
CREATE TABLE channel_tags (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channels (id),
  name BLOB NOT NULL,
  created_by INTEGER REFERENCES staff (id),
  created_at TEXT NOT NULL
);
CREATE INDEX channel_tags_by_channel ON channel_tags (channel_id, id);
CREATE TABLE report_tags (
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES channel_tags (id),
  PRIMARY KEY (report_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX report_tags_by_tag ON report_tags (tag_id, report_id);
-- A lead moved to another channel leaves its old channel's tags behind:
-- the new channel cannot read their names.
CREATE TRIGGER report_tags_on_move AFTER UPDATE OF channel_id ON reports WHEN NEW.channel_id IS NOT OLD.channel_id
BEGIN DELETE FROM report_tags WHERE report_id = NEW.id; END;
