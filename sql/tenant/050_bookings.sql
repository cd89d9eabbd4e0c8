-- Pré-inscriptions, slots with their capacity, bookings (with the waiting list and the staff
-- queue as statuses), baskets kept server-side, confirmations with their lines, calendar feeds.
-- family_id and child_id get their foreign keys once the accounts and dossier tables exist.

CREATE TABLE registrations (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_id      bigint NOT NULL,
    child_id       bigint NOT NULL,
    activity       text NOT NULL CHECK (activity ~ '^[a-z][a-zA-Z0-9-]{0,40}$'),
    first_day      date NOT NULL,
    last_day       date NOT NULL CHECK (last_day >= first_day),
    status         text NOT NULL CHECK (status IN ('pending', 'accepted', 'refused')),
    refusal_reason text CHECK (length(refusal_reason) BETWEEN 1 AND 1000),
    created_at     timestamptz NOT NULL,
    answered_at    timestamptz,
    CHECK ((status = 'refused') = (refusal_reason IS NOT NULL))
);
-- One live request per child, activity and period; a refused one may be asked again.
CREATE UNIQUE INDEX registrations_live ON registrations (child_id, activity, first_day) WHERE status <> 'refused';
CREATE INDEX registrations_family ON registrations (family_id);
CREATE INDEX registrations_queue ON registrations (activity, first_day, created_at) WHERE status = 'pending';

-- One row per activity, unit and day, created on first use from the tenant file. The CHECK is
-- the last guard against overbooking; the booking code takes places with a conditional UPDATE.
CREATE TABLE slots (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity text NOT NULL CHECK (activity ~ '^[a-z][a-zA-Z0-9-]{0,40}$'),
    unit     text NOT NULL CHECK (unit ~ '^[a-z][a-zA-Z0-9-]{0,40}$'),
    day      date NOT NULL,
    capacity integer NOT NULL CHECK (capacity >= 0),
    booked   integer NOT NULL DEFAULT 0 CHECK (booked >= 0),
    CHECK (booked <= capacity),
    UNIQUE (activity, unit, day)
);

-- A child's booking of a slot; one row per child and slot, its status moving with
-- BookingStatus (PortalCore). Statuses holding a place are counted in slots.booked.
CREATE TABLE bookings (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_id    bigint NOT NULL,
    child_id     bigint NOT NULL,
    slot_id      bigint NOT NULL REFERENCES slots (id),
    status       text NOT NULL CHECK (status IN ('booked', 'pendingValidation', 'waitingList', 'absent',
                                                 'cancellationRequested', 'refused', 'cancelled', 'withdrawn')),
    -- What the booking bills (unit price, outing supplement, late surcharge), in cents.
    amount_cents integer NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
    tariff       text NOT NULL DEFAULT 'unit' CHECK (tariff IN ('unit', 'lateSurcharge', 'lateCancellation', 'none')),
    -- Past the deadline under a "request" late policy: staff see it as a late request.
    late         boolean NOT NULL DEFAULT false,
    -- Collected in the first minutes after opening, waiting for the draw (issue 11).
    in_draw      boolean NOT NULL DEFAULT false CHECK (NOT in_draw OR status = 'waitingList'),
    -- Waiting-list order: a draw's rank first, then first come first served.
    draw_rank    integer,
    requested_at timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    staff_note   text CHECK (length(staff_note) <= 1000),
    UNIQUE (child_id, slot_id)
);
CREATE INDEX bookings_family ON bookings (family_id);
CREATE INDEX bookings_slot_waiting ON bookings (slot_id, draw_rank, requested_at, id) WHERE status = 'waitingList';
CREATE INDEX bookings_slot_draw ON bookings (slot_id) WHERE in_draw;
CREATE INDEX bookings_staff_queue ON bookings (requested_at) WHERE status IN ('pendingValidation', 'cancellationRequested');

-- The panier: pending changes, one per slot, kept until confirmed (they survive sign-out).
CREATE TABLE basket_lines (
    family_id bigint NOT NULL,
    child_id  bigint NOT NULL,
    activity  text NOT NULL CHECK (activity ~ '^[a-z][a-zA-Z0-9-]{0,40}$'),
    unit      text NOT NULL CHECK (unit ~ '^[a-z][a-zA-Z0-9-]{0,40}$'),
    day       date NOT NULL,
    action    text NOT NULL CHECK (action IN ('book', 'cancel')),
    added_at  timestamptz NOT NULL,
    PRIMARY KEY (family_id, child_id, activity, unit, day)
);

-- Each « Valider »: its number is the booking number families quote (seed 003).
CREATE TABLE confirmations (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_id    bigint NOT NULL,
    confirmed_at timestamptz NOT NULL,
    total_cents  integer NOT NULL
);
CREATE INDEX confirmations_family ON confirmations (family_id, confirmed_at DESC);

-- Each draw held, with the seed published so that anyone can replay it.
CREATE TABLE draws (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id    bigint NOT NULL UNIQUE REFERENCES slots (id),
    seed       numeric(20, 0) NOT NULL,
    seed_text  text NOT NULL,
    entries    integer NOT NULL,
    places     integer NOT NULL,
    held_at    timestamptz NOT NULL
);

CREATE TABLE confirmation_lines (
    confirmation_id bigint NOT NULL REFERENCES confirmations (id) ON DELETE CASCADE,
    position        integer NOT NULL,
    booking_id      bigint REFERENCES bookings (id),
    child_id        bigint NOT NULL,
    activity        text NOT NULL,
    unit            text NOT NULL,
    day             date NOT NULL,
    action          text NOT NULL CHECK (action IN ('book', 'cancel')),
    -- The status the line left, or 'refused' with the rule's reason.
    outcome         text NOT NULL CHECK (outcome IN ('booked', 'pendingValidation', 'waitingList', 'cancellationRequested',
                                                    'cancelled', 'withdrawn', 'refused')),
    rule            text NOT NULL,
    message         text NOT NULL,
    amount_cents    integer NOT NULL,
    tariff          text NOT NULL,
    PRIMARY KEY (confirmation_id, position)
);

-- Private calendar feed: the token is kept only as its SHA-256; revoking deletes the row.
CREATE TABLE calendar_feeds (
    family_id  bigint PRIMARY KEY,
    token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL
);
