package dev.canopy.server.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a failed embedded database start with the cause and what to try, instead of a long trace. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
        Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
        return new FailureAnalysis(cause.getMessage() + ": " + reason.getMessage(),
                "Check the PostgreSQL log lines above. To use a PostgreSQL server of your own instead, set"
                        + " CANOPY_DB_URL, CANOPY_DB_USER and CANOPY_DB_PASSWORD.", cause);
    }
}
