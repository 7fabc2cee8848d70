package dev.canopy.plugin.grpc.auth;

import dev.canopy.plugin.api.auth.AuthPlugin;
import dev.canopy.plugin.testkit.AuthPluginContract;

import java.util.Map;

/** The authentication contract, in process. */
class SampleAuthPluginTest extends AuthPluginContract {

    @Override
    protected AuthPlugin plugin() {
        return new SampleAuthPlugin();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of();
    }

    @Override
    protected Map<String, Object> secretData() {
        return Map.of("token", "sample-token");
    }

    @Override
    protected Map<String, Object> badSecretData() {
        return Map.of();
    }

    @Override
    protected String knownUserId() {
        return "alice";
    }

    @Override
    protected String keyword() {
        return "o";
    }

    @Override
    protected Map<String, Object> credentials() {
        return Map.of("user_id", "alice", "password", "wonderland");
    }

    @Override
    protected Map<String, Object> badCredentials() {
        return Map.of("user_id", "alice", "password", "looking-glass");
    }
}
