-- Secret service: credentials of cloud accounts. The listable document never holds the data;
-- the data lives apart, encrypted (AEAD, AES-256-GCM) under the instance's keyset, bound to its
-- domain and secret id so that a ciphertext cannot be moved to another row.
CREATE TABLE secret (
    id                 text COLLATE "C" NOT NULL,
    domain_id          text COLLATE "C" NOT NULL,
    name               text COLLATE "C" NOT NULL,
    schema_id          text COLLATE "C",
    provider           text COLLATE "C",
    project_id         text COLLATE "C",
    service_account_id text COLLATE "C",
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    doc                jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE INDEX secret_name ON secret (domain_id, name);
CREATE INDEX secret_provider ON secret (domain_id, provider);
CREATE INDEX secret_project ON secret (domain_id, project_id NULLS FIRST);
CREATE INDEX secret_service_account ON secret (domain_id, service_account_id);

CREATE TABLE secret_data (
    domain_id  text COLLATE "C" NOT NULL,
    id         text COLLATE "C" NOT NULL,
    ciphertext bytea NOT NULL,
    PRIMARY KEY (domain_id, id)
);
