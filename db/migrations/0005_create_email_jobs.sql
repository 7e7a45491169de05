-- The outgoing email queue. The worker picks due jobs with FOR UPDATE SKIP LOCKED, sends them,
-- and on failure retries later, so no email is lost while the SMTP server is down.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE email_jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  body_html text,
  -- pending: waiting to be sent (again); sent: done; failed: gave up after too many attempts.
  status text NOT NULL DEFAULT 'pending',
  attempts bigint NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CONSTRAINT email_jobs_recipient_check CHECK (
    length(recipient) BETWEEN 3 AND 254 AND position('@' IN recipient) > 1
  ),
  CONSTRAINT email_jobs_subject_check CHECK (length(subject) BETWEEN 1 AND 998),
  CONSTRAINT email_jobs_body_text_check CHECK (length(body_text) <= 1000000),
  CONSTRAINT email_jobs_body_html_check CHECK (length(body_html) <= 1000000),
  CONSTRAINT email_jobs_status_check CHECK (status IN ('pending', 'sent', 'failed')),
  CONSTRAINT email_jobs_attempts_check CHECK (attempts >= 0),
  CONSTRAINT email_jobs_last_error_check CHECK (length(last_error) <= 4000)
);

-- The worker's pick: WHERE status = 'pending' AND next_attempt_at <= now()
-- ORDER BY next_attempt_at LIMIT n FOR UPDATE SKIP LOCKED.
CREATE INDEX email_jobs_due_idx ON email_jobs (next_attempt_at) WHERE status = 'pending';
