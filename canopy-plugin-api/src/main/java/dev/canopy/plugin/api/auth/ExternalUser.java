package dev.canopy.plugin.api.auth;

import java.util.Objects;

/** A user as the external identity system knows them; {@code state} is ENABLED or DISABLED. */
public record ExternalUser(String userId, String name, String email, String state) {

    public ExternalUser {
        Objects.requireNonNull(userId, "userId");
    }
}
