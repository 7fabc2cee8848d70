package dev.canopy.query.property;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random documents with a date key and random analyze queries over them, in their JSON form. The
 * date key is either the {@code created_at} column, spread over about two years, or the document
 * key {@code billed_date}, holding dates, date-times with offsets, and some missing, null or
 * malformed values.
 */
final class AnalyzeGenerator {

    static final String BILLED = "billed_date";
    static final String[] GRANULARITIES = {"DAILY", "MONTHLY", "YEARLY"};
    static final String[] OPERATORS = {
            "count", "sum", "average", "max", "min", "push", "add_to_set", "merge_objects"};
    static final String[] CONDITION_OPERATORS = {"eq", "not", "lt", "lte", "gt", "gte"};
    /** Group keys: few-valued strings, mixed types, dotted keys, keys crossing arrays. */
    static final String[] GROUP_KEYS = {
            "team", "region", "a", "b", "data.x", "data.x.y", "tags.x", "tags.y", "items", "items.x", "n", "missing",
            "billed_date"};
    static final String[] TEAMS = {"core", "web", "Ops", "data"};
    /**
     * Strings that are not date-times by docs/query.md (the stored forms, with a valid date and time:
     * hours 00-23 and seconds 00-59, so neither 24:00:00 nor a leap second), which bucket as null
     * and fall outside any start/end.
     */
    static final String[] BAD_DATES = {
            "2024-02-30", "2024-6-5", "not-a-date", "2024-13-01", "2024-05-17T25:00:00Z", "", "20240517",
            "2023-02-29", "2024-05-17T10:00:00.1234567Z", "2024-05-17t10:00:00Z", "2024-05-17T10:00:00+0900",
            "2024-05-17T10:00Z", " 2024-05-17", "2024-05-17\n", "2024-05-17T24:00:00Z", "2024-05-31T23:59:60Z",
            "2024-05-17T10:00:00+24:00"};
    static final Instant FIRST = Instant.parse("2023-01-01T00:00:00Z");
    static final long SPAN_SECONDS = 2L * 365 * 24 * 60 * 60;

    private final Generators g;
    private final QueryGenerator conditions;

    AnalyzeGenerator(Generators generators) {
        this.g = generators;
        this.conditions = new QueryGenerator(generators);
    }

    // ---- documents ---------------------------------------------------------------------------

    /** Documents in creation order; {@code billed} adds the {@code billed_date} key. */
    List<ObjectNode> documents(int count, boolean billed) {
        List<ObjectNode> documents = g.documents(count);
        long step = SPAN_SECONDS / count;
        Instant created = FIRST;
        for (ObjectNode document : documents) {
            created = created.plusSeconds(1 + (long) (g.random().nextDouble() * 2 * step));
            // a few documents near midnight, so that offsets move them across a day
            Instant at = g.chance(0.15) ? created.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                    .plusSeconds(24 * 3600 - 1 - g.random().nextInt(3 * 3600)) : created;
            if (g.chance(0.05)) {
                // exactly midnight, the first instant of a day (and of a month or year at times)
                at = created.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(1, java.time.temporal.ChronoUnit.DAYS);
            }
            if (at.isBefore(created)) {
                at = created;
            }
            created = at;
            document.put("created_at", Generators.CREATED.format(
                    created.getNano() == 0 && created.getEpochSecond() % 86400 == 0 ? created
                            : created.plusMillis(g.random().nextInt(1000))));
            if (g.chance(0.8)) {
                document.put("team", g.pick(TEAMS));
            }
            if (g.chance(0.8)) {
                document.set("region", g.chance(0.7) ? Generators.NODES.stringNode(g.pick(new String[] {"kr", "us", "eu"}))
                        : g.scalar());
            }
            if (g.chance(0.8)) {
                document.set("cost", g.chance(0.8) ? Generators.NODES.numberNode(g.random().nextInt(100))
                        : Generators.NODES.numberNode(g.decimal()));
            }
            if (billed) {
                billedDate(document, created);
            }
        }
        return documents;
    }

