-- The ranking of each draw as it was held (issue 11), with what the priorities saw, so that
-- the published seed replays it even after bookings changed.
ALTER TABLE draws ADD COLUMN priorities text[] NOT NULL DEFAULT '{}';

CREATE TABLE draw_entries (
    draw_id    bigint NOT NULL REFERENCES draws (id),
    rank       integer NOT NULL CHECK (rank > 0),
    booking_id bigint NOT NULL REFERENCES bookings (id),
    family_id  bigint NOT NULL,
    child_id   bigint NOT NULL,
    resident   boolean NOT NULL,
    -- Another child of the family already held a place on the slot.
    sibling    boolean NOT NULL,
    -- Got a place at the draw (booked, or sent to staff for validation).
    placed     boolean NOT NULL,
    PRIMARY KEY (draw_id, rank)
);
CREATE INDEX draw_entries_family ON draw_entries (family_id);
