-- The club always keeps at least one master: without one nobody can approve a sign-up or
-- promote anyone, and nothing in the platform can recover (docs/runbooks/no-master.md has the
-- break-glass command). A change that takes the role from a master (a demotion or a deletion)
-- fails with members_keep_one_master when no master would remain.
--
-- Counting masters in a trigger is not enough on its own: two masters demoting each other at
-- once would each still see the other. So every such change first updates the one row of
-- member_master_guard: the second waits there until the first commits and then counts afresh
-- (READ COMMITTED gives each statement of a volatile function a new snapshot), or, in a
-- REPEATABLE READ or SERIALIZABLE transaction, fails with a serialization error.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE member_master_guard (
  id boolean PRIMARY KEY DEFAULT true,
  changed_at timestamptz NOT NULL DEFAULT now(),
  -- One row only.
  CONSTRAINT member_master_guard_one_row CHECK (id)
);
INSERT INTO member_master_guard DEFAULT VALUES;

CREATE FUNCTION keep_one_master() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE member_master_guard SET changed_at = now();
  IF NOT EXISTS (SELECT 1 FROM members WHERE role = 'master') THEN
    RAISE EXCEPTION 'the club must keep at least one master'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'members_keep_one_master';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER members_keep_one_master_on_update AFTER UPDATE OF role ON members
  FOR EACH ROW WHEN (OLD.role = 'master' AND NEW.role <> 'master')
  EXECUTE FUNCTION keep_one_master();
CREATE TRIGGER members_keep_one_master_on_delete AFTER DELETE ON members
  FOR EACH ROW WHEN (OLD.role = 'master')
  EXECUTE FUNCTION keep_one_master();
