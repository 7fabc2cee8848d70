package dev.canopy.server.secret;

import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas that secret data follows. The identity module owns schemas ({@code identity.Schema})
 * and implements this; the secret module asks it before it stores any data, within the same
 * transaction, so that a schema cannot be deleted between the check and the write.
 */
public interface SecretSchemas {

    /**
     * Checks {@code data} against schema {@code schemaId} of the domain, which must be a schema for
     * secrets of {@code type} ({@code schema_type} of the same name) and, when {@code provider} is
     * given, of that provider. Fails with {@code ERROR_NOT_FOUND} or {@code ERROR_INVALID_PARAMETER}
     * naming {@code schemaKey} when the schema is missing, of another type or of another provider,
     * and with {@code ERROR_INVALID_PARAMETER} naming the
     * offending field under {@code dataKey} ({@code data.aws_secret_access_key}) when the data does
     * not follow it. No message ever quotes a value of the data.
     *
     * @return the provider the schema belongs to
     */
    String check(String domainId, SecretType type, String schemaId, String provider, ObjectNode data, String schemaKey,
                 String dataKey);
}
