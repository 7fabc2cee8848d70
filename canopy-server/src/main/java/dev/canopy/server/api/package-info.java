/**
 * The REST API: {@code POST /api/{service}/{resource}/{verb}} with JSON in and out.
 *
 * <p>Modules contribute {@link dev.canopy.server.api.Verb}s through {@link dev.canopy.server.api.ApiVerbs}
 * beans; the {@link dev.canopy.server.api.VerbRegistry} holds them all, with the permission each
 * needs. The dispatcher reads the body (size-limited), binds it strictly to the verb's request
 * record, validates it, and calls the handler with the {@link dev.canopy.server.api.Caller}. Every
 * failure becomes Cloudforet's error body with an {@link dev.canopy.server.api.ErrorCode}; every
 * response carries the request id. An instance that does not play the {@code api} role answers
 * every verb with {@code ERROR_NOT_FOUND}. Depends on the {@code system} module for its settings.
 */
package dev.canopy.server.api;
