-- Data for the API load runs of scripts/bench: exactly 50 public events (plus hidden ones the
-- public must not see) and 100 members, whatever `tmeit seed` added before.
DELETE FROM events;
INSERT INTO events (title, description, location, event_start, event_end, visibility)
SELECT 'Pub night ' || n, 'Music, food and friends. Night number ' || n || '.', 'Kistan',
       now() + n * interval '1 day', now() + n * interval '1 day' + interval '5 hours', 'public'
FROM generate_series(1, 50) AS n;
INSERT INTO events (title, event_start, visibility)
SELECT 'Internal meeting ' || n, now() + n * interval '1 day', 'internal'
FROM generate_series(1, 20) AS n;
INSERT INTO members (login_email, role, first_name, nickname, last_name, phone)
SELECT 'member' || n || '@bench.local',
       (ARRAY['marshal', 'vraq', 'prao', 'ex'])[1 + n % 4],
       'First' || n, 'Nick' || n, 'Last' || n, '070-' || lpad(n::text, 7, '0')
FROM generate_series(1, 100 - (SELECT count(*) FROM members)::int) AS n;
-- Fresh statistics, so autovacuum does not run during the measurements.
VACUUM ANALYZE events, members;
