-- Signed checkpoints of the audit trail (contract/audit-checkpoint.ts): the
-- trail's size and head hash, signed by the instance's Ed25519 key
-- (DATA_DIR/instance-signing.key, never in the database), each chained to the
-- one before by the hash of its signed text. Someone who can write this file
-- but lacks the key can delete checkpoints but not forge one; verification
-- (`tipline audit verify`) and the latest checkpoint kept in
-- DATA_DIR/audit-checkpoint.txt catch the deletion.
CREATE TABLE audit_checkpoints (
  sequence INTEGER PRIMARY KEY,
  entries INTEGER NOT NULL,
  head_hash TEXT NOT NULL,
  at TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL
);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
CREATE TRIGGER audit_checkpoints_append_only BEFORE INSERT ON audit_checkpoints
WHEN NEW.sequence IS NULL OR NEW.sequence <> (SELECT coalesce(max(sequence), 0) + 1 FROM audit_checkpoints)
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
