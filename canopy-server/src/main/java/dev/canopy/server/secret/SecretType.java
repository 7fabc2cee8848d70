package dev.canopy.server.secret;

import java.util.List;

import dev.canopy.query.ColumnType;
import dev.canopy.query.TableSchema;
import dev.canopy.server.store.ResourceKind;

/**
 * The two kinds of secret, alike but for what they belong to: a {@code secret.Secret} holds the
 * credentials of one service account (or of nothing in particular), a {@code secret.TrustedSecret}
 * those of a trusted account, which service accounts of the whole domain may borrow. Each kind's
 * data follows schemas of the {@code schema_type} of the same name.
 */
public enum SecretType {

    SECRET(new ResourceKind("secret.Secret", "secret", "secret_id",
            TableSchema.builder("secret")
                    .idKey("secret_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .column("schema_id", ColumnType.TEXT)
                    .column("provider", ColumnType.TEXT)
                    .column("project_id", ColumnType.TEXT)
                    .column("service_account_id", ColumnType.TEXT)
                    .keyword("secret_id", "name")
                    .minimal("secret_id", "name", "provider")
                    .defaultSort("name", false)
                    .build(),
            List.of()), "secret_data", "service_account_id"),

    TRUSTED_SECRET(new ResourceKind("secret.TrustedSecret", "trusted-secret", "trusted_secret_id",
            TableSchema.builder("trusted_secret")
                    .idKey("trusted_secret_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .column("schema_id", ColumnType.TEXT)
                    .column("provider", ColumnType.TEXT)
                    .column("trusted_account_id", ColumnType.TEXT)
                    .keyword("trusted_secret_id", "name")
                    .minimal("trusted_secret_id", "name", "provider")
                    .defaultSort("name", false)
                    .build(),
            List.of()), "trusted_secret_data", "trusted_account_id");

    private final ResourceKind kind;
    private final String dataTable;
    private final String accountKey;

    SecretType(ResourceKind kind, String dataTable, String accountKey) {
        this.kind = kind;
        this.dataTable = dataTable;
        this.accountKey = accountKey;
    }

    /** The listable documents, which never hold the data. */
    ResourceKind kind() {
        return kind;
    }

    /** The table of the encrypted data, one row per secret: {@code (domain_id, id, ciphertext)}. */
    String dataTable() {
        return dataTable;
    }

    /** The document key naming the account a secret of this kind belongs to, when it belongs to one. */
    String accountKey() {
        return accountKey;
    }

    /** The key requests and documents name a secret of this kind by: {@code secret_id}, {@code trusted_secret_id}. */
    String idKey() {
        return kind.idKey();
    }
}
