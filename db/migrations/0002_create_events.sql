-- Club events, shown to the public, to all members, or only to elected members by visibility.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE events (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  location text NOT NULL DEFAULT '',
  event_start timestamptz NOT NULL,
  event_end timestamptz,
  visibility text NOT NULL DEFAULT 'internal',
  -- Object-storage key of the banner photo; NULL when the event has none.
  banner_photo_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_title_check CHECK (length(title) BETWEEN 1 AND 200),
  CONSTRAINT events_description_check CHECK (length(description) <= 20000),
  CONSTRAINT events_location_check CHECK (length(location) <= 200),
  CONSTRAINT events_end_check CHECK (event_end >= event_start),
  CONSTRAINT events_visibility_check CHECK (visibility IN ('public', 'internal', 'elected')),
  CONSTRAINT events_banner_photo_key_check CHECK (length(banner_photo_key) <= 1024)
);

-- Event lists are ordered and filtered by start time.
CREATE INDEX events_event_start_idx ON events (event_start);
