-- Indexes for the staff queue listing (GET /api/staff/reports), which walks
-- each channel in (priority DESC, id) order and merges the channels: every
-- common filter then reads about one page of index entries per channel,
-- whatever the table's size, instead of sorting the whole channel.
-- (channel_id, status, priority DESC, id) from 001 serves the status filter,
-- reports_claimable from 002 the claim.
CREATE INDEX reports_by_channel_priority ON reports (channel_id, priority DESC, id);
-- The slow-progress register reads only open reports.
CREATE INDEX reports_open_by_channel ON reports (channel_id, priority DESC, id) WHERE status != 'closed';
CREATE INDEX reports_by_channel_region ON reports (channel_id, region, priority DESC, id);
-- assignee=me / assignee=none (IS NULL uses it too).
CREATE INDEX reports_by_channel_assignee ON reports (channel_id, assignee_id, priority DESC, id);
