package dev.canopy.server.identity;

import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * The decrypted credentials of a service account, for one plugin call: its own (a secret of the
 * secret service, following {@code secretSchemaId}) and, when it borrows from a trusted account,
 * that account's (a trusted secret, following {@code trustedSecretSchemaId}). An absent part is an
 * empty object with a null schema. Hold it no longer than the call, and never log it: its
 * {@code toString} shows no data.
 *
 * @param serviceAccountId      the account
 * @param provider              its provider ({@code aws}, ...)
 * @param secretSchemaId        the schema of the account's own credentials, or null when it has none
 * @param secretData            the account's own credentials (an AWS role to assume, say), or empty
 * @param trustedAccountId      the trusted account it borrows from, or null
 * @param trustedSecretSchemaId the schema of the trusted account's credentials, or null
 * @param trustedSecretData     the trusted account's credentials (the AWS access key that assumes the
 *                              role, say), or empty
 */
public record ServiceAccountCredentials(String serviceAccountId, String provider, String secretSchemaId,
                                        ObjectNode secretData, String trustedAccountId, String trustedSecretSchemaId,
                                        ObjectNode trustedSecretData) {

    public ServiceAccountCredentials {
        Objects.requireNonNull(secretData, "secretData");
        Objects.requireNonNull(trustedSecretData, "trustedSecretData");
    }

    /**
     * Both as one object, the way Cloudforet hands them to a plugin: the trusted account's data
     * underneath, the account's own keys winning where both have one.
     */
    public ObjectNode merged() {
        ObjectNode merged = trustedSecretData.deepCopy();
        secretData.properties().forEach(entry -> merged.set(entry.getKey(), entry.getValue().deepCopy()));
        return merged;
    }

    @Override
    public String toString() {
        return "ServiceAccountCredentials[service_account_id=" + serviceAccountId + ", provider=" + provider
                + ", secret_schema_id=" + secretSchemaId + ", trusted_account_id=" + trustedAccountId
                + ", trusted_secret_schema_id=" + trustedSecretSchemaId + ", data=<hidden>]";
    }
}
