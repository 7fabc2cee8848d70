package dev.canopy.server.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a held data directory into a short start-up failure report instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Stop the other server, or give this one its own directory with --canopy.data-dir=<path>"
                        + " (or CANOPY_DATA_DIR).", cause);
    }
}
