-- Event banners: the three stored sizes of one upload per event, under the same
-- content-addressed keys as members' photos (0014). A table of their own rather than columns of
-- events: events.banner_photo_key (one key, never used) cannot name three sizes, and a new table
-- leaves the running release's statements on events untouched. Who may see a banner follows its
-- event: public events' banners are public, the others are for logged-in members.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE event_banners (
  -- Deleting an event deletes its banner's row; the server deletes the objects.
  event_uuid uuid PRIMARY KEY REFERENCES events (uuid) ON DELETE CASCADE,
  width bigint NOT NULL,
  height bigint NOT NULL,
  key_2048 text NOT NULL,
  key_1024 text NOT NULL,
  key_256 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT event_banners_size_check CHECK (width BETWEEN 1 AND 1000000 AND height BETWEEN 1 AND 1000000),
  CONSTRAINT event_banners_keys_check CHECK (
    key_2048 ~ '^photos/[0-9a-f]{64}\.webp$' AND key_1024 ~ '^photos/[0-9a-f]{64}\.webp$'
    AND key_256 ~ '^photos/[0-9a-f]{64}\.webp$'
  )
);

-- Serving a photo and deleting an object look up the rows that name a key.
CREATE INDEX event_banners_key_2048_idx ON event_banners (key_2048);
CREATE INDEX event_banners_key_1024_idx ON event_banners (key_1024);
CREATE INDEX event_banners_key_256_idx ON event_banners (key_256);
