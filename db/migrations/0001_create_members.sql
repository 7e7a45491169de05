-- Members of the club: who may log in, their role and their contact and permit details.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE members (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The first 48 bits of the uuid as 8 base64url characters, used in profile URLs. Derived by
  -- the database so it can never disagree with the uuid; insert the uuid, read this back.
  short_uuid text GENERATED ALWAYS AS (
    translate(encode(substring(uuid_send(uuid) FROM 1 FOR 6), 'base64'), '+/', '-_')
  ) STORED NOT NULL,
  login_email text NOT NULL,
  -- "current_role" in the API; that name is an SQL keyword.
  role text NOT NULL DEFAULT 'prao',
  -- argon2id in PHC string format; NULL until the member sets a password (by reset).
  password_hash text,
  first_name text NOT NULL,
  nickname text,
  last_name text NOT NULL,
  phone text,
  drivers_license boolean NOT NULL DEFAULT false,
  -- Dates of the club's trainings and permits; NULL when not taken.
  stad date,
  fest date,
  liquor_permit date,
  -- Login tokens issued before tokens_valid_after are rejected (logout everywhere, password
  -- change, role change); NULL means no revocation yet.
  password_changed_at timestamptz,
  tokens_valid_after timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT members_short_uuid_key UNIQUE (short_uuid),
  CONSTRAINT members_login_email_check CHECK (
    length(login_email) BETWEEN 3 AND 254 AND position('@' IN login_email) > 1
  ),
  CONSTRAINT members_role_check CHECK (
    role IN ('master', 'marshal', 'vraq', 'prao', 'ex', 'exprao')
  ),
  CONSTRAINT members_password_hash_check CHECK (length(password_hash) <= 512),
  CONSTRAINT members_first_name_check CHECK (length(first_name) BETWEEN 1 AND 100),
  CONSTRAINT members_nickname_check CHECK (length(nickname) <= 100),
  CONSTRAINT members_last_name_check CHECK (length(last_name) BETWEEN 1 AND 100),
  CONSTRAINT members_phone_check CHECK (length(phone) <= 40)
);

-- Login emails are unique regardless of case; log in with lower(login_email) = lower($1).
CREATE UNIQUE INDEX members_login_email_key ON members (lower(login_email));
