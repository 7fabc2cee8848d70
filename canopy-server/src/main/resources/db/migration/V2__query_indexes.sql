-- Indexes the query engine relies on: a GIN index on each document for jsonpath equality and
-- existence (filters on keys that are not columns compile to "doc @? jsonpath"), and trigram
-- indexes on keyword columns for case-insensitive substring search (ILIKE '%word%').
-- pg_trgm is a trusted extension: the database owner may create it without being a superuser.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX domain_config_doc ON domain_config USING gin (doc jsonb_path_ops);
CREATE INDEX domain_config_name_trgm ON domain_config USING gin (name gin_trgm_ops);

CREATE INDEX user_config_doc ON user_config USING gin (doc jsonb_path_ops);
CREATE INDEX user_config_name_trgm ON user_config USING gin (name gin_trgm_ops);
