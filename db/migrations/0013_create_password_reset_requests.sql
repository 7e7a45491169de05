-- Password reset requests waiting for the worker. The API stores every request here, whether
-- or not the email is a member's, and answers at once: both cases do the same work, so the
-- answer's timing tells nothing. The worker looks the email up, and for a member makes the token
-- and queues the mail in one transaction with deleting the request.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE password_reset_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT password_reset_requests_email_check CHECK (length(email) BETWEEN 3 AND 254)
);
