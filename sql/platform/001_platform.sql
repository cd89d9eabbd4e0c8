-- Shared by every tenant. pgcrypto gives bcrypt (crypt/gen_salt) and gen_random_bytes.
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

-- One row per town the server has migrated; the tenant files stay the source of truth
-- for configuration, this table records what exists in the database.
CREATE TABLE platform.tenants (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{0,40}$'),
    schema_name text NOT NULL UNIQUE CHECK (schema_name ~ '^[a-z][a-z0-9_]{0,62}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    suspended   boolean NOT NULL DEFAULT false
);
