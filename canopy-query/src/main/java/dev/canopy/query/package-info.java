/**
 * Cloudforet's query language, compiled to PostgreSQL.
 *
 * <p>{@link dev.canopy.query.QueryParser} reads the JSON a client sends into {@link dev.canopy.query.Query}
 * or {@link dev.canopy.query.StatisticsQuery}; {@link dev.canopy.query.QueryCompiler} turns one of
 * them, applied to a table described by {@link dev.canopy.query.TableSchema}, into a
 * {@link dev.canopy.query.SqlStatement} whose values are all bound parameters. Every type here is
 * immutable and thread-safe. This package imports nothing from Spring.
 */
package dev.canopy.query;
