-- Repository service: the plugin registry. One for the whole instance: every row is kept under
-- the domain_id '*', which no domain id can equal, so the store's domain scoping still applies.
CREATE TABLE plugin (
    id            text COLLATE "C" NOT NULL,
    domain_id     text COLLATE "C" NOT NULL,
    plugin_id     text COLLATE "C" NOT NULL,
    name          text COLLATE "C" NOT NULL,
    service_type  text COLLATE "C" NOT NULL,
    registry_type text COLLATE "C" NOT NULL,
    state         text COLLATE "C" NOT NULL,
    provider      text COLLATE "C",
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    doc           jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, plugin_id)
);
CREATE INDEX plugin_service_type ON plugin (domain_id, service_type);
