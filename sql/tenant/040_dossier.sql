-- The family file (dossier famille): guardians, children with their health sheets, authorised
-- contacts, the quotient familial, the field-level change requests families submit and staff
-- decide, and the log of every staff view of health data. Column names are the field keys of
-- PortalCore's DossierField catalogue; empty text is '' (never NULL), an unknown date NULL.

ALTER TABLE families
    ADD COLUMN family_quotient integer CHECK (family_quotient BETWEEN 0 AND 100000),
    ADD COLUMN quotient_valid_from date,
    ADD COLUMN quotient_valid_until date,
    ADD COLUMN anonymised_at timestamptz,
    ADD CONSTRAINT families_quotient_complete CHECK (
        (family_quotient IS NULL) = (quotient_valid_from IS NULL)
        AND (family_quotient IS NULL) = (quotient_valid_until IS NULL)
        AND (quotient_valid_from IS NULL OR quotient_valid_from <= quotient_valid_until));

-- Staff who may see health sheets (ALSH direction) besides admins.
ALTER TABLE staff_accounts DROP CONSTRAINT staff_accounts_role_check;
ALTER TABLE staff_accounts ADD CONSTRAINT staff_accounts_role_check CHECK (role IN ('admin', 'agent', 'billing', 'director'));

CREATE TABLE guardians (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_id      bigint NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    last_name      text NOT NULL CHECK (length(last_name) <= 100),
    first_names    text NOT NULL CHECK (length(first_names) <= 150),
    relation       text NOT NULL DEFAULT '' CHECK (relation IN ('', 'mere', 'pere', 'tuteur', 'autre')),
    address_line1  text NOT NULL DEFAULT '' CHECK (length(address_line1) <= 150),
    address_line2  text NOT NULL DEFAULT '' CHECK (length(address_line2) <= 150),
    postcode       text NOT NULL DEFAULT '' CHECK (postcode ~ '^([0-9]{5})?$'),
    city           text NOT NULL DEFAULT '' CHECK (length(city) <= 100),
    mobile_phone   text NOT NULL DEFAULT '' CHECK (mobile_phone ~ '^(0[1-9][0-9]{8}|\+[1-9][0-9]{7,14})?$'),
    home_phone     text NOT NULL DEFAULT '' CHECK (home_phone ~ '^(0[1-9][0-9]{8}|\+[1-9][0-9]{7,14})?$'),
    work_phone     text NOT NULL DEFAULT '' CHECK (work_phone ~ '^(0[1-9][0-9]{8}|\+[1-9][0-9]{7,14})?$'),
    email          text NOT NULL DEFAULT '' CHECK (length(email) <= 254 AND email = lower(email)),
    profession     text NOT NULL DEFAULT '' CHECK (length(profession) <= 100),
    employer       text NOT NULL DEFAULT '' CHECK (length(employer) <= 150),
    account_holder text NOT NULL DEFAULT '' CHECK (length(account_holder) <= 150),
    iban           text NOT NULL DEFAULT '' CHECK (iban ~ '^([A-Z]{2}[0-9]{2}[A-Z0-9]{11,30})?$'),
    bic            text NOT NULL DEFAULT '' CHECK (bic ~ '^([A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?)?$'),
    resident       boolean NOT NULL DEFAULT false
);
CREATE INDEX guardians_family ON guardians (family_id, id);

CREATE TABLE children (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_id       bigint NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    last_name       text NOT NULL CHECK (length(last_name) <= 100),
    first_names     text NOT NULL CHECK (length(first_names) <= 150),
    birth_date      date,
    school          text NOT NULL DEFAULT '' CHECK (length(school) <= 150),
    school_class    text NOT NULL DEFAULT '' CHECK (length(school_class) <= 20),
    photo           text NOT NULL DEFAULT '' CHECK (length(photo) <= 64),
    image_rights    boolean NOT NULL DEFAULT false,
    may_leave_alone boolean NOT NULL DEFAULT false,
    uses_transport  boolean NOT NULL DEFAULT false
);
CREATE INDEX children_family ON children (family_id, id);

