-- Every run of `tmeit backup run` and `tmeit backup drill`: when, which object, how big, and how it
-- ended. The app's /metrics reads the newest rows at scrape time (backups run in other processes),
-- so an alert can say "no successful backup for two hours" and "the last drill failed".
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE backup_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- backup: `backup run`; drill: `backup drill` (a restore into a scratch database).
  kind text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  -- running until it ends; success only once the object was read back and verified.
  outcome text NOT NULL DEFAULT 'running',
  object_key text,
  size_bytes bigint,
  sha256 text,
  error text,
  CONSTRAINT backup_runs_kind_check CHECK (kind IN ('backup', 'drill')),
  CONSTRAINT backup_runs_outcome_check CHECK (outcome IN ('running', 'success', 'failed')),
  CONSTRAINT backup_runs_size_check CHECK (size_bytes >= 0),
  CONSTRAINT backup_runs_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  CONSTRAINT backup_runs_key_check CHECK (length(object_key) <= 1024),
  CONSTRAINT backup_runs_error_check CHECK (length(error) <= 4000)
);

-- /metrics asks for the newest finished run and the newest success of each kind.
CREATE INDEX backup_runs_kind_finished_idx ON backup_runs (kind, finished_at DESC);
