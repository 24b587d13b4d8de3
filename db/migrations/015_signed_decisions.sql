-- Signed decisions (簽字確認, issue 15 item 3). Every staff member has an
-- Ed25519 signing key; referrals, closing with an outcome, interference
-- entries, contact reveals and notes marked as a formal record are signed
-- with it (server/crypto/signed-record.ts documents the signed form).

-- A member's signing keys. The public key is clear (anyone may check a
-- signature with it) and its registration is written to the audit trail
-- with the key id and the key, so swapping it breaks the chain. The 32-byte
-- seed is age-encrypted to the member's personal recipient, like their
-- channel keys: a password change or a recovery re-wraps the personal
-- identity and leaves this untouched. One live key per member; `retired_at`
-- leaves room for rotation without losing old keys (old signatures still
-- verify under them).
CREATE TABLE staff_signing_keys (
  key_id TEXT PRIMARY KEY CHECK (length(key_id) = 16),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  public_key TEXT NOT NULL UNIQUE CHECK (length(public_key) = 44),
  wrapped_seed BLOB NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
);
CREATE UNIQUE INDEX staff_signing_keys_live ON staff_signing_keys (staff_id) WHERE retired_at IS NULL;

-- One row per signed decision: the canonical payload exactly as signed and
-- the signature. The payload holds ids, the kind, the time to the second,
-- the signer, the key id and a salted SHA-256 of the decision's content
-- (the salt lives inside the encrypted case record): nothing readable of
-- the content. The other columns repeat payload fields for lookups; the
-- verifier checks that they agree with the signed payload.
CREATE TABLE signed_records (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  record_id INTEGER NOT NULL UNIQUE REFERENCES case_records (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('referral', 'closing', 'interference', 'contact_reveal', 'formal_record')),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  key_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  signature TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX signed_records_by_report ON signed_records (report_id, id);

-- Signed records are never edited; they go only with their report (purge,
-- discard, deletion). Defence in depth: someone with write access to the
-- file can drop these, which `tipline audit verify` then catches.
CREATE TRIGGER signed_records_no_update BEFORE UPDATE ON signed_records
BEGIN
  SELECT RAISE(ABORT, 'signed records are never changed');
END;
-- The cascade from a deleted report still runs: by then the report is gone.
CREATE TRIGGER signed_records_no_delete BEFORE DELETE ON signed_records
WHEN EXISTS (SELECT 1 FROM reports WHERE id = OLD.report_id)
BEGIN
  SELECT RAISE(ABORT, 'signed records go only with their report');
END;
CREATE TRIGGER staff_signing_keys_no_swap BEFORE UPDATE OF public_key, staff_id, key_id ON staff_signing_keys
BEGIN
  SELECT RAISE(ABORT, 'a registered signing key is never changed');
END;
CREATE TRIGGER staff_signing_keys_no_delete BEFORE DELETE ON staff_signing_keys
BEGIN
  SELECT RAISE(ABORT, 'a registered signing key is never deleted (old signatures are checked with it)');
END;

-- The audit trail's key registrations by key id: the case page checks each
-- signature under the key the trail registered (not only the table's copy),
-- without reading the whole trail.
CREATE INDEX audit_log_signing_keys ON audit_log (json_extract(detail, '$.keyId')) WHERE action = 'staff.signing_key_registered';
