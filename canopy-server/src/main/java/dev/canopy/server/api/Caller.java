package dev.canopy.server.api;

/**
 * Who makes a call: the domain (tenant) every read and write is confined to, and the user.
 */
public record Caller(String domainId, String userId) {
}
