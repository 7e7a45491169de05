-- The public event list's statement (db/event_repository.cpp, `events_list`, with the public
-- visibilities, every event, limit 100), for timing PostgreSQL alone with pgbench. pgbench reads
-- ":name" as a variable, so the format's colons are chr(58) (folded into a constant).
SELECT uuid, title, description, location,
       to_char(event_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24' || chr(58) || 'MI' || chr(58) || 'SS"Z"'),
       to_char(event_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24' || chr(58) || 'MI' || chr(58) || 'SS"Z"'),
       visibility, banner_photo_key,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24' || chr(58) || 'MI' || chr(58) || 'SS"Z"'),
       to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24' || chr(58) || 'MI' || chr(58) || 'SS"Z"')
FROM events WHERE visibility = ANY('{public}'::text[])
ORDER BY event_start, uuid LIMIT 100 OFFSET 0;
