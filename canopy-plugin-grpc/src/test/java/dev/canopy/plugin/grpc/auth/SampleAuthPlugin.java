package dev.canopy.plugin.grpc.auth;

import dev.canopy.plugin.api.PluginDescriptor;
import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginKind;
import dev.canopy.plugin.api.PluginMetadata;
import dev.canopy.plugin.api.auth.AuthPlugin;
import dev.canopy.plugin.api.auth.ExternalUser;

import java.util.List;
import java.util.Map;

/** A directory of three users for the contract tests; alice's password is {@code wonderland}. */
public final class SampleAuthPlugin implements AuthPlugin {

    public static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("plugin-sample-auth",
            "Sample auth", "1.0.0", PluginKind.AUTH, null, Map.of(), List.of(), Map.of());
    private static final List<ExternalUser> USERS = List.of(
            new ExternalUser("alice", "Alice", "alice@example.com", "ENABLED"),
            new ExternalUser("bob", "Bob", null, "DISABLED"),
            new ExternalUser("carol", null, null, null));

    @Override
    public PluginMetadata init(Map<String, Object> options) {
        return PluginMetadata.of(Map.of("identity_provider", "sample", "protocol", "password"));
    }

    @Override
    public void verify(Map<String, Object> options, Map<String, Object> secretData) {
        requireToken(secretData);
    }

    @Override
    public List<ExternalUser> find(Map<String, Object> options, Map<String, Object> secretData, String userId, String keyword) {
        requireToken(secretData);
        return USERS.stream()
                .filter(user -> userId == null || user.userId().equals(userId))
                .filter(user -> keyword == null || user.userId().contains(keyword)
                        || (user.name() != null && user.name().toLowerCase().contains(keyword.toLowerCase())))
                .toList();
    }

    @Override
    public ExternalUser login(Map<String, Object> options, Map<String, Object> secretData, Map<String, Object> credentials) {
        requireToken(secretData);
        if ("alice".equals(credentials.get("user_id")) && "wonderland".equals(credentials.get("password"))) {
            return USERS.get(0);
        }
        throw PluginException.rejected("wrong user id or password");
    }

    private static void requireToken(Map<String, Object> secretData) {
        if (!(secretData.get("token") instanceof String token) || token.isBlank()) {
            throw PluginException.rejected("secret data needs a token");
        }
    }
}
