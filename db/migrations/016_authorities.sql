-- Authorities a lead can be referred to with a referral package: the body
-- with jurisdiction and its age recipient (X25519 `age1…` or post-quantum
-- hybrid `age1pq1…`), which only that authority can open packages with.
-- Stored in clear: a name, a jurisdiction and a public key are not report
-- content. Never deleted (audit entries and referrals name them); an admin
-- disables one that should no longer receive packages.
CREATE TABLE authorities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  recipient TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES staff (id),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);
CREATE TRIGGER authorities_never_deleted BEFORE DELETE ON authorities
BEGIN
  SELECT RAISE(ABORT, 'authorities are disabled, never deleted');
END;
