package dev.canopy.server.secret;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way to read a secret's data: for the plugin runtime, which hands it to a plugin. No API
 * verb uses it.
 */
@Component
public class SecretVault {

    private final SecretService secrets;

    SecretVault(SecretService secrets) {
        this.secrets = secrets;
    }

    public ObjectNode decrypt(String domainId, String secretId) {
        return secrets.decrypt(domainId, secretId);
    }
}
