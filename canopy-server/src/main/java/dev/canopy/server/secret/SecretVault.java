package dev.canopy.server.secret;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way to read a secret's data: for the plugin runtime, which hands it to a plugin. No API
 * verb uses it. Other modules also seal their own key material with it ({@link #seal}).
 */
@Component
public class SecretVault {

    private final SecretService secrets;
    private final SecretKeyring keyring;

    SecretVault(SecretService secrets, SecretKeyring keyring) {
        this.secrets = secrets;
        this.keyring = keyring;
    }

    public ObjectNode decrypt(String domainId, String secretId) {
        return secrets.decrypt(domainId, secretId);
    }

    /** Encrypts {@code plaintext} under the instance's keyset, bound to {@code context}. */
    public byte[] seal(byte[] plaintext, String context) {
        try {
            return keyring.encrypt(plaintext, context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt " + context, e);
        }
    }

    /** Decrypts what {@link #seal} made for the same {@code context}. */
    public byte[] open(byte[] sealed, String context) {
        try {
            return keyring.decrypt(sealed, context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt " + context + " with the keyset", e);
        }
    }
}
