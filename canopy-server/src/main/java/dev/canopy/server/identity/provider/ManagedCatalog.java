package dev.canopy.server.identity.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The providers and schemas Canopy ships ({@code aws}, {@code azure}, {@code google_cloud},
 * {@code kubernetes} and the schemas of their accounts and credentials), read from
 * {@code identity/managed-catalog.json}. Every domain has them; nobody changes or deletes them.
 * When the server starts, before it serves requests, they are copied into {@code managed_provider}
 * and {@code managed_schema}, so that listings show exactly what this version ships (instances
 * starting together write the same rows).
 */
@Component
class ManagedCatalog implements SmartInitializingSingleton {

    static final String RESOURCE = "/identity/managed-catalog.json";

    private final Map<String, ObjectNode> providers = new LinkedHashMap<>();
    private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ManagedCatalog(SchemaValidator validator, JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        JsonNode catalog = read();
        catalog.path("providers").forEach(provider -> providers.put(provider.get("provider").asString(),
                managed((ObjectNode) provider)));
        catalog.path("schemas").forEach(schema -> {
            String schemaId = schema.get("schema_id").asString();
            if (!providers.containsKey(schema.get("provider").asString())) {
                throw new IllegalStateException("managed schema " + schemaId + " names an unknown provider");
            }
            validator.requireValidSchema(schema.get("schema"), "schema");
            schemas.put(schemaId, managed((ObjectNode) schema));
        });
    }

    Optional<ObjectNode> provider(String provider) {
        return Optional.ofNullable(providers.get(provider)).map(ObjectNode::deepCopy);
    }

    Optional<ObjectNode> schema(String schemaId) {
        return Optional.ofNullable(schemas.get(schemaId)).map(ObjectNode::deepCopy);
    }

    /** The managed schema of {@code provider} of {@code schemaType}, for the types a provider has one of. */
    Optional<ObjectNode> schemaOf(String provider, String schemaType) {
        return schemas.values().stream()
                .filter(schema -> schema.get("provider").asString().equals(provider)
                        && schema.get("schema_type").asString().equals(schemaType))
                .findFirst().map(ObjectNode::deepCopy);
    }

    Collection<ObjectNode> providers() {
        return providers.values();
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            for (ObjectNode provider : providers.values()) {
                jdbc.sql("INSERT INTO managed_provider (provider, name, doc) VALUES (?, ?, CAST(? AS jsonb))"
                                + " ON CONFLICT (provider) DO UPDATE SET name = excluded.name, doc = excluded.doc")
                        .params(provider.get("provider").asString(), provider.get("name").asString(), provider.toString())
                        .update();
            }
            jdbc.sql("DELETE FROM managed_provider WHERE NOT (provider = ANY(?))")
                    .param(providers.keySet().toArray(String[]::new)).update();
            for (ObjectNode schema : schemas.values()) {
                jdbc.sql("INSERT INTO managed_schema (schema_id, name, schema_type, provider, doc)"
                                + " VALUES (?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (schema_id) DO UPDATE SET"
                                + " name = excluded.name, schema_type = excluded.schema_type, provider = excluded.provider,"
                                + " doc = excluded.doc")
                        .params(schema.get("schema_id").asString(), schema.get("name").asString(),
                                schema.get("schema_type").asString(), schema.get("provider").asString(), schema.toString())
                        .update();
            }
            jdbc.sql("DELETE FROM managed_schema WHERE NOT (schema_id = ANY(?))")
                    .param(schemas.keySet().toArray(String[]::new)).update();
        });
    }

    private static ObjectNode managed(ObjectNode document) {
        ObjectNode managed = document.deepCopy();
        managed.put("is_managed", true);
        if (!managed.has("tags")) {
            managed.putObject("tags");
        }
        return managed;
    }

    private static JsonNode read() {
        try (InputStream in = ManagedCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
