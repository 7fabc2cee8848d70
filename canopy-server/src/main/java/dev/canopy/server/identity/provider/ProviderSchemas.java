package dev.canopy.server.identity.provider;

import java.util.Optional;

import dev.canopy.server.api.ApiException;
import dev.canopy.server.secret.SecretSchemas;
import dev.canopy.server.secret.SecretType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The providers and schemas of a domain (managed ones and its own) as the account verbs and the
 * secret service use them: a provider must exist, and data must follow its schema. A domain's own
 * provider or schema that a check reads stays locked against deletion until the transaction ends,
 * so nothing is written that follows a schema deleted meanwhile.
 */
@Component
public class ProviderSchemas implements SecretSchemas {

    private final ManagedCatalog catalog;
    private final SchemaValidator validator;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ProviderSchemas(ManagedCatalog catalog, SchemaValidator validator, JdbcClient jdbc) {
        this.catalog = catalog;
        this.validator = validator;
        this.jdbc = jdbc;
    }

    /** Refuses, with {@code ERROR_NOT_FOUND} naming {@code key}, a provider the domain does not have. */
    public void requireProvider(String domainId, String provider, String key) {
        if (catalog.provider(provider).isPresent()) {
            return;
        }
        jdbc.sql("SELECT id FROM provider WHERE domain_id = ? AND provider = ? FOR SHARE")
                .params(domainId, provider).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound(key, provider));
    }

    /**
     * Checks {@code data} against schema {@code schemaId}, which must be of {@code schemaType} and,
     * when {@code provider} is given, of that provider; answers the schema's provider. Errors name
     * {@code schemaKey} for the schema and fields under {@code dataKey} for the data.
     */
    public String checkData(String domainId, String schemaId, String schemaType, String provider, ObjectNode data,
                            String schemaKey, String dataKey) {
        ObjectNode schema = schema(domainId, schemaId).orElseThrow(() -> ApiException.notFound(schemaKey, schemaId));
        String type = schema.path("schema_type").asString();
        if (!type.equals(schemaType)) {
            throw ApiException.invalidParameter(schemaKey, "schema " + schemaId + " is of type " + type + ", not "
                    + schemaType);
        }
        String owner = schema.path("provider").asString();
        if (provider != null && !provider.equals(owner)) {
            throw ApiException.invalidParameter(schemaKey, "schema " + schemaId + " belongs to provider " + owner
                    + ", not " + provider);
        }
        validator.validate(schema.get("schema"), data, dataKey, schemaKey);
        return owner;
    }

    /**
     * Checks the {@code data} of an account of {@code provider} against the provider's schema of
     * {@code schemaType} ({@code SERVICE_ACCOUNT} or {@code TRUSTED_ACCOUNT}); a provider without
     * one takes any object.
     */
    public void checkAccountData(String domainId, String provider, String schemaType, ObjectNode data, String dataKey) {
        Optional<ObjectNode> schema = catalog.schemaOf(provider, schemaType).or(() -> jdbc.sql(
                        "SELECT doc FROM identity_schema WHERE domain_id = ? AND provider = ? AND schema_type = ? FOR SHARE")
                .params(domainId, provider, schemaType).query(String.class).optional().map(this::parse));
        schema.ifPresent(found -> validator.validate(found.get("schema"), data, dataKey, "provider"));
    }

    @Override
    public String check(String domainId, SecretType type, String schemaId, String provider, ObjectNode data,
                        String schemaKey, String dataKey) {
        return checkData(domainId, schemaId, type.name(), provider, data, schemaKey, dataKey);
    }

    /** Schema {@code schemaId}: a managed one, or the domain's own (locked against deletion). */
    Optional<ObjectNode> schema(String domainId, String schemaId) {
        return catalog.schema(schemaId).or(() -> jdbc.sql(
                        "SELECT doc FROM identity_schema WHERE domain_id = ? AND schema_id = ? FOR SHARE")
                .params(domainId, schemaId).query(String.class).optional().map(this::parse));
    }

    private ObjectNode parse(String document) {
        return (ObjectNode) json.readTree(document);
    }
}
