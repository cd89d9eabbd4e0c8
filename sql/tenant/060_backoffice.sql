-- Back-office: the decisions taken in every staff queue, the audit log of staff actions,
-- attendance (pointage) per booking, children added on the day, the review of received
-- documents, and the trace of every waiting-list promotion.

-- One line per item a staff member accepted or refused in a queue; the item's own row (its
-- status) is what prevents double processing, this is who decided what and when.
CREATE TABLE queue_decisions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue      text NOT NULL CHECK (queue ~ '^[a-z][a-z0-9_]{0,40}$'),
    item_id    bigint NOT NULL,
    decision   text NOT NULL CHECK (decision IN ('accepted', 'refused')),
    reason     text NOT NULL DEFAULT '' CHECK (length(reason) <= 1000),
    staff_id   bigint NOT NULL,
    staff_name text NOT NULL CHECK (length(staff_name) BETWEEN 1 AND 150),
    decided_at timestamptz NOT NULL
);
CREATE INDEX queue_decisions_item ON queue_decisions (queue, item_id, decided_at DESC, id DESC);

-- Every staff action, for the town's administrators.
CREATE TABLE staff_audit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id   bigint NOT NULL,
    staff_name text NOT NULL CHECK (length(staff_name) BETWEEN 1 AND 150),
    action     text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]{0,60}$'),
    target     text NOT NULL DEFAULT '' CHECK (length(target) <= 300),
    detail     text NOT NULL DEFAULT '' CHECK (length(detail) <= 2000),
    ip         text NOT NULL DEFAULT '',
    at         timestamptz NOT NULL
);
CREATE INDEX staff_audit_time ON staff_audit (at DESC, id DESC);

-- Pointage: at most one mark per booking, overwritten when corrected.
CREATE TABLE attendance (
    booking_id     bigint PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    mark           text NOT NULL CHECK (mark IN ('present', 'late', 'absentExcused', 'absentUnexcused')),
    marked_by_id   bigint NOT NULL,
    marked_by_name text NOT NULL,
    marked_at      timestamptz NOT NULL
);

-- A child who came without a booking: staff created the booking on the day (flagged).
CREATE TABLE walk_in_bookings (
    booking_id    bigint PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    added_by_id   bigint NOT NULL,
    added_by_name text NOT NULL,
    added_at      timestamptz NOT NULL
);

-- Justificatifs are reviewed once: accepted or refused with a reason (queue_decisions).
ALTER TABLE account_documents
    ADD COLUMN review_status text NOT NULL DEFAULT 'received' CHECK (review_status IN ('received', 'accepted', 'refused'));
CREATE INDEX account_documents_to_review ON account_documents (uploaded_at) WHERE review_status = 'received';

-- Every move from the waiting list to a place, whoever made it: the trigger sees the booking
-- code's automatic promotions as well as staff's; staff promotions name the agent through
-- the transaction-local setting portal.staff_name.
CREATE TABLE waiting_list_promotions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  bigint NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    slot_id     bigint NOT NULL,
    to_status   text NOT NULL,
    promoted_by text,
    promoted_at timestamptz NOT NULL
);
CREATE INDEX waiting_list_promotions_slot ON waiting_list_promotions (slot_id, promoted_at);

CREATE FUNCTION trace_waiting_list_promotion() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('INSERT INTO %I.waiting_list_promotions (booking_id, slot_id, to_status, promoted_by, promoted_at)
                    VALUES ($1, $2, $3, $4, $5)', TG_TABLE_SCHEMA)
        USING NEW.id, NEW.slot_id, NEW.status, NULLIF(current_setting('portal.staff_name', true), ''), NEW.updated_at;
    RETURN NEW;
END;
$$;

CREATE TRIGGER bookings_waiting_list_promotion AFTER UPDATE OF status ON bookings
    FOR EACH ROW WHEN (OLD.status = 'waitingList' AND NEW.status IN ('booked', 'pendingValidation'))
    EXECUTE FUNCTION trace_waiting_list_promotion();