    private void billedDate(ObjectNode document, Instant created) {
        LocalDate day = LocalDate.ofInstant(created, ZoneOffset.UTC);
        int kind = g.random().nextInt(20);
        if (kind < 11) {
            document.put(BILLED, day.toString());
        } else if (kind < 13) {
            // a date-time, maybe with an offset that moves it across midnight UTC
            String offset = g.pick(new String[] {"Z", "+09:00", "-05:00", ""});
            document.put(BILLED, day + "T" + String.format("%02d:%02d:00", g.random().nextInt(24), g.random().nextInt(60))
                    + offset);
        } else if (kind < 14) {
            document.put(BILLED, day + " 23:30:00.5-02:00");
        } else if (kind < 16) {
            // missing
        } else if (kind < 17) {
            document.putNull(BILLED);
        } else if (kind < 19) {
            document.put(BILLED, g.pick(BAD_DATES));
        } else if (g.chance(0.5)) {
            document.set(BILLED, g.chance(0.5) ? Generators.NODES.numberNode(20240517) : g.scalar());
        } else {
            // not a date-time itself, though a filter would find dates inside: an analyze query reads
            // the row's date through objects only, as the pipeline reads every key
            ArrayNode dates = document.putArray(BILLED);
            dates.add(day.toString());
            if (g.chance(0.5)) {
                dates.add(day.plusDays(40).toString());
            }
        }
    }

    // ---- queries -----------------------------------------------------------------------------

    ObjectNode analyzeQuery(List<ObjectNode> documents) {
        ObjectNode query = Generators.NODES.objectNode();
        if (g.chance(0.25)) {
            query.putArray("filter").add(conditions.condition(documents));
        }
        boolean dated = g.chance(0.7);
        if (dated) {
            query.put("granularity", g.pick(GRANULARITIES));
        }
        if (g.chance(0.35)) {
            query.put("start", period(true));
        }
        if (g.chance(0.35)) {
            query.put("end", period(false));
        }

        // group keys, with names unique and distinct from the fields' (f0, f1, f2) and "date"
        List<String> keyNames = new ArrayList<>();
        int keyCount = g.random().nextInt(3);
        if (keyCount > 0 || g.chance(0.2)) {
            ArrayNode groupBy = query.putArray("group_by");
            for (int index = 0; index < keyCount; index++) {
                String key = g.pick(GROUP_KEYS);
                String last = key.substring(key.lastIndexOf('.') + 1);
                if (!keyNames.contains(last) && g.chance(0.6)) {
                    groupBy.add(key);
                    keyNames.add(last);
                } else {
                    String name = "g" + index;
                    groupBy.addObject().put("key", key).put("name", name);
                    keyNames.add(name);
                }
            }
        }
        if (dated) {
            keyNames.add("date");
        }

        ObjectNode fields = query.putObject("fields");
        List<String> fieldNames = new ArrayList<>();
        List<String> numeric = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        int fieldCount = 1 + g.random().nextInt(3);
        for (int index = 0; index < fieldCount; index++) {
            String name = "f" + index;
            String operator = g.pick(OPERATORS);
            ObjectNode field = fields.putObject(name).put("operator", operator);
            if (!operator.equals("count")) {
                field.put("key", operator.equals("merge_objects") ? g.pick(new String[] {"data", "tags", "items"})
                        : g.chance(0.4) ? "cost" : g.chance(0.1) ? BILLED : g.key());
            }
            if (operator.equals("push") && g.chance(0.3)) {
                field.remove("key");
                ObjectNode pushed = field.putObject("fields");
                pushed.put("p0", g.chance(0.5) ? "cost" : g.key());
                pushed.put("p1", "id");
            }
            if ((operator.equals("count") || operator.equals("sum") || operator.equals("average")) && g.chance(0.25)) {
                String key = g.chance(0.5) ? "team" : g.key();
                var value = g.scalarFor(key, documents);
                field.putArray("conditions").addObject().put("key", key)
                        .put("operator", g.pick(CONDITION_OPERATORS))
                        .set("value", value.isNull() ? Generators.NODES.numberNode(1) : value);
            }
            fieldNames.add(name);
            if (operator.equals("count") || operator.equals("sum") || operator.equals("average")) {
                numeric.add(name);
            }
            if (operator.equals("push") || operator.equals("add_to_set")) {
                arrays.add(name);
            }
        }

        List<String> rowNames = new ArrayList<>(keyNames);
        rowNames.addAll(fieldNames);
        boolean folding = !keyNames.isEmpty() && g.chance(0.35);
        if (folding) {
            List<String> carried = new ArrayList<>(keyNames);
            if (g.chance(0.2)) {
                // a select that only copies: every field, and all group keys but perhaps one not folded
                ObjectNode select = query.putObject("select");
                List<String> kept = new ArrayList<>(keyNames);
                if (kept.size() > 1 && g.chance(0.5)) {
                    kept.remove(g.random().nextInt(kept.size()));
                }
                kept.forEach(name -> select.put(name, name));
                fieldNames.forEach(name -> select.put(name, name));
                carried = kept;
            }
            ArrayNode fieldGroup = query.putArray("field_group");
            List<String> folded = new ArrayList<>();
            String first = carried.contains("date") && g.chance(0.6) ? "date" : g.pick(carried);
            folded.add(first);
            if (carried.size() > 1 && g.chance(0.25)) {
                String second = g.pick(carried);
                if (!folded.contains(second)) {
                    folded.add(second);
                }
            }
            folded.forEach(fieldGroup::add);
            rowNames = new ArrayList<>(carried);
            rowNames.removeAll(folded);
            for (String name : fieldNames) {
                rowNames.add(name);
                rowNames.add("_total_" + name);
            }
            if (g.chance(0.1)) {
                // a folded key: the rows no longer carry it
                rowNames.add(folded.get(0));
            }
        } else if (g.chance(0.3)) {
            rowNames = select(query, keyNames, fieldNames, numeric, arrays);
        }

        if (g.chance(0.5) && !rowNames.isEmpty()) {
            ArrayNode sort = query.putArray("sort");
            int count = 1 + g.random().nextInt(2);
            for (int index = 0; index < count; index++) {
                ObjectNode key = sort.addObject().put("key", g.pick(rowNames));
                if (g.chance(0.7)) {
                    key.put("desc", g.chance(0.5));
                }
            }
        }
        if (g.chance(0.4)) {
            ObjectNode page = query.putObject("page");
            if (g.chance(0.8)) {
                page.put("start", 1 + g.random().nextInt(3));
            }
            if (g.chance(0.8)) {
                // now and then past the largest page
                page.put("limit", g.chance(0.1) ? 30 : 1 + g.random().nextInt(6));
            }
        }
        return query;
    }

