package dev.canopy.server.secret;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of the secret verbs; none prints the data it carries. */
final class SecretRequests {

    private SecretRequests() {
    }

    /**
     * {@code create}: a named secret and its data, optionally of a project. With a {@code schema_id},
     * the data must follow that schema, whose provider the secret takes. (Secrets of service accounts
     * are made by {@code identity.ServiceAccount}, which links them.)
     */
    record SecretCreate(@NotBlank @Size(max = 255) String name, @NotNull ObjectNode data,
                        @Size(max = 255) String schemaId, @Size(max = 64) String provider,
                        @Size(max = 64) String projectId, ObjectNode tags) {

        @Override
        public String toString() {
            return "SecretCreate[name=" + name + ", data=<hidden>]";
        }
    }

    /** {@code update}: the parts to change, never the data. */
    record SecretUpdate(@NotBlank @Size(max = 64) String secretId, @Size(max = 255) String name, ObjectNode tags) {
    }

    /** {@code update_data}: new data for a secret, which must follow the secret's schema. */
    record SecretUpdateData(@NotBlank @Size(max = 64) String secretId, @NotNull ObjectNode data) {

        @Override
        public String toString() {
            return "SecretUpdateData[secret_id=" + secretId + ", data=<hidden>]";
        }
    }

    /** {@code get} and {@code delete}. */
    record SecretId(@NotBlank @Size(max = 64) String secretId) {
    }

    record SecretList(Query query) {
    }

    record SecretStat(@NotNull StatisticsQuery query) {
    }

    /** {@code secret.SecretKey.rotate} takes nothing. */
    record SecretKeyRotate() {
    }

    /** What a rotation did: the new key, the secrets re-encrypted, and those no key of the keyset opens. */
    record SecretKeyRotated(long primaryKeyId, long reencrypted, long undecryptable) {
    }
}
