package dev.canopy.server.secret;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;

import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.Caller;
import dev.canopy.server.api.ErrorCode;
import org.springframework.stereotype.Service;

/**
 * {@code secret.SecretKey.rotate}: a new primary key for the keyset, then every secret and every
 * trusted secret re-encrypted under it, batch by batch. Reads keep working throughout, since the
 * old keys stay in the keyset.
 */
@Service
class SecretKeyRotation {

    private final SecretKeyring keyring;
    private final Ciphertexts ciphertexts;

    SecretKeyRotation(SecretKeyring keyring, Ciphertexts ciphertexts) {
        this.keyring = keyring;
        this.ciphertexts = ciphertexts;
    }

    SecretRequests.SecretKeyRotated rotate(Caller caller, SecretRequests.SecretKeyRotate request) {
        long primary;
        try {
            primary = keyring.rotate();
        } catch (IllegalStateException fromSettings) {
            throw new ApiException(ErrorCode.ERROR_INVALID_PARAMETER, "Cannot rotate: " + fromSettings.getMessage(),
                    Map.of("key", "canopy.secret.key"));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the secret keyset could not be rotated", e);
        }
        long done = 0;
        long undecryptable = 0;
        for (SecretType type : SecretType.values()) {
            Ciphertexts.Reencrypted pass = ciphertexts.reencryptAll(type);
            done += pass.done();
            undecryptable += pass.undecryptable();
        }
        return new SecretRequests.SecretKeyRotated(primary, done, undecryptable);
    }
}
