-- Identity: providers, the schemas of account and credential data, service accounts (one cloud
-- account of a project) and trusted accounts (organisation-level credentials of the whole domain).

-- A domain's own providers; the managed ones are defined in code and copied into managed_provider
-- on every start, and provider_listing shows both in every domain.
CREATE TABLE provider (
    id         text COLLATE "C" NOT NULL,
    domain_id  text COLLATE "C" NOT NULL,
    provider   text COLLATE "C" NOT NULL,
    name       text COLLATE "C" NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    doc        jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, provider)
);

CREATE TABLE managed_provider (
    provider text COLLATE "C" PRIMARY KEY,
    name     text COLLATE "C" NOT NULL,
    doc      jsonb NOT NULL
);

CREATE VIEW provider_listing AS
    SELECT p.id, p.domain_id, p.provider, p.name, p.created_at, p.updated_at, p.doc
      FROM provider p
    UNION ALL
    SELECT 'managed-' || m.provider, d.id, m.provider, m.name, d.created_at, d.created_at,
           m.doc || jsonb_build_object('domain_id', d.id,
                   'created_at', to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'updated_at', to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      FROM managed_provider m CROSS JOIN domain d;

-- Schemas (JSON Schema documents) that account data and credentials follow; named identity_schema
-- since "schema" is an SQL keyword. A provider has at most one schema for the data of its service
-- accounts and one for that of its trusted accounts.
CREATE TABLE identity_schema (
    id          text COLLATE "C" NOT NULL,
    domain_id   text COLLATE "C" NOT NULL,
    schema_id   text COLLATE "C" NOT NULL,
    name        text COLLATE "C" NOT NULL,
    schema_type text COLLATE "C" NOT NULL,
    provider    text COLLATE "C" NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    doc         jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, schema_id)
);
CREATE INDEX identity_schema_provider ON identity_schema (domain_id, provider, schema_type);
CREATE UNIQUE INDEX identity_schema_one_per_account_type ON identity_schema (domain_id, provider, schema_type)
    WHERE schema_type IN ('SERVICE_ACCOUNT', 'TRUSTED_ACCOUNT');

CREATE TABLE managed_schema (
    schema_id   text COLLATE "C" PRIMARY KEY,
    name        text COLLATE "C" NOT NULL,
    schema_type text COLLATE "C" NOT NULL,
    provider    text COLLATE "C" NOT NULL,
    doc         jsonb NOT NULL
);

CREATE VIEW identity_schema_listing AS
    SELECT s.id, s.domain_id, s.schema_id, s.name, s.schema_type, s.provider, s.created_at, s.updated_at, s.doc
      FROM identity_schema s
    UNION ALL
    SELECT 'managed-' || m.schema_id, d.id, m.schema_id, m.name, m.schema_type, m.provider, d.created_at, d.created_at,
           m.doc || jsonb_build_object('domain_id', d.id,
                   'created_at', to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'updated_at', to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      FROM managed_schema m CROSS JOIN domain d;

-- Service accounts belong to a project; their name is unique within it. Their credentials are a
-- secret of the secret service (secret_id in the document), and they may borrow those of a
-- trusted account.
CREATE TABLE service_account (
    id                 text COLLATE "C" NOT NULL,
    domain_id          text COLLATE "C" NOT NULL,
    name               text COLLATE "C" NOT NULL,
    provider           text COLLATE "C" NOT NULL,
    project_id         text COLLATE "C" NOT NULL,
    trusted_account_id text COLLATE "C",
    secret_schema_id   text COLLATE "C",
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    doc                jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, project_id, name)
);
CREATE INDEX service_account_name ON service_account (domain_id, name);
CREATE INDEX service_account_provider ON service_account (domain_id, provider);
CREATE INDEX service_account_trusted_account ON service_account (domain_id, trusted_account_id NULLS FIRST);
CREATE INDEX service_account_secret_schema ON service_account (domain_id, secret_schema_id NULLS FIRST);
CREATE INDEX service_account_doc ON service_account USING gin (doc jsonb_path_ops);
CREATE INDEX service_account_name_trgm ON service_account USING gin (name gin_trgm_ops);

-- Trusted accounts belong to the whole domain; their name is unique in it.
CREATE TABLE trusted_account (
    id               text COLLATE "C" NOT NULL,
    domain_id        text COLLATE "C" NOT NULL,
    name             text COLLATE "C" NOT NULL,
    provider         text COLLATE "C" NOT NULL,
    secret_schema_id text COLLATE "C",
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    doc              jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, name)
);
CREATE INDEX trusted_account_provider ON trusted_account (domain_id, provider);
CREATE INDEX trusted_account_secret_schema ON trusted_account (domain_id, secret_schema_id NULLS FIRST);
CREATE INDEX trusted_account_doc ON trusted_account USING gin (doc jsonb_path_ops);
CREATE INDEX trusted_account_name_trgm ON trusted_account USING gin (name gin_trgm_ops);
