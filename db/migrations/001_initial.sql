-- Tipline schema, version 1.
--
-- Stored in clear, and only these (DESIGN.md): channel, category, region,
-- status, outcome, priority, assignee, deadlines, timestamps truncated to the
-- hour, public keys (age recipients), Argon2id salts and parameters, the
-- 24-bit lookup tag, and audit entries made of ids and action names.
-- Every other field is a BLOB holding a binary age file.

CREATE TABLE channels (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- The channel's age recipient. Its identity exists only wrapped in channel_grants.
  recipient TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'triager', 'auditor')),
  -- Personal age recipient; the identity is wrapped to a key derived from the password.
  recipient TEXT NOT NULL,
  wrapped_identity BLOB NOT NULL,
  password_salt BLOB NOT NULL,
  password_kdf TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE channel_grants (
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  channel_id INTEGER NOT NULL REFERENCES channels (id),
  -- The channel identity, age-encrypted to the member's personal recipient.
  wrapped_identity BLOB NOT NULL,
  granted_by INTEGER REFERENCES staff (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (staff_id, channel_id)
);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channels (id),
  category TEXT NOT NULL,
  region TEXT,
  status TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'triage', 'investigating', 'awaiting_reporter', 'referred', 'closed')),
  outcome TEXT,
  priority INTEGER NOT NULL DEFAULT 0,
  assignee_id INTEGER REFERENCES staff (id),
  -- First 24 bits of HMAC-SHA256(instance key, code): finds candidates, proves nothing.
  lookup_tag INTEGER NOT NULL,
  code_salt BLOB NOT NULL,
  code_kdf TEXT NOT NULL,
  -- age recipient derived from the tracking code with Argon2id(code, code_salt).
  reporter_recipient TEXT NOT NULL,
  content BLOB NOT NULL,
  contact BLOB,
  public_message BLOB,
  received_at TEXT NOT NULL,
  acknowledged_at TEXT,
  ack_due_at TEXT NOT NULL,
  feedback_due_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX reports_by_lookup_tag ON reports (lookup_tag);
CREATE INDEX reports_by_channel_queue ON reports (channel_id, status, priority DESC, id);

CREATE TABLE report_messages (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  author TEXT NOT NULL CHECK (author IN ('staff', 'reporter')),
  staff_id INTEGER REFERENCES staff (id),
  body BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX report_messages_by_report ON report_messages (report_id, id);

-- Append-only; each entry's hash covers the previous entry's hash.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_staff_id INTEGER REFERENCES staff (id),
  action TEXT NOT NULL,
  report_id INTEGER,
  channel_id INTEGER,
  -- JSON of ids and enum values only; never content.
  detail TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- INSERT OR REPLACE deletes without firing delete triggers, so every insert
-- must name the next id explicitly (appendAudit does); anything else aborts.
CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
WHEN NEW.id IS NULL OR NEW.id <= (SELECT coalesce(max(id), 0) FROM audit_log)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
