-- The throttles on logins, sign-ups and password reset requests, counted here so every replica
-- shares them and a restart resets nothing. One row per (scope, key): the times of the recent
-- hits, at most as many as the limit. Keys are SHA-256 digests of what is counted (an email, a
-- client address), so the table holds no address in clear; rows go once their hits are older
-- than the window (the worker deletes them past expires_at).
-- UNLOGGED: a hit is written on every login attempt, and a logged table made each attempt wait
-- for a WAL flush (milliseconds on a busy disk, beside 0.06 ms for the member lookup). The price
-- is acceptable for counters of the last minutes: a PostgreSQL crash (not a restart, not an app
-- restart) empties the table, and a standby does not have it.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE UNLOGGED TABLE throttle_hits (
  scope text NOT NULL,
  key text NOT NULL,
  hits timestamptz[] NOT NULL,
  expires_at timestamptz NOT NULL,
  CONSTRAINT throttle_hits_pkey PRIMARY KEY (scope, key),
  CONSTRAINT throttle_hits_scope_check CHECK (length(scope) BETWEEN 1 AND 40),
  CONSTRAINT throttle_hits_key_check CHECK (key ~ '^[0-9a-f]{64}$'),
  CONSTRAINT throttle_hits_hits_check CHECK (cardinality(hits) <= 100000)
);

-- The stored form of a key.
CREATE FUNCTION throttle_key(p_key text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT encode(sha256(convert_to(p_key, 'UTF8')), 'hex')
$$;

-- Counts one hit for every key, or for none: when any key already has its limit of hits within
-- its window, nothing is counted and the answer is the seconds until all may act again (0 when
-- counted). One call per attempt; the rows are locked in a fixed order, so concurrent calls
-- count exactly and cannot deadlock.
CREATE FUNCTION throttle_take(p_scopes text[], p_keys text[], p_limits integer[],
                              p_windows interval[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  stored_keys text[] := ARRAY(
    SELECT throttle_key(k) FROM unnest(p_keys) WITH ORDINALITY AS u(k, n) ORDER BY n);
  wait interval := interval '0';
  recent timestamptz[];
BEGIN
  INSERT INTO throttle_hits (scope, key, hits, expires_at)
    SELECT s, k, '{}', now() FROM unnest(p_scopes, stored_keys) AS u(s, k)
    ON CONFLICT ON CONSTRAINT throttle_hits_pkey DO NOTHING;
  PERFORM 1 FROM throttle_hits AS t
    JOIN unnest(p_scopes, stored_keys) AS u(s, k) ON t.scope = u.s AND t.key = u.k
    ORDER BY t.scope, t.key FOR UPDATE OF t;
  FOR i IN 1 .. cardinality(p_scopes) LOOP
    SELECT ARRAY(SELECT h FROM unnest(t.hits) AS h WHERE h > now() - p_windows[i] ORDER BY h)
      INTO recent FROM throttle_hits AS t WHERE t.scope = p_scopes[i] AND t.key = stored_keys[i];
    IF cardinality(recent) >= p_limits[i] THEN
      -- Free again when the hit that filled the limit leaves the window.
      wait := greatest(wait,
                       recent[cardinality(recent) - p_limits[i] + 1] + p_windows[i] - now());
    END IF;
  END LOOP;
  IF wait > interval '0' THEN
    RETURN greatest(1, ceil(extract(epoch FROM wait)))::integer;
  END IF;
  FOR i IN 1 .. cardinality(p_scopes) LOOP
    UPDATE throttle_hits AS t
      SET hits = ARRAY(
            SELECT h FROM (
              SELECT h FROM unnest(t.hits || now()) AS h WHERE h > now() - p_windows[i]
              ORDER BY h DESC LIMIT p_limits[i]) AS newest
            ORDER BY h),
          expires_at = now() + p_windows[i]
      WHERE t.scope = p_scopes[i] AND t.key = stored_keys[i];
  END LOOP;
  RETURN 0;
END
$$;

-- Takes back the newest hit of a key: the attempt it counted turned out not to be abuse (a
-- login with the right password).
CREATE FUNCTION throttle_give_back(p_scope text, p_key text) RETURNS void LANGUAGE sql AS $$
  UPDATE throttle_hits SET hits = hits[1:cardinality(hits) - 1]
    WHERE scope = p_scope AND key = throttle_key(p_key) AND cardinality(hits) > 0
$$;

-- Forgets every hit of a key (a successful login clears the account's failures).
CREATE FUNCTION throttle_forget(p_scope text, p_key text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM throttle_hits WHERE scope = p_scope AND key = throttle_key(p_key)
$$;
