package dev.canopy.server.secret;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of the trusted secret verbs; none prints the data it carries. */
final class TrustedSecretRequests {

    private TrustedSecretRequests() {
    }

    /**
     * {@code create}: a named trusted secret and its data. With a {@code schema_id}, the data must
     * follow that schema (of type {@code TRUSTED_SECRET}), whose provider the secret takes. (Those
     * of trusted accounts are made by {@code identity.TrustedAccount}, which links them.)
     */
    record TrustedSecretCreate(@NotBlank @Size(max = 255) String name, @NotNull ObjectNode data,
                               @Size(max = 255) String schemaId, @Size(max = 64) String provider, ObjectNode tags) {

        @Override
        public String toString() {
            return "TrustedSecretCreate[name=" + name + ", data=<hidden>]";
        }
    }

    /** {@code update}: the parts to change, never the data. */
    record TrustedSecretUpdate(@NotBlank @Size(max = 64) String trustedSecretId, @Size(max = 255) String name,
                               ObjectNode tags) {
    }

    /** {@code update_data}: new data for a trusted secret, which must follow its schema. */
    record TrustedSecretUpdateData(@NotBlank @Size(max = 64) String trustedSecretId, @NotNull ObjectNode data) {

        @Override
        public String toString() {
            return "TrustedSecretUpdateData[trusted_secret_id=" + trustedSecretId + ", data=<hidden>]";
        }
    }

    /** {@code get} and {@code delete}. */
    record TrustedSecretId(@NotBlank @Size(max = 64) String trustedSecretId) {
    }

    record TrustedSecretList(Query query) {
    }

    record TrustedSecretStat(@NotNull StatisticsQuery query) {
    }
}
