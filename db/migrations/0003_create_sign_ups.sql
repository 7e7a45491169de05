-- Applications to join as prao, from the public form, until a master approves or deletes them.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE sign_ups (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  first_name text NOT NULL,
  nickname text,
  last_name text NOT NULL,
  phone text NOT NULL,
  -- argon2id in PHC string format; becomes the member's password on approval.
  password_hash text NOT NULL,
  -- Where the form was sent from, for rate limiting and abuse handling.
  client_ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sign_ups_email_check CHECK (
    length(email) BETWEEN 3 AND 254 AND position('@' IN email) > 1
  ),
  CONSTRAINT sign_ups_first_name_check CHECK (length(first_name) BETWEEN 1 AND 100),
  CONSTRAINT sign_ups_nickname_check CHECK (length(nickname) <= 100),
  CONSTRAINT sign_ups_last_name_check CHECK (length(last_name) BETWEEN 1 AND 100),
  CONSTRAINT sign_ups_phone_check CHECK (length(phone) BETWEEN 1 AND 40),
  CONSTRAINT sign_ups_password_hash_check CHECK (length(password_hash) BETWEEN 1 AND 512)
);

-- One sign-up per email, regardless of case.
CREATE UNIQUE INDEX sign_ups_email_key ON sign_ups (lower(email));

-- Rate limiting counts recent sign-ups from one address.
CREATE INDEX sign_ups_client_ip_created_at_idx ON sign_ups (client_ip, created_at);
