package dev.canopy.server.database;

/** The embedded PostgreSQL could not be started. */
class EmbeddedDatabaseException extends RuntimeException {

    EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
