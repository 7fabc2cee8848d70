package dev.canopy.server.identity;

import java.util.List;

import dev.canopy.query.ColumnType;
import dev.canopy.query.TableSchema;
import dev.canopy.server.store.ResourceKind;

/** The identity resources as the document store keeps them (tables in V3__identity.sql and V10__identity_accounts.sql). */
public final class IdentityKinds {

    public static final ResourceKind USER = new ResourceKind("identity.User", "user", null,
            TableSchema.builder("identity_user")
                    .requiredColumn("user_id", ColumnType.TEXT)
                    .column("name", ColumnType.TEXT)
                    .requiredColumn("state", ColumnType.TEXT)
                    .requiredColumn("auth_type", ColumnType.TEXT)
                    .keyword("user_id", "name")
                    .minimal("user_id", "name", "state")
                    .defaultSort("user_id", false)
                    .build(),
            List.of("user_id"));

    public static final ResourceKind ROLE = new ResourceKind("identity.Role", "role", "role_id",
            TableSchema.builder("role")
                    .idKey("role_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("role_type", ColumnType.TEXT)
                    .keyword("role_id", "name")
                    .minimal("role_id", "name", "role_type")
                    .defaultSort("name", false)
                    .build(),
            List.of("name"));

    public static final ResourceKind POLICY = new ResourceKind("identity.Policy", "policy", "policy_id",
            TableSchema.builder("policy")
                    .idKey("policy_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .keyword("policy_id", "name")
                    .minimal("policy_id", "name")
                    .defaultSort("name", false)
                    .build(),
            List.of());

    public static final ResourceKind ROLE_BINDING = new ResourceKind("identity.RoleBinding", "rb", "role_binding_id",
            TableSchema.builder("role_binding")
                    .idKey("role_binding_id")
                    .requiredColumn("user_id", ColumnType.TEXT)
                    .requiredColumn("role_id", ColumnType.TEXT)
                    .requiredColumn("role_type", ColumnType.TEXT)
                    .column("project_id", ColumnType.TEXT)
                    .column("project_group_id", ColumnType.TEXT)
                    .keyword("role_binding_id", "user_id")
                    .minimal("role_binding_id", "user_id", "role_id")
                    .build(),
            List.of());

    public static final ResourceKind PROJECT_GROUP = new ResourceKind("identity.ProjectGroup", "pg", "project_group_id",
            TableSchema.builder("project_group")
                    .idKey("project_group_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .column("parent_group_id", ColumnType.TEXT)
                    .keyword("project_group_id", "name")
                    .minimal("project_group_id", "name", "parent_group_id")
                    .defaultSort("name", false)
                    .build(),
            List.of());

    public static final ResourceKind PROJECT = new ResourceKind("identity.Project", "project", "project_id",
            TableSchema.builder("project")
                    .idKey("project_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("project_group_id", ColumnType.TEXT)
                    .keyword("project_id", "name")
                    .minimal("project_id", "name", "project_group_id")
                    .defaultSort("name", false)
                    .build(),
            List.of());

    public static final ResourceKind API_KEY = new ResourceKind("identity.APIKey", "api-key", "api_key_id",
            TableSchema.builder("api_key")
                    .idKey("api_key_id")
                    .requiredColumn("user_id", ColumnType.TEXT)
                    .requiredColumn("state", ColumnType.TEXT)
                    .minimal("api_key_id", "user_id", "state")
                    .build(),
            List.of());

    /** A domain's own providers; listings add the managed ones. Addressed by their {@code provider} key. */
    public static final ResourceKind PROVIDER = new ResourceKind("identity.Provider", "provider", null,
            TableSchema.builder("provider")
                    .requiredColumn("provider", ColumnType.TEXT)
                    .requiredColumn("name", ColumnType.TEXT)
                    .keyword("provider", "name")
                    .minimal("provider", "name")
                    .defaultSort("provider", false)
                    .build(),
            List.of("provider"));

    /** A domain's own schemas; listings add the managed ones. Addressed by their {@code schema_id}. */
    public static final ResourceKind SCHEMA = new ResourceKind("identity.Schema", "schema", null,
            TableSchema.builder("identity_schema")
                    .requiredColumn("schema_id", ColumnType.TEXT)
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("schema_type", ColumnType.TEXT)
                    .requiredColumn("provider", ColumnType.TEXT)
                    .keyword("schema_id", "name")
                    .minimal("schema_id", "name", "schema_type", "provider")
                    .defaultSort("schema_id", false)
                    .build(),
            List.of("schema_id"));

    /** General service accounts: one cloud account of one project, its name unique in the project. */
    public static final ResourceKind SERVICE_ACCOUNT = new ResourceKind("identity.ServiceAccount", "sa", "service_account_id",
            TableSchema.builder("service_account")
                    .idKey("service_account_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("provider", ColumnType.TEXT)
                    .requiredColumn("project_id", ColumnType.TEXT)
                    .column("trusted_account_id", ColumnType.TEXT)
                    .column("secret_schema_id", ColumnType.TEXT)
                    .keyword("service_account_id", "name")
                    .minimal("service_account_id", "name", "provider", "project_id")
                    .defaultSort("name", false)
                    .build(),
            List.of("project_id", "name"));

    /** Trusted accounts: organisation-level credentials of the whole domain, their name unique in it. */
    public static final ResourceKind TRUSTED_ACCOUNT = new ResourceKind("identity.TrustedAccount", "ta", "trusted_account_id",
            TableSchema.builder("trusted_account")
                    .idKey("trusted_account_id")
                    .requiredColumn("name", ColumnType.TEXT)
                    .requiredColumn("provider", ColumnType.TEXT)
                    .column("secret_schema_id", ColumnType.TEXT)
                    .keyword("trusted_account_id", "name")
                    .minimal("trusted_account_id", "name", "provider")
                    .defaultSort("name", false)
                    .build(),
            List.of("name"));

    private IdentityKinds() {
    }
}