-- Special-category data (RGPD art. 9): its own table, read only through the store functions
-- that the web layer calls after checking the staff role and logging the view.
CREATE TABLE child_health (
    child_id        bigint PRIMARY KEY REFERENCES children (id) ON DELETE CASCADE,
    allergies       text NOT NULL DEFAULT '' CHECK (length(allergies) <= 1000),
    diet            text NOT NULL DEFAULT '' CHECK (length(diet) <= 20),
    pai             boolean NOT NULL DEFAULT false,
    pai_details     text NOT NULL DEFAULT '' CHECK (length(pai_details) <= 1000),
    doctor_name     text NOT NULL DEFAULT '' CHECK (length(doctor_name) <= 150),
    doctor_phone    text NOT NULL DEFAULT '' CHECK (doctor_phone ~ '^(0[1-9][0-9]{8}|\+[1-9][0-9]{7,14})?$'),
    notes           text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    vaccine_dtp             date,
    vaccine_pertussis       date,
    vaccine_hib             date,
    vaccine_hepatitis_b     date,
    vaccine_pneumococcus    date,
    vaccine_meningococcus_c date,
    vaccine_mmr             date,
    vaccine_bcg             date
);

CREATE TABLE authorized_contacts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_id   bigint NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    last_name   text NOT NULL CHECK (length(last_name) <= 100),
    first_names text NOT NULL CHECK (length(first_names) <= 150),
    relation    text NOT NULL CHECK (length(relation) <= 100),
    phone       text NOT NULL CHECK (phone ~ '^(0[1-9][0-9]{8}|\+[1-9][0-9]{7,14})?$'),
    other_phone text NOT NULL DEFAULT '' CHECK (other_phone ~ '^(0[1-9][0-9]{8}|\+[1-9][0-9]{7,14})?$'),
    permission  text NOT NULL CHECK (permission IN ('peut_recuperer', 'urgence'))
);
CREATE INDEX authorized_contacts_family ON authorized_contacts (family_id, id);

-- A family's submission; its line in « Mes demandes » is request_id.
CREATE TABLE dossier_change_requests (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_id         bigint NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    request_id        bigint NOT NULL UNIQUE REFERENCES requests (id) ON DELETE CASCADE,
    submitted_by_id   bigint NOT NULL,
    submitted_by_name text NOT NULL CHECK (length(submitted_by_name) <= 300),
    submitted_at      timestamptz NOT NULL,
    withdrawn_at      timestamptz
);
CREATE INDEX dossier_change_requests_family ON dossier_change_requests (family_id, submitted_at DESC);

CREATE TABLE dossier_field_changes (
    request_id      bigint NOT NULL REFERENCES dossier_change_requests (id) ON DELETE CASCADE,
    position        integer NOT NULL,
    entity          text NOT NULL CHECK (entity IN ('guardian', 'child', 'health', 'contact')),
    record_id       bigint,
    proposed_number integer,
    field_key       text NOT NULL CHECK (field_key ~ '^[a-z][a-z0-9_]{0,40}$'),
    old_value       text NOT NULL CHECK (length(old_value) <= 2000),
    new_value       text NOT NULL CHECK (length(new_value) <= 2000),
    decision        text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'accepted', 'refused')),
    reason          text NOT NULL DEFAULT '' CHECK (length(reason) <= 1000),
    decided_by_id   bigint,
    decided_by_name text,
    decided_at      timestamptz,
    PRIMARY KEY (request_id, position),
    CHECK ((record_id IS NULL) <> (proposed_number IS NULL)),
    CHECK ((decision = 'pending') = (decided_at IS NULL)),
    CHECK (decision <> 'refused' OR length(reason) > 0)
);
-- At most one pending change per field of a stored record.
CREATE INDEX dossier_field_changes_target ON dossier_field_changes (entity, record_id, field_key) WHERE decision = 'pending';

CREATE TABLE dossier_change_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  bigint NOT NULL REFERENCES dossier_change_requests (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    actor_kind  text NOT NULL CHECK (actor_kind IN ('family', 'staff')),
    actor_id    bigint NOT NULL,
    actor_name  text NOT NULL CHECK (length(actor_name) <= 300),
    action      text NOT NULL CHECK (action IN ('submitted', 'withdrawn', 'accepted', 'refused')),
    -- Positions of the changes concerned, and for a refusal its reason.
    positions   integer[] NOT NULL DEFAULT '{}',
    field_count integer NOT NULL DEFAULT 0,
    reason      text NOT NULL DEFAULT '' CHECK (length(reason) <= 1000)
);
CREATE INDEX dossier_change_history_request ON dossier_change_history (request_id, id);

-- Every time a staff member is shown a health sheet: who, when, whose, from where.
CREATE TABLE health_access_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id   bigint NOT NULL,
    staff_name text NOT NULL,
    family_id  bigint NOT NULL,
    child_id   bigint,
    purpose    text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
    ip         text NOT NULL DEFAULT '',
    viewed_at  timestamptz NOT NULL
);
CREATE INDEX health_access_log_family ON health_access_log (family_id, viewed_at DESC);