    /** A select: copies of some group keys (under their own names) and fields, and project operators. */
    private List<String> select(ObjectNode query, List<String> keyNames, List<String> fieldNames, List<String> numeric,
                                List<String> arrays) {
        ObjectNode select = query.putObject("select");
        List<String> names = new ArrayList<>();
        for (String key : keyNames) {
            if (g.chance(0.7)) {
                select.put(key, key);
                names.add(key);
            }
        }
        for (String field : fieldNames) {
            if (g.chance(0.6)) {
                String name = g.chance(0.5) ? field : "c_" + field;
                if (g.chance(0.5)) {
                    select.put(name, field);
                } else {
                    select.putObject(name).put("key", field);
                }
                names.add(name);
            }
        }
        if (!arrays.isEmpty() && g.chance(0.5)) {
            select.putObject("size").put("operator", g.chance(0.5) ? "size" : "sum").put("key", g.pick(arrays));
            names.add("size");
        }
        if (!numeric.isEmpty() && (g.chance(0.5) || names.isEmpty())) {
            String operator = g.pick(new String[] {"add", "subtract", "multiply", "divide"});
            ArrayNode operands = select.putObject("calc").put("operator", operator).putArray("fields");
            operands.add(g.pick(numeric));
            if (g.chance(0.5)) {
                operands.add(g.pick(numeric));
            } else {
                operands.add(g.random().nextInt(3));
            }
            names.add("calc");
        }
        if (names.isEmpty()) {
            String field = g.pick(fieldNames);
            select.put(field, field);
            names.add(field);
        }
        return names;
    }

    /** {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} within (and just around) the documents' two years. */
    private String period(boolean start) {
        LocalDate day = LocalDate.of(2022, 12, 1).plusDays(g.random().nextInt(800));
        return switch (g.random().nextInt(3)) {
            case 0 -> String.valueOf(day.getYear());
            case 1 -> day.toString().substring(0, 7);
            default -> day.toString();
        };
    }
}
