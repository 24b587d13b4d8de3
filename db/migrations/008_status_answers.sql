-- The status page that answers (issue 13 item 2).
-- public_referral: the agency a lead was referred to, as the reporter may
-- read it: an age ciphertext to the channel and the reporter recipient, like
-- public_message, set only when staff chose to tell the reporter (the
-- referral case record itself stays channel-only). NULL: nothing told.
ALTER TABLE reports ADD COLUMN public_referral BLOB;
-- public_message_at: the hour the public message was last set (clear, like
-- every other hour-truncated timestamp). NULL for messages set before this
-- migration, and when there is none.
ALTER TABLE reports ADD COLUMN public_message_at TEXT;
