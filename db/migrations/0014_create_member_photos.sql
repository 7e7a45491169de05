-- Members' profile photos (docs/photos.md). A row names the three stored sizes of one upload:
-- WebP objects under content-addressed keys, "photos/<sha256 of the bytes>.webp", so two rows
-- may name the same objects (one picture uploaded twice) and an object is deleted only when no
-- row names it. A member shows at most one photo as primary (on the team page and profile);
-- 'members' photos are shown and served only to logged-in members, 'public' ones to everyone.
-- Give up rather than queue behind a long transaction and block every query queued behind us.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE member_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Erasing a member deletes their photos' rows; the server deletes the objects.
  member_uuid uuid NOT NULL REFERENCES members (uuid) ON DELETE CASCADE,
  visibility text NOT NULL DEFAULT 'members',
  is_primary boolean NOT NULL DEFAULT false,
  -- The upright size of the upload, in pixels (the stored sizes are at most 2048 on the long side).
  width bigint NOT NULL,
  height bigint NOT NULL,
  key_2048 text NOT NULL,
  key_1024 text NOT NULL,
  key_256 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT member_photos_visibility_check CHECK (visibility IN ('public', 'members')),
  CONSTRAINT member_photos_size_check CHECK (width BETWEEN 1 AND 1000000 AND height BETWEEN 1 AND 1000000),
  CONSTRAINT member_photos_keys_check CHECK (
    key_2048 ~ '^photos/[0-9a-f]{64}\.webp$' AND key_1024 ~ '^photos/[0-9a-f]{64}\.webp$'
    AND key_256 ~ '^photos/[0-9a-f]{64}\.webp$'
  )
);

-- One primary photo per member at most.
CREATE UNIQUE INDEX member_photos_one_primary ON member_photos (member_uuid) WHERE is_primary;
-- A member's gallery, oldest first.
CREATE INDEX member_photos_member_uuid_idx ON member_photos (member_uuid, created_at);
-- Serving a photo and deleting an object look up the rows that name a key.
CREATE INDEX member_photos_key_2048_idx ON member_photos (key_2048);
CREATE INDEX member_photos_key_1024_idx ON member_photos (key_1024);
CREATE INDEX member_photos_key_256_idx ON member_photos (key_256);
