package dev.canopy.server.api;

/** What an authenticated caller may do, permission by permission ({@code service.Resource.verb}). */
@FunctionalInterface
public interface Access {

    Reach reach(String permission);
}
