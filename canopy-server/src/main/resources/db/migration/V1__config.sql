-- Config service: name-keyed JSON documents of a domain and of a user.
-- Every tenant table leads with domain_id, and every key includes it, so that the tables can be
-- distributed by domain_id later. Text columns use the "C" collation: binary order, as MongoDB sorts.

CREATE TABLE domain_config (
    id         text COLLATE "C" NOT NULL,
    domain_id  text COLLATE "C" NOT NULL,
    name       text COLLATE "C" NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    doc        jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, name)
);
CREATE INDEX domain_config_created ON domain_config (domain_id, created_at, id);

CREATE TABLE user_config (
    id         text COLLATE "C" NOT NULL,
    domain_id  text COLLATE "C" NOT NULL,
    user_id    text COLLATE "C" NOT NULL,
    name       text COLLATE "C" NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    doc        jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, user_id, name)
);
CREATE INDEX user_config_created ON user_config (domain_id, user_id, created_at, id);
