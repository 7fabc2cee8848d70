/**
 * The database the instance runs on: an external PostgreSQL when {@code canopy.datasource.url} (or
 * {@code CANOPY_DB_URL}) is set, otherwise a real PostgreSQL started under the data directory and
 * stopped with the instance. Exposes nothing but the {@code DataSource} bean; Flyway owns the schema.
 */
package dev.canopy.server.database;
