package dev.canopy.plugin.grpc;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one conversion between the plugin API's JSON maps ({@code Map<String, Object>} of null,
 * Boolean, Number, String, List and Map) and {@code google.protobuf.Struct}, used in both directions by
 * every kind for options, secret data, metadata and the maps of small records. (The bulk of a stream
 * travels as JSON bytes instead, see {@link JsonBytes}.)
 *
 * <p>Numbers: a Struct holds every number as a double, so a plugin's {@code Integer 5} arrives as
 * {@code 5.0}. To keep a plugin's output the same in process and over gRPC once the host has written it
 * as JSON, decoding turns every <em>integral</em> double within the range of a long back into a
 * {@link Long} (so {@code 5} stays {@code 5}, not {@code 5.0}); other doubles stay {@link Double}.
 * Hence the rule for plugin authors: emit whole numbers as integers and fractions as doubles; a double
 * that happens to be whole ({@code 2.0}) comes back as the long {@code 2}, and an integer beyond 2^53
 * loses precision on the way (send it as a string).
 *
 * <p>Decoded maps keep the order of the keys as the plugin produced them and are fresh, mutable
 * {@link LinkedHashMap}s (lists are {@link ArrayList}s) that the caller owns. Stateless and thread-safe.
 */
public final class JsonStructs {

    /** 2^63 as a double: the first whole double past {@link Long#MAX_VALUE}. */
    private static final double LONG_LIMIT = 0x1p63;

    private JsonStructs() {
    }

    /** Encodes a JSON object; null encodes as an empty Struct. */
    public static Struct toStruct(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Struct.getDefaultInstance();
        }
        Struct.Builder struct = Struct.newBuilder();
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException("a JSON object key is null");
            }
            struct.putFields(entry.getKey(), toValue(entry.getValue()));
        }
        return struct.build();
    }

    /**
     * Encodes one JSON value.
     *
     * @throws IllegalArgumentException for anything that is not a JSON value (a date, a record, ...)
     */
    public static Value toValue(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String string) {
            return Value.newBuilder().setStringValue(string).build();
        }
        if (value instanceof Number number) {
            return Value.newBuilder().setNumberValue(number.doubleValue()).build();
        }
        if (value instanceof Boolean bool) {
            return bool ? TRUE : FALSE;
        }
        if (value instanceof Map<?, ?> map) {
            return Value.newBuilder().setStructValue(toStruct(stringKeyed(map))).build();
        }
        if (value instanceof Collection<?> collection) {
            ListValue.Builder list = ListValue.newBuilder();
            for (Object element : collection) {
                list.addValues(toValue(element));
            }
            return Value.newBuilder().setListValue(list).build();
        }
        if (value instanceof CharSequence text) {
            return Value.newBuilder().setStringValue(text.toString()).build();
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** Decodes a JSON object; an absent (default) Struct decodes as an empty map. */
    public static Map<String, Object> toMap(Struct struct) {
        Map<String, Value> fields = struct.getFieldsMap();
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, fields.size() * 4 / 3 + 1));
        for (Map.Entry<String, Value> entry : fields.entrySet()) {
            map.put(entry.getKey(), toObject(entry.getValue()));
        }
        return map;
    }

    /**
     * Decodes one JSON value.
     *
     * @throws IllegalArgumentException when the value has no kind set (a sender broke the contract)
     */
    public static Object toObject(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case STRING_VALUE -> value.getStringValue();
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRUCT_VALUE -> toMap(value.getStructValue());
            case LIST_VALUE -> toList(value.getListValue());
            case KIND_NOT_SET -> throw new IllegalArgumentException("a JSON value has no kind");
        };
    }

    private static List<Object> toList(ListValue list) {
        List<Object> elements = new ArrayList<>(list.getValuesCount());
        for (Value element : list.getValuesList()) {
            elements.add(toObject(element));
        }
        return elements;
    }

    private static Object number(double number) {
        // -0.0 stays a double: as a long it would lose its sign.
        if (number == Math.rint(number) && number >= -LONG_LIMIT && number < LONG_LIMIT
                && !(number == 0 && Double.doubleToRawLongBits(number) != 0)) {
            return (long) number;
        }
        return number;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeyed(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("a JSON object key is not a string: " + key);
            }
        }
        return (Map<String, ?>) map;
    }

    private static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    private static final Value TRUE = Value.newBuilder().setBoolValue(true).build();
    private static final Value FALSE = Value.newBuilder().setBoolValue(false).build();
}
