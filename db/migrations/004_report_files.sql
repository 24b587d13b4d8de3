-- Evidence files. The file itself is an age file in DATA_DIR/files/ named by
-- storage_name (random, says nothing about the file). Its name, size, type,
-- SHA-256 and metadata handling are in `meta`, an age ciphertext to the
-- channel and the reporter like the report. Clear here: which report,
-- whether it came with the report or a later follow-up, which follow-up
-- message (if it came with one) and the hour it arrived.
CREATE TABLE report_files (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  origin TEXT NOT NULL CHECK (origin IN ('report', 'follow_up')),
  message_id INTEGER REFERENCES report_messages (id) ON DELETE CASCADE,
  storage_name TEXT NOT NULL UNIQUE CHECK (length(storage_name) = 32 AND storage_name NOT GLOB '*[^0-9a-f]*'),
  meta BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX report_files_by_report ON report_files (report_id, id);
