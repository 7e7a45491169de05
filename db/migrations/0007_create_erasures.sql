-- The erasure ledger's source: one row per deleted member (and rejected sign-up), written in the
-- same transaction as the delete. The worker copies each row to object storage beside the backups
-- (backups/erasures/...) and sets ledger_key; a restore deletes every listed person again, so a
-- backup taken before an erasure never brings that person back. Only the uuid is kept: it names
-- whom to delete without holding any of their personal data.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE erasures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  subject_uuid uuid NOT NULL,
  erased_at timestamptz NOT NULL DEFAULT now(),
  -- The ledger object once written; NULL while the worker has yet to copy it.
  ledger_key text,
  CONSTRAINT erasures_kind_check CHECK (kind IN ('member', 'sign_up')),
  CONSTRAINT erasures_ledger_key_check CHECK (length(ledger_key) <= 1024),
  CONSTRAINT erasures_subject_key UNIQUE (kind, subject_uuid)
);

-- The worker's pick of rows not yet in the ledger.
CREATE INDEX erasures_pending_idx ON erasures (id) WHERE ledger_key IS NULL;
