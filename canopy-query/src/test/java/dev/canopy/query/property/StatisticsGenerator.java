package dev.canopy.query.property;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Random statistics queries in their JSON form. Sort stages only appear at the end, followed by limit and skip. */
final class StatisticsGenerator {

    static final String[] GROUP_OPERATORS = {
            "count", "sum", "average", "max", "min", "push", "add_to_set", "merge_objects"};
    static final String[] CONDITION_OPERATORS = {"eq", "not", "lt", "lte", "gt", "gte"};
    static final String[] DATE_FORMATS = {"%Y-%m-%d", "%Y-%m", "%H:%M:%S", "year", "month", "day", "%j", "%Y%%", "at %d"};

    private final Generators g;
    private final List<String> merged = new ArrayList<>();
    private final QueryGenerator conditions;

    StatisticsGenerator(Generators generators) {
        this.g = generators;
        this.conditions = new QueryGenerator(generators);
    }

    ObjectNode statisticsQuery(List<ObjectNode> documents) {
        ObjectNode query = Generators.NODES.objectNode();
        if (g.chance(0.4)) {
            ArrayNode filter = query.putArray("filter");
            filter.add(conditions.condition(documents));
        }
        ArrayNode aggregate = query.putArray("aggregate");
        merged.clear();
        List<String> names = new ArrayList<>();
        List<String> numeric = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        int shape = g.random().nextInt(8);
        switch (shape) {
            case 0 -> {
                aggregate.addObject().putObject("count").put("name", "total");
                names.add("total");
            }
            case 1 -> {
                aggregate.addObject().putObject("unwind").put("path", g.pick(new String[] {"items", "a", "data.x", "tags"}));
                group(aggregate, documents, names, numeric, arrays);
            }
            case 2 -> {
                group(aggregate, documents, names, numeric, arrays);
                project(aggregate, names, numeric, arrays);
            }
            case 3 -> {
                group(aggregate, documents, names, numeric, arrays);
                aggregate.addObject().putObject("count").put("name", "groups");
                names.clear();
                names.add("groups");
            }
            case 4 -> {
                // regroup the groups
                group(aggregate, documents, names, numeric, arrays);
                // not on a merge_objects result: which row wins a shared member is undefined
                List<String> first = new ArrayList<>(names);
                first.removeAll(merged);
                if (first.isEmpty()) {
                    first.add("none");
                }
                ObjectNode regroup = aggregate.addObject().putObject("group");
                regroup.putArray("keys").addObject().put("key", g.pick(first)).put("name", "r0");
                ArrayNode fields = regroup.putArray("fields");
                fields.addObject().put("name", "r1").put("operator", "count");
                if (!numeric.isEmpty()) {
                    fields.addObject().put("key", g.pick(numeric)).put("name", "r2").put("operator", "sum");
                }
                names.clear();
                names.add("r0");
                names.add("r1");
            }
            case 5 -> {
                aggregate.addObject().putObject("unwind").put("path", "items");
                aggregate.addObject().putObject("count").put("name", "n");
                names.add("n");
            }
            default -> group(aggregate, documents, names, numeric, arrays);
        }
        if (g.chance(0.6) && !names.isEmpty()) {
            ObjectNode sort = aggregate.addObject().putObject("sort");
            if (g.chance(0.5)) {
                sort.put("key", g.pick(names));
                if (g.chance(0.5)) {
                    sort.put("desc", g.chance(0.5));
                }
            } else {
                ArrayNode keys = sort.putArray("keys");
                int count = 1 + g.random().nextInt(2);
                for (int index = 0; index < count; index++) {
                    keys.addObject().put("key", g.pick(names)).put("desc", g.chance(0.5));
                }
            }
            if (g.chance(0.3)) {
                aggregate.addObject().put("skip", 1 + g.random().nextInt(3));
            }
            if (g.chance(0.4)) {
                aggregate.addObject().put("limit", 1 + g.random().nextInt(5));
            }
        }
        if (g.chance(0.3)) {
            ObjectNode page = query.putObject("page");
            page.put("start", 1 + g.random().nextInt(3));
            if (g.chance(0.7)) {
                page.put("limit", 1 + g.random().nextInt(6));
            }
        }
        return query;
    }

