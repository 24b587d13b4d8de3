-- The low-effort marker (issue 10, "junk cannot bury the queue"): a report
-- admitted with little or no proof of work while the server was under load
-- carries low_effort = 1. It is stored in clear, like status and priority,
-- and says only how the report was admitted, never who sent it.
ALTER TABLE reports ADD COLUMN low_effort INTEGER NOT NULL DEFAULT 0 CHECK (low_effort IN (0, 1));

-- Queue order (the claim and the listing) becomes: unmarked before marked,
-- then priority descending, then id ascending. Every queue index of 002 and
-- 003 gains low_effort right after its equality columns, so each listing
-- filter and the claim still read index entries in queue order (no sort) and
-- "marked only" / "unmarked only" is one more equality prefix. The names stay,
-- so `INDEXED BY reports_claimable` keeps working. Rebuilding them takes a
-- few seconds once on an instance with a million reports.
DROP INDEX reports_claimable;
CREATE INDEX reports_claimable ON reports (channel_id, low_effort, priority DESC, id) WHERE status IN ('new', 'triage');
DROP INDEX reports_by_channel_priority;
CREATE INDEX reports_by_channel_priority ON reports (channel_id, low_effort, priority DESC, id);
DROP INDEX reports_by_channel_queue;
CREATE INDEX reports_by_channel_queue ON reports (channel_id, status, low_effort, priority DESC, id);
DROP INDEX reports_open_by_channel;
CREATE INDEX reports_open_by_channel ON reports (channel_id, low_effort, priority DESC, id) WHERE status != 'closed';
DROP INDEX reports_by_channel_region;
CREATE INDEX reports_by_channel_region ON reports (channel_id, region, low_effort, priority DESC, id);
DROP INDEX reports_by_channel_assignee;
CREATE INDEX reports_by_channel_assignee ON reports (channel_id, assignee_id, low_effort, priority DESC, id);

-- The admin's batches: marked reports by received hour. Only marked reports
-- are indexed, so the listing and the discard read the marked ones alone.
CREATE INDEX reports_low_effort_by_hour ON reports (received_at) WHERE low_effort = 1;
-- "Nobody has worked on it" asks whether a report is linked either way;
-- the primary key covers report_id, this the other side.
CREATE INDEX report_links_by_related ON report_links (related_id);
