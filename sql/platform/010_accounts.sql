-- Platform-wide accounts and mail: operators (who host several towns), their sessions, the
-- outbox every town's e-mail goes through, and the key that signs anonymous forms.

CREATE TABLE platform.operators (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 150),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    disabled_at   timestamptz
);
CREATE UNIQUE INDEX operators_email ON platform.operators (lower(email));

CREATE TABLE platform.operator_sessions (
    token_hash   text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    operator_id  bigint NOT NULL REFERENCES platform.operators (id) ON DELETE CASCADE,
    csrf_token   text NOT NULL,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    ip           text NOT NULL DEFAULT ''
);
CREATE INDEX operator_sessions_operator ON platform.operator_sessions (operator_id);

CREATE TABLE platform.operator_throttle (
    scope                text NOT NULL,
    key                  text NOT NULL,
    consecutive_failures integer NOT NULL DEFAULT 0,
    failures_today       integer NOT NULL DEFAULT 0,
    window_start         timestamptz,
    last_failure         timestamptz,
    PRIMARY KEY (scope, key)
);

-- Written in the same transaction as the action that sends the message; one worker per
-- server instance delivers with FOR UPDATE SKIP LOCKED, so no row is sent by two instances.
CREATE TABLE platform.outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       text,
    from_name       text NOT NULL,
    reply_to        text,
    recipient       text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
    subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body            text NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    last_error      text
);
CREATE INDEX outbox_due ON platform.outbox (next_attempt_at) WHERE sent_at IS NULL;

-- A random key, made once, that signs the time an anonymous form was shown (anti-robot timing):
-- shared by every instance because it lives in the database.
CREATE TABLE platform.form_keys (
    id  integer PRIMARY KEY CHECK (id = 1),
    key bytea NOT NULL
);
INSERT INTO platform.form_keys (id, key) VALUES (1, public.gen_random_bytes(32));
