-- Identity: domains, users and their credentials, signing keys, refresh tokens, API keys,
-- custom policies, roles, role bindings, the project tree, and a per-domain generation counter
-- that every identity change bumps so that every server instance drops what it cached.

CREATE TABLE domain (
    id         text COLLATE "C" PRIMARY KEY,
    name       text COLLATE "C" NOT NULL UNIQUE,
    state      text COLLATE "C" NOT NULL,
    is_root    boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    doc        jsonb NOT NULL
);
CREATE UNIQUE INDEX domain_one_root ON domain (is_root) WHERE is_root;

CREATE TABLE identity_generation (
    domain_id  text COLLATE "C" PRIMARY KEY,
    generation bigint NOT NULL
);

-- Users as the API shows them; credentials live apart so that no list can ever return them.
CREATE TABLE identity_user (
    id         text COLLATE "C" NOT NULL,
    domain_id  text COLLATE "C" NOT NULL,
    user_id    text COLLATE "C" NOT NULL,
    name       text COLLATE "C",
    state      text COLLATE "C" NOT NULL,
    auth_type  text COLLATE "C" NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    doc        jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, user_id)
);
CREATE INDEX identity_user_doc ON identity_user USING gin (doc jsonb_path_ops);
CREATE INDEX identity_user_name_trgm ON identity_user USING gin (user_id gin_trgm_ops);

CREATE TABLE user_credential (
    domain_id     text COLLATE "C" NOT NULL,
    user_id       text COLLATE "C" NOT NULL,
    password_hash text NOT NULL,
    failed_logins integer NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    PRIMARY KEY (domain_id, user_id)
);

-- HMAC keys signing access tokens; the newest signs, all unretired ones verify.
CREATE TABLE signing_key (
    kid        text COLLATE "C" PRIMARY KEY,
    secret     bytea NOT NULL,
    created_at timestamptz NOT NULL,
    retired_at timestamptz
);

CREATE TABLE refresh_token (
    token_hash text COLLATE "C" PRIMARY KEY,
    domain_id  text COLLATE "C" NOT NULL,
    user_id    text COLLATE "C" NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_token_user ON refresh_token (domain_id, user_id);

CREATE TABLE api_key (
    id          text COLLATE "C" NOT NULL,
    domain_id   text COLLATE "C" NOT NULL,
    user_id     text COLLATE "C" NOT NULL,
    state       text COLLATE "C" NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    doc         jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE UNIQUE INDEX api_key_id ON api_key (id);
CREATE INDEX api_key_user ON api_key (domain_id, user_id);

-- The hash of each key's secret, apart from the listable document.
CREATE TABLE api_key_secret (
    id          text COLLATE "C" PRIMARY KEY,
    secret_hash text COLLATE "C" NOT NULL
);

CREATE TABLE policy (
    id         text COLLATE "C" NOT NULL,
    domain_id  text COLLATE "C" NOT NULL,
    name       text COLLATE "C" NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    doc        jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);

CREATE TABLE role (
    id         text COLLATE "C" NOT NULL,
    domain_id  text COLLATE "C" NOT NULL,
    name       text COLLATE "C" NOT NULL,
    role_type  text COLLATE "C" NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    doc        jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, name)
);

CREATE TABLE role_binding (
    id               text COLLATE "C" NOT NULL,
    domain_id        text COLLATE "C" NOT NULL,
    user_id          text COLLATE "C" NOT NULL,
    role_id          text COLLATE "C" NOT NULL,
    role_type        text COLLATE "C" NOT NULL,
    project_id       text COLLATE "C",
    project_group_id text COLLATE "C",
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    doc              jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE INDEX role_binding_user ON role_binding (domain_id, user_id);
CREATE INDEX role_binding_role ON role_binding (domain_id, role_id);
CREATE INDEX role_binding_project ON role_binding (domain_id, project_id);
CREATE INDEX role_binding_project_group ON role_binding (domain_id, project_group_id);

CREATE TABLE project_group (
    id              text COLLATE "C" NOT NULL,
    domain_id       text COLLATE "C" NOT NULL,
    name            text COLLATE "C" NOT NULL,
    parent_group_id text COLLATE "C",
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    doc             jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE INDEX project_group_parent ON project_group (domain_id, parent_group_id NULLS FIRST);
CREATE INDEX project_group_name ON project_group (domain_id, name);
CREATE INDEX project_group_doc ON project_group USING gin (doc jsonb_path_ops);

CREATE TABLE project (
    id               text COLLATE "C" NOT NULL,
    domain_id        text COLLATE "C" NOT NULL,
    name             text COLLATE "C" NOT NULL,
    project_group_id text COLLATE "C" NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    doc              jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE INDEX project_group_id ON project (domain_id, project_group_id);
CREATE INDEX project_name ON project (domain_id, name);
CREATE INDEX project_doc ON project USING gin (doc jsonb_path_ops);
CREATE INDEX project_name_trgm ON project USING gin (name gin_trgm_ops);
