package dev.canopy.server.api;

/**
 * Who makes a call: the domain (tenant) every read and write is confined to, the user, and where
 * the verb's permission reaches for this user (the whole domain or some projects). An open verb's
 * caller is anonymous: no domain, no user, no reach.
 */
public record Caller(String domainId, String userId, Reach reach) {

    public static final Caller ANONYMOUS = new Caller(null, null, Reach.NONE);

    /** A caller acting over the whole domain. */
    public Caller(String domainId, String userId) {
        this(domainId, userId, Reach.DOMAIN);
    }

    public boolean anonymous() {
        return domainId == null;
    }
}
