-- Documents the town publishes for families (menus, règlements intérieurs, calendriers,
-- tutoriels), shown from valid_from to valid_until included.
CREATE TABLE town_documents (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category     text NOT NULL CHECK (category IN ('menus', 'reglements', 'calendriers', 'tutoriels')),
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    bytes        bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 6291456),
    valid_from   date NOT NULL,
    valid_until  date CHECK (valid_until IS NULL OR valid_until >= valid_from),
    created_at   timestamptz NOT NULL
);
CREATE INDEX town_documents_category ON town_documents (category, valid_from DESC);
