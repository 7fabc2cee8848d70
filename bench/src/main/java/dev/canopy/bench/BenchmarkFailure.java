package dev.canopy.bench;

/**
 * A benchmark step failed in a way the operator has to see (server not healthy, unexpected HTTP
 * status, wrong document read back). The message is printed as is, without a stack trace.
 */
public final class BenchmarkFailure extends RuntimeException {

    /**
     * @param message what failed, with the evidence (status, body, log tail)
     */
    public BenchmarkFailure(String message) {
        super(message);
    }
}
