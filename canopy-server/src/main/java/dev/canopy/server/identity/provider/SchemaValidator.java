package dev.canopy.server.identity.provider;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.canopy.server.api.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * JSON Schema, by networknt's validator: whether a document is a valid schema (against the
 * meta-schema of the dialect its {@code $schema} names, draft 2020-12 when it names none), and
 * whether data follows a schema. References resolve inside the document and to the standard
 * meta-schemas only; nothing is ever fetched or read from elsewhere.
 *
 * <p>A failure of the data names the offending field ({@code data.aws_secret_access_key}) with a
 * reason made from the schema alone, never from the data: the data may be a secret. Thread-safe.
 */
@Component
class SchemaValidator {

    /** Keywords whose reason the validator words from the schema alone (checked in its message catalogue). */
    private static final Set<String> SCHEMA_WORDED = Set.of("type", "minLength", "maxLength", "pattern", "format",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
            "minProperties", "maxProperties", "uniqueItems");
    /** Keywords that fail on one named property of an object: the key names the property. */
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "dependentRequired", "additionalProperties",
            "unevaluatedProperties");
    private static final Map<String, String> DIALECTS = Map.of(
            SpecificationVersion.DRAFT_4.getDialectId(), "draft-04",
            SpecificationVersion.DRAFT_6.getDialectId(), "draft-06",
            SpecificationVersion.DRAFT_7.getDialectId(), "draft-07",
            SpecificationVersion.DRAFT_2019_09.getDialectId(), "2019-09",
            SpecificationVersion.DRAFT_2020_12.getDialectId(), "2020-12");

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.allow(SchemaValidator::isMetaSchema)));

    /**
     * Refuses a document that is not a valid JSON Schema, naming the offending part under
     * {@code key} ({@code schema.properties.a.minLength}); also one whose references cannot be
     * resolved within it.
     */
    void requireValidSchema(JsonNode schema, String key) {
        if (!schema.isObject()) {
            throw ApiException.invalidParameter(key, "a schema of data must be a JSON object");
        }
        JsonNode dialect = schema.get("$schema");
        String dialectId = SpecificationVersion.DRAFT_2020_12.getDialectId();
        if (dialect != null) {
            if (!dialect.isString() || !DIALECTS.containsKey(dialect.asString())) {
                throw ApiException.invalidParameter(key + ".$schema", "not a JSON Schema dialect this server knows: "
                        + String.join(", ", DIALECTS.keySet().stream().sorted().toList()));
            }
            dialectId = dialect.asString();
        }
        List<Error> errors = registry.getSchema(SchemaLocation.of(dialectId)).validate(schema);
        Optional<Error> first = errors.stream().min(Comparator.comparing(error -> error.getInstanceLocation().toString()));
        if (first.isPresent()) {
            // About the schema, not about data: the validator's own words are safe to show.
            throw ApiException.invalidParameter(key(key, first.get().getInstanceLocation(), null), first.get().getMessage());
        }
        compile(schema, key);
    }

    /**
     * Refuses {@code data} that does not follow {@code schema}, naming the first offending field
     * under {@code dataKey}; the schema itself must be valid.
     */
    void validate(JsonNode schema, JsonNode data, String dataKey, String schemaKey) {
        List<Error> errors;
        try {
            errors = compile(schema, schemaKey).validate(data);
        } catch (SchemaException unusable) {
            throw ApiException.invalidParameter(schemaKey, "the schema cannot be evaluated: " + unusable.getMessage());
        }
        errors.stream()
                .map(error -> new Failure(key(dataKey, error.getInstanceLocation(), propertyOf(error)), reason(error)))
                .min(Comparator.comparing(Failure::key))
                .ifPresent(failure -> {
                    throw ApiException.invalidParameter(failure.key(), failure.reason());
                });
    }

    private record Failure(String key, String reason) {
    }

    private Schema compile(JsonNode schema, String key) {
        try {
            Schema compiled = registry.getSchema(schema);
            // References are otherwise resolved lazily, at the first validation; resolve them now.
            compiled.initializeValidators();
            return compiled;
        } catch (SchemaException | IllegalArgumentException | IllegalStateException invalid) {
            throw ApiException.invalidParameter(key, "not a usable JSON Schema: " + invalid.getMessage());
        }
    }

    private static String propertyOf(Error error) {
        return PROPERTY_KEYWORDS.contains(error.getKeyword()) ? error.getProperty() : null;
    }

    /** Why data failed, from the schema's side only. */
    private static String reason(Error error) {
        String keyword = error.getKeyword();
        return switch (keyword) {
            case "required", "dependentRequired" -> "is required";
            case "additionalProperties", "unevaluatedProperties" -> "is not allowed by the schema";
            case "enum" -> "is not one of the values the schema allows";
            case "const" -> "is not the value the schema requires";
            default -> SCHEMA_WORDED.contains(keyword) ? error.getMessage()
                    : "does not satisfy the schema's '" + keyword + "'";
        };
    }

    /** {@code data} and a path {@code /a/0/b} give {@code data.a[0].b}; a property, when named, goes last. */
    private static String key(String prefix, NodePath location, String property) {
        StringBuilder key = new StringBuilder(prefix);
        for (int index = 0; index < location.getNameCount(); index++) {
            Object element = location.getElement(index);
            if (element instanceof Integer position) {
                key.append('[').append(position).append(']');
            } else {
                key.append('.').append(element);
            }
        }
        if (property != null) {
            key.append('.').append(property);
        }
        return key.toString();
    }

    private static boolean isMetaSchema(com.networknt.schema.AbsoluteIri iri) {
        String text = iri.toString();
        return text.startsWith("https://json-schema.org/") || text.startsWith("http://json-schema.org/");
    }
}
