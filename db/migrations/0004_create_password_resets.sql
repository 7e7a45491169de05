-- Single-use password reset tokens. Only a hash of each token is stored, so a leaked table
-- cannot be used to reset passwords.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE password_resets (
  -- SHA-256 of the token sent by email.
  token_hash bytea PRIMARY KEY,
  member_uuid uuid NOT NULL REFERENCES members (uuid) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  -- Set when the token is used; a used token is never accepted again.
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT password_resets_token_hash_check CHECK (octet_length(token_hash) = 32),
  CONSTRAINT password_resets_expiry_check CHECK (expires_at > created_at)
);

-- Deleting a member cascades here, and a new request may void a member's older tokens.
CREATE INDEX password_resets_member_uuid_idx ON password_resets (member_uuid);
