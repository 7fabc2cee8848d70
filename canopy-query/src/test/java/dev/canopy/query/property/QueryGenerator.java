package dev.canopy.query.property;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Random conditions and search queries, in their JSON form, over the documents they will run on. */
final class QueryGenerator {

    static final String[] OPERATORS = {
            "eq", "not", "in", "not_in", "lt", "lte", "gt", "gte", "exists", "contain", "not_contain",
            "contain_in", "not_contain_in", "like", "regex", "regex_in", "datetime_lt", "datetime_lte",
            "datetime_gt", "datetime_gte", "timediff_lt", "timediff_lte", "timediff_gt", "timediff_gte"};
    static final String[] REGEXES = {
            "^a", "b$", "a.b", "[ab]1", "A|Z", "^$", "\\d", "_", "a*b", ".", "^[A-Z]", "c+", "^.{2}$", "z", "B.?A",
            "%", "\\.", "^ ", "(ab)+", "[^a]"};
    static final String[] DATE_VALUES = {
            "2024-06-01", "2024-06-03T00:00:00Z", "2024-05-29T12:00:00+02:00", "2024-06-05T12:34:56",
            "2024-05-30T01:02:03.456Z", "2024-06-05", "2024-06-04T23:59:59Z", "2024-05-20 08:00:00"};
    static final String[] RELATIVE = {
            "now", "now-7d", "now/d", "now/w", "now/m", "now/d + 9h", "now - 3h", "now+1w", "now-90m", "now - 30s",
            "now-2w", "now/w-1d"};

    private final Generators g;

    QueryGenerator(Generators generators) {
        this.g = generators;
    }

    ObjectNode listQuery(List<ObjectNode> documents) {
        ObjectNode query = Generators.NODES.objectNode();
        int filters = g.random().nextInt(4);
        if (filters > 0 || g.chance(0.3)) {
            ArrayNode filter = query.putArray("filter");
            for (int index = 0; index < filters; index++) {
                filter.add(condition(documents));
            }
        }
        if (g.chance(0.3)) {
            ArrayNode filterOr = query.putArray("filter_or");
            int count = 1 + g.random().nextInt(3);
            for (int index = 0; index < count; index++) {
                filterOr.add(condition(documents));
            }
        }
        if (g.chance(0.7)) {
            ArrayNode sort = query.putArray("sort");
            int count = 1 + g.random().nextInt(2);
            for (int index = 0; index < count; index++) {
                ObjectNode key = sort.addObject().put("key", g.key());
                if (g.chance(0.5)) {
                    key.put("desc", g.chance(0.5));
                }
            }
        }
        if (g.chance(0.4)) {
            ObjectNode page = query.putObject("page");
            if (g.chance(0.8)) {
                page.put("start", g.random().nextInt(8) - 1);
            }
            if (g.chance(0.8)) {
                page.put("limit", g.random().nextInt(12));
            }
        }
        if (g.chance(0.1)) {
            query.put("keyword", g.chance(0.5) ? g.stringFor("name", documents) : g.stringFor("name", documents)
                    + " " + g.stringFor("tags.x", documents));
        }
        if (g.chance(0.05)) {
            query.put("count_only", true);
        }
        if (g.chance(0.1)) {
            ArrayNode only = query.putArray("only");
            int count = 1 + g.random().nextInt(3);
            for (int index = 0; index < count; index++) {
                only.add(g.key());
            }
        } else if (g.chance(0.05)) {
            query.put("minimal", true);
        }
        return query;
    }

    ObjectNode condition(List<ObjectNode> documents) {
        String key = g.key();
        String operator = g.pick(OPERATORS);
        if (operator.startsWith("datetime") && g.chance(0.5)) {
            key = "created_at";
        }
        ObjectNode condition = Generators.NODES.objectNode();
        boolean longNames = g.chance(0.2);
        condition.put(longNames ? "key" : "k", key);
        JsonNode value = value(operator, key, documents);
        if (!(operator.equals("eq") && g.chance(0.3))) {
            condition.put(longNames ? "operator" : "o", operator);
        }
        condition.set(longNames ? "value" : "v", value);
        return condition;
    }

    JsonNode value(String operator, String key, List<ObjectNode> documents) {
        return switch (operator) {
            case "eq", "not" -> scalar(key, documents, true);
            case "lt", "lte", "gt", "gte" -> scalar(key, documents, false);
            case "in", "not_in" -> list(() -> scalar(key, documents, true));
            case "exists" -> Generators.NODES.booleanNode(g.chance(0.5));
            case "contain", "not_contain" -> Generators.NODES.stringNode(g.stringFor(key, documents));
            case "contain_in", "not_contain_in" -> list(() -> Generators.NODES.stringNode(g.stringFor(key, documents)));
            case "like" -> Generators.NODES.stringNode(likePattern(key, documents));
            case "regex" -> Generators.NODES.stringNode(g.pick(REGEXES));
            case "regex_in" -> list(() -> Generators.NODES.stringNode(g.pick(REGEXES)));
            case "datetime_lt", "datetime_lte", "datetime_gt", "datetime_gte" ->
                    Generators.NODES.stringNode(dateValue(documents));
            default -> Generators.NODES.stringNode(g.pick(RELATIVE));
        };
    }

    private JsonNode scalar(String key, List<ObjectNode> documents, boolean nullable) {
        JsonNode value;
        if (key.equals("created_at") && g.chance(0.8)) {
            value = Generators.NODES.stringNode(dateValue(documents));
        } else {
            value = g.scalarFor(key, documents);
        }
        if (!nullable && value.isNull()) {
            value = Generators.NODES.stringNode(g.string());
        }
        return value;
    }

    private String dateValue(List<ObjectNode> documents) {
        if (g.chance(0.4) && !documents.isEmpty()) {
            String created = g.pick(documents).get("created_at").asString();
            // the same instant in another offset
            return g.chance(0.5) ? created : java.time.OffsetDateTime.parse(created)
                    .withOffsetSameInstant(java.time.ZoneOffset.ofHours(2))
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx"));
        }
        return g.pick(DATE_VALUES);
    }

    private String likePattern(String key, List<ObjectNode> documents) {
        String text = g.stringFor(key, documents);
        StringBuilder pattern = new StringBuilder();
        if (g.chance(0.4)) {
            pattern.append('%');
        }
        for (char c : text.toCharArray()) {
            int roll = g.random().nextInt(10);
            if (roll == 0) {
                pattern.append('_');
            } else if (roll == 1) {
                pattern.append('%');
            } else if ((c == '%' || c == '_') && g.chance(0.5)) {
                pattern.append('\\').append(c);
            } else {
                pattern.append(c);
            }
        }
        if (g.chance(0.4)) {
            pattern.append('%');
        }
        return pattern.toString();
    }

    private ArrayNode list(java.util.function.Supplier<JsonNode> item) {
        ArrayNode list = Generators.NODES.arrayNode();
        int count = 1 + g.random().nextInt(3);
        for (int index = 0; index < count; index++) {
            list.add(item.get());
        }
        return list;
    }
}
