-- Accounts of one town: families' logins, staff, sessions, e-mailed tokens, family files and
-- the links between them, "Mes demandes", justificatifs, throttling counters and the audit trail.

-- The login account of a family member (espace citoyen). Passwords are bcrypt hashes from
-- pgcrypto's crypt(); an account cannot sign in before activated_at is set.
CREATE TABLE accounts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    password_hash text NOT NULL,
    last_name     text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    first_names   text NOT NULL CHECK (length(first_names) BETWEEN 1 AND 150),
    created_at    timestamptz NOT NULL,
    activated_at  timestamptz,
    terms_accepted_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX accounts_email ON accounts (lower(email));

CREATE TABLE staff_accounts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 150),
    role          text NOT NULL CHECK (role IN ('admin', 'agent', 'billing')),
    -- NULL until the invited person chooses a password.
    password_hash text,
    created_at    timestamptz NOT NULL,
    disabled_at   timestamptz
);
CREATE UNIQUE INDEX staff_accounts_email ON staff_accounts (lower(email));

-- Only the SHA-256 of the cookie's token is stored: a leaked table opens no session.
CREATE TABLE sessions (
    token_hash     text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    principal_kind text NOT NULL CHECK (principal_kind IN ('family', 'staff')),
    principal_id   bigint NOT NULL,
    csrf_token     text NOT NULL,
    created_at     timestamptz NOT NULL,
    last_seen_at   timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    ip             text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_principal ON sessions (principal_kind, principal_id);

CREATE TABLE account_tokens (
    token_hash     text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    purpose        text NOT NULL CHECK (purpose IN ('activation', 'reset', 'email_change', 'staff_invitation')),
    principal_kind text NOT NULL CHECK (principal_kind IN ('family', 'staff')),
    principal_id   bigint NOT NULL,
    new_email      text,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);
CREATE INDEX account_tokens_principal ON account_tokens (principal_kind, principal_id, purpose);

-- The family file (dossier famille), minimal here; the dossier extends it.
CREATE TABLE families (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
    subscriber_code text NOT NULL UNIQUE CHECK (subscriber_code ~ '^[A-Z0-9-]{4,32}$'),
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Mes abonnements: which family files an account may act on. Both guardians may link one family.
CREATE TABLE subscriptions (
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    family_id  bigint NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, family_id)
);
CREATE INDEX subscriptions_family ON subscriptions (family_id);

-- Mes demandes: every request a family makes, whatever the feature, with its history.
CREATE TABLE requests (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
    family_id  bigint REFERENCES families (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,40}$'),
    kind_label text NOT NULL CHECK (length(kind_label) BETWEEN 1 AND 100),
    status     text NOT NULL CHECK (status IN ('pending', 'accepted', 'refused', 'withdrawn', 'done')),
    summary    text NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (account_id IS NOT NULL OR family_id IS NOT NULL)
);
CREATE INDEX requests_account ON requests (account_id, created_at DESC);
CREATE INDEX requests_family ON requests (family_id, created_at DESC);

CREATE TABLE request_events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id bigint NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    status     text NOT NULL CHECK (status IN ('pending', 'accepted', 'refused', 'withdrawn', 'done')),
    note       text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    -- 'family', 'staff' or 'system'
    actor      text NOT NULL CHECK (actor IN ('family', 'staff', 'system')),
    created_at timestamptz NOT NULL
);
CREATE INDEX request_events_request ON request_events (request_id, id);

-- Justificatifs sent by a family; the type is the one detected from the bytes.
CREATE TABLE account_documents (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    bytes        bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 6291456),
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX account_documents_account ON account_documents (account_id, uploaded_at DESC);
CREATE INDEX account_documents_uploaded ON account_documents (uploaded_at DESC);

-- Failure counters per (scope, key): sign-in per address and per client, codes abonné…
CREATE TABLE throttle (
    scope                text NOT NULL CHECK (scope ~ '^[a-z_]{1,40}$'),
    key                  text NOT NULL CHECK (length(key) BETWEEN 1 AND 300),
    consecutive_failures integer NOT NULL DEFAULT 0,
    failures_today       integer NOT NULL DEFAULT 0,
    window_start         timestamptz,
    last_failure         timestamptz,
    PRIMARY KEY (scope, key)
);

-- Audit trail: who signed in, failed, was locked out, changed a password or an address.
CREATE TABLE security_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
    principal_kind text CHECK (principal_kind IN ('family', 'staff')),
    principal_id   bigint,
    email          text NOT NULL DEFAULT '',
    ip             text NOT NULL DEFAULT '',
    detail         text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL
);
CREATE INDEX security_events_time ON security_events (created_at DESC);
CREATE INDEX security_events_principal ON security_events (principal_kind, principal_id, created_at DESC);
