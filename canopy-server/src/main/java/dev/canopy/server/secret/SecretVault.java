package dev.canopy.server.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way to read the data of secrets and trusted secrets: for the plugin runtime, which hands
 * it to a plugin. No API verb uses it. Other modules also seal their own key material with it
 * ({@link #seal}).
 */
@Component
public class SecretVault {

    private final Ciphertexts ciphertexts;
    private final SecretKeyring keyring;

    SecretVault(Ciphertexts ciphertexts, SecretKeyring keyring) {
        this.ciphertexts = ciphertexts;
        this.keyring = keyring;
    }

    /** The decrypted data of secret {@code secretId}; {@code ERROR_NOT_FOUND} when there is none. */
    public ObjectNode decrypt(String domainId, String secretId) {
        return ciphertexts.decrypt(SecretType.SECRET, domainId, secretId);
    }

    /** The decrypted data of trusted secret {@code trustedSecretId}; {@code ERROR_NOT_FOUND} when there is none. */
    public ObjectNode decryptTrusted(String domainId, String trustedSecretId) {
        return ciphertexts.decrypt(SecretType.TRUSTED_SECRET, domainId, trustedSecretId);
    }

    /** Encrypts {@code plaintext} under the instance's keyset, bound to {@code context}. */
    public byte[] seal(byte[] plaintext, String context) {
        try {
            return keyring.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt " + context, e);
        }
    }

    /** Decrypts what {@link #seal} made for the same {@code context}. */
    public byte[] open(byte[] sealed, String context) {
        try {
            return keyring.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt " + context + " with the keyset", e);
        }
    }
}
