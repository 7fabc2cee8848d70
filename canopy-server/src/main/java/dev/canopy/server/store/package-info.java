/**
 * The generic document store. A resource kind declares its table once ({@link dev.canopy.server.store.ResourceKind}:
 * table, id prefix, real columns, unique keys, keyword fields) and {@link dev.canopy.server.store.DocumentStore}
 * gives it create, get, update, upsert, delete, list and stat, each confined to a
 * {@link dev.canopy.server.store.StoreScope} (a domain, and optionally narrower). Queries compile
 * through {@code canopy-query}, the only SQL generator. Depends on the {@code api} module for its errors.
 */
package dev.canopy.server.store;
