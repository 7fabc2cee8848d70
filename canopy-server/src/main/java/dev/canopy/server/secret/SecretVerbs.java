package dev.canopy.server.secret;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code secret.Secret}, and the key rotation {@code secret.SecretKey.rotate}. */
@Component
class SecretVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    SecretVerbs(SecretService secrets) {
        verbs = List.of(
                Verb.of("secret", "Secret", "create", "Stores a secret; its data is encrypted and never returned",
                        SecretRequests.SecretCreate.class, ObjectNode.class, secrets::create),
                Verb.of("secret", "Secret", "update", "Changes a secret's name or tags",
                        SecretRequests.SecretUpdate.class, ObjectNode.class, secrets::update),
                Verb.of("secret", "Secret", "update_data", "Replaces a secret's data",
                        SecretRequests.SecretUpdateData.class, ObjectNode.class, secrets::updateData),
                Verb.of("secret", "Secret", "delete", "Deletes a secret and its data",
                        SecretRequests.SecretId.class, ObjectNode.class, secrets::delete),
                Verb.of("secret", "Secret", "get", "Reads a secret, without its data",
                        SecretRequests.SecretId.class, ObjectNode.class, secrets::get),
                Verb.of("secret", "Secret", "list", "Lists secrets matching a query, without their data",
                        SecretRequests.SecretList.class, ListResult.class, secrets::list),
                Verb.of("secret", "Secret", "stat", "Computes statistics over secrets",
                        SecretRequests.SecretStat.class, StatResult.class, secrets::stat),
                Verb.of("secret", "SecretKey", "rotate",
                        "Encrypts with a new key from now on and re-encrypts every secret; old keys keep decrypting",
                        SecretRequests.SecretKeyRotate.class, SecretRequests.SecretKeyRotated.class, secrets::rotate));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
