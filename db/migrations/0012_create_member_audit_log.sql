-- Who changed whose role, permits or email, who added or deleted whom, and when; masters read it
-- on /master. A trigger writes it, so no path escapes it: the API, sign-up approval, the command
-- line and changes by hand. The API names the acting member per transaction with
-- set_config('tmeit.actor', <uuid>, true); anything else is logged without an actor.
-- No foreign keys: entries outlive the members they name. Erasing a member empties the
-- `changes` of the entries about them (old emails, dates), keeping only that and when.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE member_audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  -- The member who made the change; NULL when it was not made through the API.
  actor_uuid uuid,
  -- The member whose record changed.
  member_uuid uuid NOT NULL,
  action text NOT NULL,
  -- {"<field>": {"from": <old>, "to": <new>}} for the audited fields that changed.
  changes jsonb NOT NULL DEFAULT '{}',
  CONSTRAINT member_audit_log_action_check CHECK (action IN ('created', 'changed', 'deleted'))
);

-- A member's export and erasure find the entries about them and by them.
CREATE INDEX member_audit_log_member_uuid_idx ON member_audit_log (member_uuid);
CREATE INDEX member_audit_log_actor_uuid_idx ON member_audit_log (actor_uuid);

CREATE FUNCTION log_member_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor uuid := nullif(current_setting('tmeit.actor', true), '')::uuid;
  old_values jsonb := '{}';
  new_values jsonb := '{}';
  changes jsonb := '{}';
  field text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO member_audit_log (actor_uuid, member_uuid, action) VALUES (actor, OLD.uuid, 'deleted');
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    old_values := jsonb_build_object('current_role', OLD.role, 'login_email', OLD.login_email,
      'drivers_license', OLD.drivers_license, 'stad', OLD.stad, 'fest', OLD.fest,
      'liquor_permit', OLD.liquor_permit);
  END IF;
  new_values := jsonb_build_object('current_role', NEW.role, 'login_email', NEW.login_email,
    'drivers_license', NEW.drivers_license, 'stad', NEW.stad, 'fest', NEW.fest,
    'liquor_permit', NEW.liquor_permit);
  FOR field IN SELECT jsonb_object_keys(new_values) LOOP
    IF TG_OP = 'INSERT' THEN
      IF new_values -> field <> 'null'::jsonb THEN
        changes := changes || jsonb_build_object(field, jsonb_build_object('to', new_values -> field));
      END IF;
    ELSIF old_values -> field IS DISTINCT FROM new_values -> field THEN
      changes := changes || jsonb_build_object(field, jsonb_build_object(
        'from', old_values -> field, 'to', new_values -> field));
    END IF;
  END LOOP;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO member_audit_log (actor_uuid, member_uuid, action, changes)
      VALUES (actor, NEW.uuid, 'created', changes);
  ELSIF changes <> '{}'::jsonb THEN
    INSERT INTO member_audit_log (actor_uuid, member_uuid, action, changes)
      VALUES (actor, NEW.uuid, 'changed', changes);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER members_audit AFTER INSERT OR UPDATE OR DELETE ON members
  FOR EACH ROW EXECUTE FUNCTION log_member_change();
