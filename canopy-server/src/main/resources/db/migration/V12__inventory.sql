-- Inventory service: what collectors found (cloud services, their types, regions), the collectors
-- themselves, their jobs and tasks, and the change history of cloud services.

CREATE TABLE cloud_service_type (
    id          text COLLATE "C" NOT NULL,
    domain_id   text COLLATE "C" NOT NULL,
    name        text COLLATE "C" NOT NULL,
    provider    text COLLATE "C" NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    doc         jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
-- "group" is a word of SQL, so it stays in the document; the index keeps (provider, group, name) unique.
CREATE UNIQUE INDEX cloud_service_type_key ON cloud_service_type (domain_id, provider, (doc ->> 'group'), name);

CREATE TABLE region (
    id          text COLLATE "C" NOT NULL,
    domain_id   text COLLATE "C" NOT NULL,
    name        text COLLATE "C" NOT NULL,
    region_code text COLLATE "C" NOT NULL,
    provider    text COLLATE "C" NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    doc         jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, provider, region_code)
);

-- resource_id, content_hash and misses are the collection's own: content_hash makes an unchanged
-- item cost no write, misses counts the runs in a row that did not see the item.
CREATE TABLE cloud_service (
    id                  text COLLATE "C" NOT NULL,
    domain_id           text COLLATE "C" NOT NULL,
    name                text COLLATE "C",
    state               text COLLATE "C" NOT NULL,
    provider            text COLLATE "C" NOT NULL,
    cloud_service_group text COLLATE "C" NOT NULL,
    cloud_service_type  text COLLATE "C" NOT NULL,
    account             text COLLATE "C",
    region_code         text COLLATE "C",
    project_id          text COLLATE "C",
    collector_id        text COLLATE "C",
    service_account_id  text COLLATE "C",
    resource_id         text COLLATE "C",
    content_hash        bytea,
    misses              integer NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    doc                 jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
-- One cloud service per identity of the provider: a second collector run cannot duplicate it.
CREATE UNIQUE INDEX cloud_service_identity ON cloud_service
    (domain_id, provider, account, resource_id, cloud_service_group, cloud_service_type) NULLS NOT DISTINCT
    WHERE resource_id IS NOT NULL;
CREATE INDEX cloud_service_collection ON cloud_service (domain_id, collector_id, service_account_id, state);
CREATE INDEX cloud_service_kind ON cloud_service (domain_id, provider, cloud_service_group, cloud_service_type);
CREATE INDEX cloud_service_project ON cloud_service (domain_id, project_id NULLS FIRST);
CREATE INDEX cloud_service_created ON cloud_service (domain_id, created_at, id);
CREATE INDEX cloud_service_doc ON cloud_service USING gin (doc jsonb_path_ops);
CREATE INDEX cloud_service_name_trgm ON cloud_service USING gin (name gin_trgm_ops);

CREATE TABLE collector (
    id          text COLLATE "C" NOT NULL,
    domain_id   text COLLATE "C" NOT NULL,
    name        text COLLATE "C" NOT NULL,
    provider    text COLLATE "C",
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    doc         jsonb NOT NULL,
    PRIMARY KEY (domain_id, id),
    UNIQUE (domain_id, name)
);

CREATE TABLE job (
    id           text COLLATE "C" NOT NULL,
    domain_id    text COLLATE "C" NOT NULL,
    collector_id text COLLATE "C" NOT NULL,
    status       text COLLATE "C" NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    doc          jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE INDEX job_collector ON job (domain_id, collector_id, created_at);

-- Tasks are claimed by workers with FOR UPDATE SKIP LOCKED; a worker's heartbeat tells a task that
-- is running from one whose worker died.
CREATE TABLE job_task (
    id                 text COLLATE "C" NOT NULL,
    domain_id          text COLLATE "C" NOT NULL,
    job_id             text COLLATE "C" NOT NULL,
    collector_id       text COLLATE "C" NOT NULL,
    service_account_id text COLLATE "C",
    status             text COLLATE "C" NOT NULL,
    attempts           integer NOT NULL DEFAULT 0,
    heartbeat_at       timestamptz,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    doc                jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE INDEX job_task_job ON job_task (domain_id, job_id);
CREATE INDEX job_task_pending ON job_task (status, created_at) WHERE status IN ('PENDING', 'IN_PROGRESS');

-- Change history: one record per create, update or delete of a cloud service, with who did it.
CREATE TABLE cloud_service_record (
    id               text COLLATE "C" NOT NULL,
    domain_id        text COLLATE "C" NOT NULL,
    cloud_service_id text COLLATE "C" NOT NULL,
    action           text COLLATE "C" NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    doc              jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE INDEX cloud_service_record_service ON cloud_service_record (domain_id, cloud_service_id, created_at);

CREATE TABLE cloud_service_note (
    id               text COLLATE "C" NOT NULL,
    domain_id        text COLLATE "C" NOT NULL,
    record_id        text COLLATE "C" NOT NULL,
    cloud_service_id text COLLATE "C" NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    doc              jsonb NOT NULL,
    PRIMARY KEY (domain_id, id)
);
CREATE INDEX cloud_service_note_record ON cloud_service_note (domain_id, record_id);
