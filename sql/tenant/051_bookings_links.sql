-- Bookings tied to the family file: family and child ids become foreign keys to the dossier's
-- tables; a cancellation request remembers the late charge it will bill if staff accept it;
-- a pré-inscription may carry the first days the family wants booked once it is accepted;
-- registrations and confirmations name their line in « Mes demandes ».

ALTER TABLE registrations
    ADD CONSTRAINT registrations_family_fk FOREIGN KEY (family_id) REFERENCES families (id) ON DELETE CASCADE,
    ADD CONSTRAINT registrations_child_fk FOREIGN KEY (child_id) REFERENCES children (id) ON DELETE CASCADE,
    ADD COLUMN request_id bigint REFERENCES requests (id) ON DELETE SET NULL;

-- No cascade: a booking holds a counted place and is billed, so a child with bookings stays.
ALTER TABLE bookings
    ADD CONSTRAINT bookings_family_fk FOREIGN KEY (family_id) REFERENCES families (id),
    ADD CONSTRAINT bookings_child_fk FOREIGN KEY (child_id) REFERENCES children (id),
    -- Billed when staff accept the cancellation request (late cancellation charge); NULL otherwise.
    ADD COLUMN pending_cancel_cents integer CHECK (pending_cancel_cents >= 0),
    ADD COLUMN pending_cancel_tariff text CHECK (pending_cancel_tariff IN ('lateCancellation', 'none')),
    ADD CONSTRAINT bookings_pending_cancel CHECK ((pending_cancel_cents IS NULL) = (pending_cancel_tariff IS NULL));

ALTER TABLE basket_lines
    ADD CONSTRAINT basket_lines_family_fk FOREIGN KEY (family_id) REFERENCES families (id) ON DELETE CASCADE,
    ADD CONSTRAINT basket_lines_child_fk FOREIGN KEY (child_id) REFERENCES children (id) ON DELETE CASCADE;

ALTER TABLE confirmations
    ADD CONSTRAINT confirmations_family_fk FOREIGN KEY (family_id) REFERENCES families (id),
    ADD COLUMN request_id bigint REFERENCES requests (id) ON DELETE SET NULL;

ALTER TABLE calendar_feeds
    ADD CONSTRAINT calendar_feeds_family_fk FOREIGN KEY (family_id) REFERENCES families (id) ON DELETE CASCADE;

-- Days asked with a pré-inscription; booked through the usual rules when it is accepted.
CREATE TABLE registration_days (
    registration_id bigint NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    unit            text NOT NULL CHECK (unit ~ '^[a-z][a-zA-Z0-9-]{0,40}$'),
    day             date NOT NULL,
    PRIMARY KEY (registration_id, unit, day)
);
