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

    /**
     * Refuses a caller whose permission reaches only some projects: resources that belong to the
     * whole domain rather than to a project are out of such a caller's reach.
     */
    public Caller requireWholeDomain() {
        return requireWholeDomain("permission", "this resource");
    }

    /** As {@link #requireWholeDomain()}, naming the request part ({@code key = value}) that needs it. */
    public Caller requireWholeDomain(String key, String value) {
        if (!reach.wholeDomain()) {
            throw new ApiException(ErrorCode.ERROR_PERMISSION_DENIED,
                    "Permission denied: " + key + " = " + value + " belongs to the whole domain, and your roles reach"
                            + " only some projects", java.util.Map.of("key", key, "reason", "needs a domain role"));
        }
        return this;
    }

    /** Refuses a caller whose permission does not reach project {@code projectId}. */
    public Caller requireProject(String projectId) {
        if (!reach.covers(projectId)) {
            throw new ApiException(ErrorCode.ERROR_PERMISSION_DENIED,
                    "Permission denied: your roles do not reach project_id = " + projectId,
                    java.util.Map.of("key", "project_id", "reason", "outside your reach"));
        }
        return this;
    }
}
