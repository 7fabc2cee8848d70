-- Trusted secrets: the credentials of trusted accounts, kept as secrets are. The listable document
-- never holds the data; the data lives apart, encrypted under the instance's keyset and bound to
-- its domain and trusted secret id.
CREATE TABLE trusted_secret (
    id                 text COLLATE "C" NOT NULL,
    domain_id          text COLLATE "C" NOT NULL,
    name               text COLLATE "C" NOT NULL,
    schema_id          text COLLATE "C",
    provider           text COLLATE "C",
    trusted_account_id text COLLATE "C",
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    doc                jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE INDEX trusted_secret_name ON trusted_secret (domain_id, name);
CREATE INDEX trusted_secret_provider ON trusted_secret (domain_id, provider);
CREATE INDEX trusted_secret_schema ON trusted_secret (domain_id, schema_id);
CREATE INDEX trusted_secret_trusted_account ON trusted_secret (domain_id, trusted_account_id);
CREATE INDEX trusted_secret_doc ON trusted_secret USING gin (doc jsonb_path_ops);

CREATE TABLE trusted_secret_data (
    domain_id  text COLLATE "C" NOT NULL,
    id         text COLLATE "C" NOT NULL,
    ciphertext bytea NOT NULL,
    PRIMARY KEY (domain_id, id)
);

-- Whether a schema is still followed is asked of secrets too.
CREATE INDEX secret_schema ON secret (domain_id, schema_id);
