package dev.canopy.server.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.query.AnalyzeQuery;
import dev.canopy.query.InvalidQueryException;
import dev.canopy.query.Query;
import dev.canopy.query.QueryParser;
import dev.canopy.query.StatisticsQuery;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The API's JSON: snake_case names, strict binding (no unknown fields, no type coercion, no
 * trailing garbage, no duplicate keys), nulls left out of responses, and Cloudforet's queries
 * parsed by {@link QueryParser}. Binding failures become {@link ApiException}s naming the field.
 */
@Component
public class ApiJson {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};
    private static final Pattern QUOTED = Pattern.compile("(['\"])[^'\"]{2,}\\1");

    private final JsonMapper mapper;

    ApiJson() {
        SimpleModule queries = new SimpleModule("canopy-query")
                .addDeserializer(Query.class, new TreeDeserializer<>(QueryParser::parseQuery))
                .addDeserializer(StatisticsQuery.class, new TreeDeserializer<>(QueryParser::parseStatisticsQuery))
                .addDeserializer(AnalyzeQuery.class, new TreeDeserializer<>(QueryParser::parseAnalyzeQuery));
        this.mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfigDefaults(config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .changeDefaultPropertyInclusion(inclusion -> inclusion
                        .withValueInclusion(JsonInclude.Include.NON_NULL)
                        .withContentInclusion(JsonInclude.Include.NON_NULL))
                .addModule(queries)
                .build();
    }

    /** Binds a request body to {@code type}; an empty body binds as {@code {}}. */
    public <T> T readRequest(byte[] body, Class<T> type) {
        try {
            if (containsNulEscape(body)) {
                // PostgreSQL text and jsonb cannot hold U+0000; refuse it here rather than fail in the database.
                throw ApiException.invalidParameter("body", "text may not contain the NUL character (\\u0000)");
            }
            return mapper.readValue(isBlank(body) ? EMPTY_OBJECT : body, type);
        } catch (StreamReadException malformed) {
            throw new ApiException(ErrorCode.ERROR_JSON_FORMAT, "Malformed JSON"
                    + (malformed.getLocation() != null
                    ? " at line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr()
                    : "") + ": " + firstLine(malformed.getOriginalMessage()),
                    Map.of());
        } catch (StreamConstraintsException tooDeepOrLarge) {
            // Jackson's limits (nesting depth, number and string length) guard the parser itself.
            throw new ApiException(ErrorCode.ERROR_JSON_FORMAT,
                    "JSON exceeds a parser limit: " + firstLine(tooDeepOrLarge.getOriginalMessage()), Map.of());
        } catch (DatabindException binding) {
            throw bindingFailure(binding, type);
        }
    }

    public byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    /** The mapper itself, for modules that turn free-form JSON into records. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** The wire name of a Java name: {@code countOnly} becomes {@code count_only}. */
    static String snakeCase(String javaName) {
        StringBuilder name = new StringBuilder(javaName.length() + 4);
        for (char character : javaName.toCharArray()) {
            if (Character.isUpperCase(character)) {
                name.append(name.isEmpty() ? "" : "_").append(Character.toLowerCase(character));
            } else {
                name.append(character);
            }
        }
        return name.toString();
    }

    private static ApiException bindingFailure(DatabindException binding, Class<?> rootType) {
        String path = path(binding.getPath());
        if (binding.getCause() instanceof InvalidQueryException invalidQuery) {
            String key = Stream.of(path, invalidQuery.key()).filter(part -> !part.isEmpty())
                    .collect(Collectors.joining("."));
            return ApiException.invalidParameter(key, invalidQuery.reason());
        }
        if (binding.getCause() instanceof ApiException apiException) {
            return apiException;
        }
        if (binding instanceof UnrecognizedPropertyException unknown) {
            return ApiException.invalidParameter(path, "unknown parameter '" + unknown.getPropertyName() + "'");
        }
        if (path.isEmpty()) {
            return ApiException.invalidParameter("body", "the request body must be a JSON object");
        }
        if (binding instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return ApiException.invalidParameter(path, "must be " + describe(mismatch.getTargetType()));
        }
        return ApiException.invalidParameter(path, firstLine(binding.getOriginalMessage()));
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString().toUpperCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        return "an object";
    }

    /** Whether a JSON text holds the escape {@code \u0000}; escape pairs are consumed left to right, so {@code \\u0000} is not one. */
    static boolean containsNulEscape(byte[] json) {
        for (int index = 0; index < json.length - 1; index++) {
            if (json[index] != '\\') {
                continue;
            }
            if (json[index + 1] == 'u' && index + 5 < json.length
                    && json[index + 2] == '0' && json[index + 3] == '0' && json[index + 4] == '0' && json[index + 5] == '0') {
                return true;
            }
            index++; // skip the escaped character
        }
        return false;
    }

    private static boolean isBlank(byte[] body) {
        for (byte character : body) {
            if (!Character.isWhitespace(character)) {
                return false;
            }
        }
        return true;
    }

    /** The first line of a parser message, without the parser's notes on where its input came from. */
    private static String firstLine(String message) {
        if (message == null) {
            return "invalid input";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        int sourceNote = line.indexOf(" (start marker at [Source:");
        line = sourceNote < 0 ? line : line.substring(0, sourceNote);
        // Parser messages quote the text they stumbled on, which may be a password or a key: the
        // message goes to the client and the log, so quoted text longer than a character is cut.
        return QUOTED.matcher(line).replaceAll("$1…$1");
    }

    /** Reads a JSON subtree and hands it to a parser of the query language. */
    private static final class TreeDeserializer<T> extends ValueDeserializer<T> {
        private final Function<JsonNode, T> parser;

        TreeDeserializer(Function<JsonNode, T> parser) {
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            return this.parser.apply(context.readTree(parser));
        }

        @Override
        public T getNullValue(DeserializationContext context) {
            return this.parser.apply(null);
        }

        /** An absent query stays null, so that a required one is reported as missing. */
        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
