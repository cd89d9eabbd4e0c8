-- Messagerie: a family account writes to one of the town's services (codes from the tenant
-- file); staff of that service answer in the same thread.
CREATE TABLE message_threads (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id           bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    service_code         text NOT NULL CHECK (length(service_code) BETWEEN 1 AND 60),
    theme                text NOT NULL CHECK (length(theme) BETWEEN 1 AND 100),
    subject              text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    assigned_staff_id    bigint REFERENCES staff_accounts (id) ON DELETE SET NULL,
    -- The first family message staff have not answered yet: the waiting-time counter.
    awaiting_reply_since timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX message_threads_account ON message_threads (account_id, updated_at DESC);
CREATE INDEX message_threads_service ON message_threads (service_code, status, updated_at DESC);

CREATE TABLE messages (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    thread_id  bigint NOT NULL REFERENCES message_threads (id) ON DELETE CASCADE,
    author     text NOT NULL CHECK (author IN ('family', 'staff')),
    staff_id   bigint REFERENCES staff_accounts (id) ON DELETE SET NULL,
    body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at timestamptz NOT NULL,
    -- When the other side first opened it.
    read_at    timestamptz
);
CREATE INDEX messages_thread ON messages (thread_id, id);
CREATE INDEX messages_unread ON messages (thread_id) WHERE read_at IS NULL;

-- The type is the one detected from the bytes at upload, never the browser's claim.
CREATE TABLE message_attachments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   bigint NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    bytes        bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 16777216)
);
CREATE INDEX message_attachments_message ON message_attachments (message_id);
