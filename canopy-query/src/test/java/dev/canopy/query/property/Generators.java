package dev.canopy.query.property;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.canopy.query.reference.Filters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded random documents and queries over a small key space, so that keys collide, values repeat
 * across documents and types mix per key.
 */
public final class Generators {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The fixed time {@code now} means, for the compiler and the reference alike. */
    public static final Instant NOW = Instant.parse("2024-06-05T12:34:56Z");

    static final String[] TOP = {"a", "b", "data", "tags", "items", "n"};
    static final String[] INNER = {"x", "y", "z"};
    static final String ALPHABET = "aAbBcZ_%.1 ";
    static final String[] DATES = {
            "2024-06-05", "2024-06-04T23:59:59Z", "2024-06-05T12:34:56Z", "2024-06-05T12:34:56.5Z",
            "2024-06-03T00:00:00Z", "2024-06-01", "2024-05-29T10:00:00+02:00", "2024-05-20 08:00:00",
            "2024-06-05T14:00:00.123456+02:00", "2023-12-31T23:00:00-01:00", "2024-02-30", "2024-13-01T00:00:00Z",
            "2024-06-05T25:00:00Z", "2024-6-5", "not-a-date"};
    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Random random;

    public Generators(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    // ---- documents ---------------------------------------------------------------------------

    /** {@code count} documents in creation order, with ids, names and increasing {@code created_at}. */
    public List<ObjectNode> documents(int count) {
        List<ObjectNode> documents = new ArrayList<>();
        Instant created = Instant.parse("2024-05-25T00:00:00Z");
        for (int index = 0; index < count; index++) {
            ObjectNode document = NODES.objectNode();
            document.put("id", String.format("d%03d", index + 1));
            if (chance(0.8)) {
                document.put("name", string());
            }
            created = created.plusSeconds(1 + random.nextInt(60 * 60 * 24));
            document.put("created_at", CREATED.format(created.plusMillis(random.nextInt(1000))));
            for (String key : TOP) {
                if (chance(0.7)) {
                    document.set(key, value(key.equals("data") || key.equals("items") || key.equals("tags") ? 3 : 2,
                            key));
                }
            }
            documents.add(document);
        }
        return documents;
    }

    JsonNode value(int depth, String key) {
        if (key.equals("data") && depth > 0 && chance(0.7)) {
            return object(depth);
        }
        if (key.equals("items") && depth > 0 && chance(0.7)) {
            ArrayNode array = NODES.arrayNode();
            int size = random.nextInt(4);
            for (int index = 0; index < size; index++) {
                array.add(chance(0.8) ? object(depth - 1) : scalar());
            }
            return array;
        }
        if (key.equals("tags") && depth > 0 && chance(0.7)) {
            return object(1);
        }
        return anyValue(depth);
    }

    JsonNode anyValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 7);
        if (kind < 7) {
            return scalar();
        }
        if (kind < 9) {
            ArrayNode array = NODES.arrayNode();
            int size = random.nextInt(4);
            for (int index = 0; index < size; index++) {
                array.add(chance(0.3) ? anyValue(depth - 1) : scalar());
            }
            return array;
        }
        return object(depth - 1);
    }

    ObjectNode object(int depth) {
        ObjectNode object = NODES.objectNode();
        for (String inner : INNER) {
            if (chance(0.6)) {
                object.set(inner, depth > 0 ? anyValue(depth) : scalar());
            }
        }
        return object;
    }

    JsonNode scalar() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> NODES.stringNode(string());
            case 3, 4 -> NODES.numberNode(random.nextInt(7) - 3);
            case 5 -> NODES.numberNode(decimal());
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.nullNode();
            default -> NODES.stringNode(pick(DATES));
        };
    }

    BigDecimal decimal() {
        return new BigDecimal(pick(new String[] {"1.0", "1.5", "-0.5", "2.25", "0.0", "3.10", "-2.0"}));
    }

    String string() {
        int length = random.nextInt(5);
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < length; index++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    // ---- keys and values for queries ---------------------------------------------------------

    /** A key of the generated key space: column keys, top-level keys and dotted keys crossing arrays. */
    String key() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "name";
        }
        if (kind == 1) {
            return chance(0.7) ? "created_at" : "id";
        }
        StringBuilder key = new StringBuilder(pick(TOP));
        int depth = random.nextInt(3);
        for (int index = 0; index < depth; index++) {
            key.append('.').append(pick(INNER));
        }
        if (chance(0.03)) {
            key.append(".missing");
        }
        return key.toString();
    }

    /** A scalar seen at {@code key} in the documents (to make matches likely), or a random one. */
    JsonNode scalarFor(String key, List<ObjectNode> documents) {
        if (chance(0.7) && !documents.isEmpty()) {
            List<JsonNode> seen = Filters.candidates(Filters.values(pick(documents), key)).stream()
                    .filter(node -> !node.isContainer()).toList();
            if (!seen.isEmpty()) {
                return pick(seen);
            }
        }
        return scalar();
    }

    String stringFor(String key, List<ObjectNode> documents) {
        JsonNode seen = scalarFor(key, documents);
        String text = seen.isString() ? seen.asString() : string();
        if (text.length() > 1 && chance(0.6)) {
            int from = random.nextInt(text.length());
            text = text.substring(from, from + 1 + random.nextInt(text.length() - from));
        }
        return chance(0.5) ? flipCase(text) : text;
    }

    String flipCase(String text) {
        StringBuilder flipped = new StringBuilder();
        for (char c : text.toCharArray()) {
            flipped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return flipped.toString();
    }
}
