-- A version per member and per event, counted up on every change: the API's ETag. A PATCH that
-- names a stale version (If-Match) is refused with 412 instead of overwriting a change its
-- sender never saw. A trigger counts, so changes by any release (and by hand) count too.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

-- A constant default: PostgreSQL 11+ adds the column without rewriting the table.
ALTER TABLE members ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION count_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER members_count_version BEFORE UPDATE ON members
  FOR EACH ROW EXECUTE FUNCTION count_row_version();
CREATE TRIGGER events_count_version BEFORE UPDATE ON events
  FOR EACH ROW EXECUTE FUNCTION count_row_version();
