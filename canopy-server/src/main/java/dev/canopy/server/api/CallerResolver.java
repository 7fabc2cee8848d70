package dev.canopy.server.api;

import jakarta.servlet.http.HttpServletRequest;

/** Establishes the {@link Caller} of a request, or throws {@link ApiException} when it cannot. */
public interface CallerResolver {

    Caller resolve(HttpServletRequest request);
}
