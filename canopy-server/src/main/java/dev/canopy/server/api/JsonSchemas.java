package dev.canopy.server.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

import dev.canopy.query.AnalyzeQuery;
import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas of request and response records, derived from their components the way the API
 * binds them (snake_case names, required where a component is {@code @NotNull}/{@code @NotBlank}).
 * Each record becomes a named schema under {@code components.schemas}.
 */
final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode components;
    private final java.util.Map<String, Class<?>> namedClasses = new java.util.HashMap<>();

    JsonSchemas(ObjectNode components) {
        this.components = components;
    }

    ObjectNode schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", schemaOf(arguments[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", schemaOf(arguments[1]));
                return map;
            }
            return schemaOf(raw);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return NODES.objectNode().put("type", "integer");
        }
        if (Number.class.isAssignableFrom(raw) || raw == double.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (raw == Query.class) {
            return reference("Query", () -> NODES.objectNode().put("type", "object").put("description",
                    "Cloudforet query: filter, filter_or, sort, page, only, keyword, count_only, minimal"));
        }
        if (raw == StatisticsQuery.class) {
            return reference("StatisticsQuery", () -> NODES.objectNode().put("type", "object").put("description",
                    "Cloudforet statistics query: filter, filter_or, aggregate, page"));
        }
        if (raw == AnalyzeQuery.class) {
            return reference("AnalyzeQuery", () -> NODES.objectNode().put("type", "object").put("description",
                    "Cloudforet analyze query: granularity, start, end, group_by, field_group, fields, select,"
                            + " filter, filter_or, sort, page"));
        }
        if (raw.isEnum()) {
            ObjectNode schema = NODES.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(constant.toString());
            }
            return schema;
        }
        if (raw.isRecord()) {
            requireOneClassPerName(raw);
            return reference(raw.getSimpleName(), () -> recordSchema(raw));
        }
        if (JsonNode.class.isAssignableFrom(raw) && raw != JsonNode.class) {
            return NODES.objectNode().put("type", "object");
        }
        return NODES.objectNode();
    }

    /**
     * Schemas are named by the record's simple name; two records of the same name in different
     * modules would share one schema, so that is refused (name request records after their verb).
     */
    private void requireOneClassPerName(Class<?> record) {
        Class<?> earlier = namedClasses.putIfAbsent(record.getSimpleName(), record);
        if (earlier != null && earlier != record) {
            throw new IllegalStateException("two API records are named " + record.getSimpleName() + ": "
                    + earlier.getName() + " and " + record.getName() + "; rename one");
        }
    }

    private ObjectNode reference(String name, java.util.function.Supplier<ObjectNode> definition) {
        if (!components.has(name)) {
            components.putObject(name); // placeholder first, so recursive records terminate
            components.set(name, definition.get());
        }
        return NODES.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    private ObjectNode recordSchema(Class<?> record) {
        ObjectNode schema = NODES.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = ApiJson.snakeCase(component.getName());
            properties.set(name, schemaOf(component.getGenericType()));
            if (isRequired(record, component)) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /** Constraint annotations on a record component land on its field, not on the component. */
    private static boolean isRequired(Class<?> record, RecordComponent component) {
        try {
            var field = record.getDeclaredField(component.getName());
            return field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                    || field.isAnnotationPresent(NotEmpty.class);
        } catch (NoSuchFieldException impossible) {
            return false;
        }
    }
}
