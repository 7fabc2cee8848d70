package dev.canopy.server.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Establishes who makes a request from its credentials ({@code Authorization: Bearer ...}), or
 * throws {@link ApiException} with {@code ERROR_AUTHENTICATE_FAILURE} when it cannot.
 */
public interface Authenticator {

    AuthenticatedUser authenticate(HttpServletRequest request);
}
