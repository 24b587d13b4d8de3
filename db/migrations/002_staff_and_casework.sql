-- Staff accounts (recovery, second factor, login backoff) and casework
-- (leases, case records, links, leads). Clear fields stay within DESIGN.md's
-- list; every case record's content is an age ciphertext.

-- A second copy of the personal identity, wrapped under a key derived from
-- the recovery code that is shown once when the account is made.
ALTER TABLE staff ADD COLUMN recovery_wrapped_identity BLOB;
ALTER TABLE staff ADD COLUMN recovery_salt BLOB;
ALTER TABLE staff ADD COLUMN recovery_kdf TEXT;
-- TOTP secret, age-encrypted to the member's personal recipient: readable
-- only after the password has unwrapped the identity.
ALTER TABLE staff ADD COLUMN totp_secret BLOB;
ALTER TABLE staff ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1));
-- Last accepted TOTP time step: a code is never accepted twice.
ALTER TABLE staff ADD COLUMN totp_last_step INTEGER;
ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
-- Login backoff per username (never per IP address).
ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN next_login_at TEXT;

-- Where a report came from: the web form, or a lead entered by staff.
ALTER TABLE reports ADD COLUMN source TEXT NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'phone', 'letter', 'visit', 'other'));
-- The queue lease: who is working the report until when.
ALTER TABLE reports ADD COLUMN lease_staff_id INTEGER REFERENCES staff (id);
ALTER TABLE reports ADD COLUMN lease_expires_at TEXT;
ALTER TABLE reports ADD COLUMN closed_at TEXT;
CREATE INDEX reports_claimable ON reports (channel_id, priority DESC, id) WHERE status IN ('new', 'triage');
CREATE INDEX reports_by_assignee ON reports (assignee_id, id);

-- Notes, referrals and interference records: content encrypted to the
-- channel only (the reporter never sees them).
CREATE TABLE case_records (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('note', 'referral', 'interference')),
  staff_id INTEGER REFERENCES staff (id),
  body BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX case_records_by_report ON case_records (report_id, id);
CREATE INDEX case_records_by_kind ON case_records (kind, id);

-- Links between related reports (stored once, smaller id first).
CREATE TABLE report_links (
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  related_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  staff_id INTEGER REFERENCES staff (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (report_id, related_id),
  CHECK (report_id < related_id)
);
