package dev.canopy.server.system;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Instance-wide settings.
 *
 * @param dataDir where the instance keeps its files (the embedded database among them); {@code ./data} by default
 * @param roles   the roles this instance plays; all of them by default
 */
@ConfigurationProperties("canopy")
public record CanopyProperties(@DefaultValue("./data") Path dataDir,
                               @DefaultValue({"api", "scheduler", "worker"}) Set<ServerRole> roles) {

    public CanopyProperties {
        roles = roles.isEmpty() ? EnumSet.noneOf(ServerRole.class) : EnumSet.copyOf(roles);
    }

    public boolean plays(ServerRole role) {
        return roles.contains(role);
    }
}