    private void group(ArrayNode aggregate, List<ObjectNode> documents, List<String> names, List<String> numeric,
                       List<String> arrays) {
        ObjectNode group = aggregate.addObject().putObject("group");
        int keyCount = g.random().nextInt(3);
        if (keyCount > 0) {
            ArrayNode keys = group.putArray("keys");
            for (int index = 0; index < keyCount; index++) {
                ObjectNode key = keys.addObject();
                if (g.chance(0.2)) {
                    key.put("key", g.chance(0.6) ? "created_at" : "a").put("name", "k" + index)
                            .put("date_format", g.pick(DATE_FORMATS));
                } else {
                    key.put("key", g.key()).put("name", "k" + index);
                }
                names.add("k" + index);
            }
        }
        ArrayNode fields = group.putArray("fields");
        int fieldCount = (keyCount == 0 ? 1 : 0) + g.random().nextInt(3);
        for (int index = 0; index < fieldCount; index++) {
            String operator = g.pick(GROUP_OPERATORS);
            String name = "f" + index;
            ObjectNode field = fields.addObject().put("name", name).put("operator", operator);
            if (!operator.equals("count")) {
                field.put("key", operator.equals("merge_objects") ? g.pick(new String[] {"data", "tags", "items"}) : g.key());
            }
            if (operator.equals("push") && g.chance(0.3)) {
                field.remove("key");
                ArrayNode pushed = field.putArray("fields");
                pushed.addObject().put("key", g.key()).put("name", "p0");
                pushed.addObject().put("key", "id").put("name", "p1");
            }
            if ((operator.equals("count") || operator.equals("sum") || operator.equals("average")) && g.chance(0.3)) {
                ArrayNode list = field.putArray("conditions");
                String key = g.key();
                var value = g.scalarFor(key, documents);
                list.addObject().put("key", key).put("operator", g.pick(CONDITION_OPERATORS))
                        .set("value", value.isNull() ? Generators.NODES.numberNode(1) : value);
            }
            names.add(name);
            if (operator.equals("merge_objects")) {
                merged.add(name);
            }
            if (operator.equals("count") || operator.equals("sum") || operator.equals("average")) {
                numeric.add(name);
            }
            if (operator.equals("push") || operator.equals("add_to_set")) {
                arrays.add(name);
            }
        }
    }

    private void project(ArrayNode aggregate, List<String> names, List<String> numeric, List<String> arrays) {
        ObjectNode project = aggregate.addObject().putObject("project");
        ArrayNode fields = project.putArray("fields");
        List<String> projected = new ArrayList<>();
        boolean exclude = g.chance(0.3);
        if (exclude) {
            project.put("exclude_keys", true);
        } else {
            names.stream().filter(name -> name.startsWith("k")).forEach(projected::add);
        }
        if (!names.isEmpty()) {
            String copied = g.pick(names);
            fields.addObject().put("key", copied).put("name", "c_" + copied);
            projected.add("c_" + copied);
        }
        if (!arrays.isEmpty()) {
            fields.addObject().put("key", g.pick(arrays)).put("name", "size").put("operator", g.chance(0.5) ? "size" : "sum");
            projected.add("size");
        }
        if (!numeric.isEmpty()) {
            String operator = g.pick(new String[] {"add", "subtract", "multiply", "divide"});
            ArrayNode operands = fields.addObject().put("name", "calc").put("operator", operator).putArray("fields");
            operands.add(g.pick(numeric));
            if (g.chance(0.5)) {
                operands.add(g.pick(numeric));
            } else {
                operands.add(g.random().nextInt(3));
            }
            projected.add("calc");
        }
        names.clear();
        names.addAll(projected);
    }
}
