package dev.canopy.server.api;

/** Who a request's credentials name: a user of a domain, and what that user may do. */
public record AuthenticatedUser(String domainId, String userId, Access access) {
}
