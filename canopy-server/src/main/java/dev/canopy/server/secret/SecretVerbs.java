package dev.canopy.server.secret;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verbs of {@code secret.Secret} and {@code secret.TrustedSecret}, and the key rotation
 * {@code secret.SecretKey.rotate}.
 */
@Component
class SecretVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    SecretVerbs(SecretService secrets, TrustedSecretService trusted, SecretKeyRotation rotation) {
        verbs = List.of(
                Verb.of("secret", "Secret", "create",
                        "Stores a secret; its data is checked against its schema, encrypted and never returned",
                        SecretRequests.SecretCreate.class, ObjectNode.class, secrets::create),
                Verb.of("secret", "Secret", "update", "Changes a secret's name or tags",
                        SecretRequests.SecretUpdate.class, ObjectNode.class, secrets::update),
                Verb.of("secret", "Secret", "update_data", "Replaces a secret's data, checked against its schema",
                        SecretRequests.SecretUpdateData.class, ObjectNode.class, secrets::updateData),
                Verb.of("secret", "Secret", "delete", "Deletes a secret and its data, unless a service account owns it",
                        SecretRequests.SecretId.class, ObjectNode.class, secrets::delete),
                Verb.of("secret", "Secret", "get", "Reads a secret, without its data",
                        SecretRequests.SecretId.class, ObjectNode.class, secrets::get),
                Verb.of("secret", "Secret", "list", "Lists secrets matching a query, without their data",
                        SecretRequests.SecretList.class, ListResult.class, secrets::list),
                Verb.of("secret", "Secret", "stat", "Computes statistics over secrets",
                        SecretRequests.SecretStat.class, StatResult.class, secrets::stat),
                Verb.of("secret", "TrustedSecret", "create",
                        "Stores a trusted secret; its data is checked against its schema, encrypted and never returned",
                        TrustedSecretRequests.TrustedSecretCreate.class, ObjectNode.class, trusted::create),
                Verb.of("secret", "TrustedSecret", "update", "Changes a trusted secret's name or tags",
                        TrustedSecretRequests.TrustedSecretUpdate.class, ObjectNode.class, trusted::update),
                Verb.of("secret", "TrustedSecret", "update_data", "Replaces a trusted secret's data, checked against its schema",
                        TrustedSecretRequests.TrustedSecretUpdateData.class, ObjectNode.class, trusted::updateData),
                Verb.of("secret", "TrustedSecret", "delete",
                        "Deletes a trusted secret and its data, unless a trusted account owns it",
                        TrustedSecretRequests.TrustedSecretId.class, ObjectNode.class, trusted::delete),
                Verb.of("secret", "TrustedSecret", "get", "Reads a trusted secret, without its data",
                        TrustedSecretRequests.TrustedSecretId.class, ObjectNode.class, trusted::get),
                Verb.of("secret", "TrustedSecret", "list", "Lists trusted secrets matching a query, without their data",
                        TrustedSecretRequests.TrustedSecretList.class, ListResult.class, trusted::list),
                Verb.of("secret", "TrustedSecret", "stat", "Computes statistics over trusted secrets",
                        TrustedSecretRequests.TrustedSecretStat.class, StatResult.class, trusted::stat),
                Verb.of("secret", "SecretKey", "rotate",
                        "Encrypts with a new key from now on and re-encrypts every secret and trusted secret;"
                                + " old keys keep decrypting",
                        SecretRequests.SecretKeyRotate.class, SecretRequests.SecretKeyRotated.class, rotation::rotate));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
