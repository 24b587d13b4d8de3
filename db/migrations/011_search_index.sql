-- The search index (issue 14 item 1): a keyed blind index. Each row says
-- "report R of channel C contains token T", where T is the first 16 bytes of
-- HMAC-SHA256(channel search key, normalised token). The channel search key
-- is derived from the channel's age identity inside staff sessions and is
-- never stored, so these bytes name no word: a database thief learns which
-- reports of a channel share a token, and how many tokens each has, nothing
-- more (SECURITY.md). Tokens are rebuilt from decrypted content whenever a
-- session holding the channel reads it (server/services/search-index.ts).
CREATE TABLE search_tokens (
  channel_id INTEGER NOT NULL,
  token BLOB NOT NULL CHECK (length(token) = 16),
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  PRIMARY KEY (channel_id, token, report_id)
) WITHOUT ROWID;
-- A report's own tokens (related leads, re-indexing) and the cascade on delete.
CREATE INDEX search_tokens_by_report ON search_tokens (report_id);

-- The index version a report's tokens were made with; 0: not indexed (new,
-- changed since, or moved). Clear, like status: says only whether staff
-- have read the report since its last change.
ALTER TABLE reports ADD COLUMN search_version INTEGER NOT NULL DEFAULT 0;
-- The indexer's and the search's "what is still unindexed in my channels".
-- The literal must be the current version (SEARCH_INDEX_VERSION); a new
-- version replaces this index in its own migration.
CREATE INDEX reports_unindexed ON reports (channel_id, id) WHERE search_version < 1;

-- New content makes a report's tokens stale: a reporter follow-up or a
-- staff note arrives (the server cannot index it then: it holds no channel
-- key), so the report waits for the next session that holds its channel.
CREATE TRIGGER search_stale_on_message AFTER INSERT ON report_messages
BEGIN UPDATE reports SET search_version = 0 WHERE id = NEW.report_id; END;
CREATE TRIGGER search_stale_on_case_record AFTER INSERT ON case_records
BEGIN UPDATE reports SET search_version = 0 WHERE id = NEW.report_id; END;
-- A report moved to another channel loses its tokens: they were made with
-- the old channel's key, and the old channel's staff must not find it.
CREATE TRIGGER search_forget_on_move AFTER UPDATE OF channel_id ON reports
WHEN NEW.channel_id IS NOT OLD.channel_id
BEGIN
  DELETE FROM search_tokens WHERE report_id = NEW.id;
  UPDATE reports SET search_version = 0 WHERE id = NEW.id;
END;
