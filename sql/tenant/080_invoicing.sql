-- Invoices and credit notes (avoirs) with their lines, the yearly gapless numbering, payments
-- (desk and online) and PayFiP payment attempts with every notification received.
-- An issued document never changes: triggers refuse UPDATE and DELETE, so a correction can only
-- be a credit note, and the state (à payer, payée…) is derived from payments and credit notes.

-- One row per year; the number is taken by an UPDATE of this row inside the issuing
-- transaction, so concurrent runs wait on its lock and a rolled-back run consumes nothing.
CREATE TABLE invoice_sequences (
    year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
    last_number integer NOT NULL CHECK (last_number BETWEEN 0 AND 999999)
);

CREATE TABLE invoices (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_id      bigint NOT NULL REFERENCES families (id),
    kind           text NOT NULL CHECK (kind IN ('invoice', 'creditNote')),
    year           integer NOT NULL,
    sequence       integer NOT NULL CHECK (sequence BETWEEN 1 AND 999999),
    billing_month  date NOT NULL CHECK (extract(day FROM billing_month) = 1),
    issued_on      date NOT NULL CHECK (extract(year FROM issued_on) = year),
    due_on         date NOT NULL CHECK (due_on >= issued_on),
    -- Copied at issue so that the document stays as sent when the dossier changes.
    family_name    text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 150),
    family_address text[] NOT NULL,
    total_cents    integer NOT NULL CHECK (total_cents >= 0),
    corrects_id    bigint REFERENCES invoices (id),
    reason         text CHECK (length(reason) BETWEEN 1 AND 500),
    issued_by      bigint,
    issued_at      timestamptz NOT NULL,
    UNIQUE (year, sequence),
    CHECK ((kind = 'creditNote') = (corrects_id IS NOT NULL)),
    CHECK ((kind = 'creditNote') = (reason IS NOT NULL))
);
-- A family gets one invoice per month: issuing the month again finds it and moves on.
CREATE UNIQUE INDEX invoices_one_per_month ON invoices (family_id, billing_month) WHERE kind = 'invoice';
CREATE INDEX invoices_family ON invoices (family_id, issued_on DESC, id DESC);
CREATE INDEX invoices_corrects ON invoices (corrects_id) WHERE corrects_id IS NOT NULL;

CREATE TABLE invoice_lines (
    invoice_id        bigint NOT NULL REFERENCES invoices (id),
    position          integer NOT NULL CHECK (position >= 1),
    kind              text NOT NULL CHECK (kind IN ('invoice', 'creditNote')),
    booking_id        bigint REFERENCES bookings (id),
    -- On a credit note: the line of the corrected invoice it credits.
    credited_position integer,
    day               date NOT NULL,
    child_name        text NOT NULL,
    activity_label    text NOT NULL,
    unit_label        text NOT NULL,
    tariff_label      text NOT NULL,
    amount_cents      integer NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (invoice_id, position),
    CHECK ((kind = 'creditNote') = (credited_position IS NOT NULL))
);
-- A booking is billed once, ever: whatever runs overlap, the second insert fails.
CREATE UNIQUE INDEX invoice_lines_billed_once ON invoice_lines (booking_id) WHERE kind = 'invoice' AND booking_id IS NOT NULL;

CREATE FUNCTION refuse_change_of_issued_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an issued % cannot be changed or deleted: issue a credit note', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER invoices_are_immutable BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued_document();
CREATE TRIGGER invoice_lines_are_immutable BEFORE UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued_document();
CREATE TRIGGER invoices_are_never_truncated BEFORE TRUNCATE ON invoices
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_issued_document();

CREATE TABLE payments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_id    bigint NOT NULL REFERENCES families (id),
    invoice_id   bigint NOT NULL REFERENCES invoices (id),
    method       text NOT NULL CHECK (method IN ('online', 'cash', 'cheque', 'cesu', 'transfer')),
    amount_cents integer NOT NULL CHECK (amount_cents > 0),
    received_on  date NOT NULL,
    -- Cheque number, CESU references, transfer label, PayFiP authorisation number.
    reference    text NOT NULL DEFAULT '' CHECK (length(reference) <= 100),
    -- The staff member at the desk; NULL for an online payment.
    recorded_by  bigint,
    recorded_at  timestamptz NOT NULL,
    CHECK ((method = 'online') = (recorded_by IS NULL))
);
CREATE INDEX payments_invoice ON payments (invoice_id);
CREATE INDEX payments_family ON payments (family_id, received_on);

-- Each time a family leaves for PayFiP: refdet is what PayFiP sends back.
CREATE TABLE online_payments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id   bigint NOT NULL REFERENCES invoices (id),
    family_id    bigint NOT NULL REFERENCES families (id),
    attempt      integer NOT NULL CHECK (attempt BETWEEN 1 AND 99),
    refdet       text NOT NULL UNIQUE CHECK (refdet ~ '^[A-Z0-9]{6,30}$'),
    numcli       text NOT NULL CHECK (numcli ~ '^[0-9]{6}$'),
    exer         integer NOT NULL,
    amount_cents integer NOT NULL CHECK (amount_cents > 0),
    status       text NOT NULL CHECK (status IN ('pending', 'paid', 'refused', 'abandoned')),
    created_at   timestamptz NOT NULL,
    notified_at  timestamptz,
    payment_id   bigint UNIQUE REFERENCES payments (id),
    UNIQUE (invoice_id, attempt),
    CHECK ((status = 'paid') = (payment_id IS NOT NULL)),
    CHECK ((status = 'pending') = (notified_at IS NULL))
);

-- Every notification received, accepted or not, for the régisseur's reconciliation.
CREATE TABLE payment_notifications (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at timestamptz NOT NULL,
    source      text NOT NULL CHECK (length(source) <= 100),
    refdet      text NOT NULL CHECK (length(refdet) <= 100),
    parameters  text NOT NULL CHECK (length(parameters) <= 2000),
    verdict     text NOT NULL CHECK (length(verdict) <= 100)
);
CREATE INDEX payment_notifications_refdet ON payment_notifications (refdet);
