package dev.canopy.server.api;

/** Runs one verb for a caller; the request is already bound and validated. */
@FunctionalInterface
public interface VerbHandler<Q, R> {

    R handle(Caller caller, Q request);
}
