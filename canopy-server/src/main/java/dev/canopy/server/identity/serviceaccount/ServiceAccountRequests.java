package dev.canopy.server.identity.serviceaccount;

import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request bodies of {@code identity.ServiceAccount} and {@code identity.TrustedAccount}. None
 * prints the credentials ({@code secret_data}) it carries.
 */
final class ServiceAccountRequests {

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_ID_LENGTH = 64;
    static final int MAX_SCHEMA_ID_LENGTH = 100;

    private ServiceAccountRequests() {
    }

    // Service accounts

    /**
     * {@code data} follows the provider's {@code SERVICE_ACCOUNT} schema; credentials, when given, are
     * {@code secret_data} of schema {@code secret_schema_id}; {@code trusted_account_id} lends the
     * credentials of a trusted account.
     */
    record ServiceAccountCreate(@NotBlank @Size(max = MAX_NAME_LENGTH) String name,
                                @NotBlank @Size(max = MAX_ID_LENGTH) String provider, ObjectNode data,
                                @NotBlank @Size(max = MAX_ID_LENGTH) String projectId,
                                @Size(max = MAX_ID_LENGTH) String trustedAccountId,
                                @Size(max = MAX_SCHEMA_ID_LENGTH) String secretSchemaId, ObjectNode secretData,
                                ObjectNode tags) {

        @Override
        public String toString() {
            return "ServiceAccountCreate[name=" + name + ", provider=" + provider + ", project_id=" + projectId
                    + ", secret_data=<hidden>]";
        }
    }

    /** Absent parts stay as they are. */
    record ServiceAccountUpdate(@NotBlank @Size(max = MAX_ID_LENGTH) String serviceAccountId,
                                @Size(min = 1, max = MAX_NAME_LENGTH) String name, ObjectNode data, ObjectNode tags) {
    }

    /** Attaches a trusted account to a service account, or detaches the one it has when {@code trusted_account_id} is absent. */
    record ServiceAccountChangeTrustedAccount(@NotBlank @Size(max = MAX_ID_LENGTH) String serviceAccountId,
                                              @Size(max = MAX_ID_LENGTH) String trustedAccountId) {
    }

    /** Replaces a service account's own credentials, or gives it some. */
    record ServiceAccountUpdateSecretData(@NotBlank @Size(max = MAX_ID_LENGTH) String serviceAccountId,
                                          @NotBlank @Size(max = MAX_SCHEMA_ID_LENGTH) String secretSchemaId,
                                          @NotNull ObjectNode secretData) {

        @Override
        public String toString() {
            return "ServiceAccountUpdateSecretData[service_account_id=" + serviceAccountId + ", secret_data=<hidden>]";
        }
    }

    /** {@code get}, {@code delete} and {@code delete_secret_data}. */
    record ServiceAccountId(@NotBlank @Size(max = MAX_ID_LENGTH) String serviceAccountId) {
    }

    /** {@code list}: a query, and shortcuts for filters on three keys. */
    record ServiceAccountList(Query query, @Size(max = MAX_ID_LENGTH) String projectId,
                              @Size(max = MAX_ID_LENGTH) String provider,
                              @Size(max = MAX_ID_LENGTH) String trustedAccountId) {
    }

    record ServiceAccountStat(@NotNull StatisticsQuery query) {
    }

    // Trusted accounts

    /**
     * {@code data} follows the provider's {@code TRUSTED_ACCOUNT} schema; credentials, when given, are
     * {@code secret_data} of schema {@code secret_schema_id} (a {@code TRUSTED_SECRET} schema).
     */
    record TrustedAccountCreate(@NotBlank @Size(max = MAX_NAME_LENGTH) String name,
                                @NotBlank @Size(max = MAX_ID_LENGTH) String provider, ObjectNode data,
                                @Size(max = MAX_SCHEMA_ID_LENGTH) String secretSchemaId, ObjectNode secretData,
                                ObjectNode tags) {

        @Override
        public String toString() {
            return "TrustedAccountCreate[name=" + name + ", provider=" + provider + ", secret_data=<hidden>]";
        }
    }

    /** Absent parts stay as they are. */
    record TrustedAccountUpdate(@NotBlank @Size(max = MAX_ID_LENGTH) String trustedAccountId,
                                @Size(min = 1, max = MAX_NAME_LENGTH) String name, ObjectNode data, ObjectNode tags) {
    }

    /** Replaces a trusted account's credentials, or gives it some. */
    record TrustedAccountUpdateSecretData(@NotBlank @Size(max = MAX_ID_LENGTH) String trustedAccountId,
                                          @NotBlank @Size(max = MAX_SCHEMA_ID_LENGTH) String secretSchemaId,
                                          @NotNull ObjectNode secretData) {

        @Override
        public String toString() {
            return "TrustedAccountUpdateSecretData[trusted_account_id=" + trustedAccountId + ", secret_data=<hidden>]";
        }
    }

    /** {@code get} and {@code delete}. */
    record TrustedAccountId(@NotBlank @Size(max = MAX_ID_LENGTH) String trustedAccountId) {
    }

    /** {@code list}: a query, and {@code provider} as a shortcut for a filter on it. */
    record TrustedAccountList(Query query, @Size(max = MAX_ID_LENGTH) String provider) {
    }

    record TrustedAccountStat(@NotNull StatisticsQuery query) {
    }
}
