-- Children's photos, stored as uploaded (JPEG or PNG checked by content, at most 2 Mo). A photo
-- is named by an unguessable reference; children.photo holds the accepted one, a pending
-- dossier change the proposed one. Photos neither current nor pending are deleted.
CREATE TABLE child_photos (
    reference    text PRIMARY KEY CHECK (reference ~ '^[0-9a-f]{64}$'),
    family_id    bigint NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    child_id     bigint NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    bytes        bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 2097152),
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX child_photos_family ON child_photos (family_id);

-- A child removed at the family's request leaves the file but keeps its row (name only), so
-- that bookings and invoices naming the child still point at a record; its health sheet and
-- photos are deleted.
ALTER TABLE children ADD COLUMN removed_at timestamptz;

