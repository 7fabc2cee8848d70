package dev.canopy.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Compiles a statistics pipeline. Every stage becomes one {@code SELECT} producing a {@code jsonb}
 * row {@code r} and its position {@code o} (null when the rows have no defined order), read by
 * the next stage as a subquery. A group stage first in the pipeline reads the table directly, so
 * that declared columns group and aggregate without going through the document.
 */
final class Pipeline {

    private static final String TIMESTAMP_TEXT = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";
    /** Pairs per jsonb_build_object call; PostgreSQL functions take at most 100 arguments. */
    private static final int PAIRS_PER_CALL = 40;

    /** A relation stages read from: a table filtered by {@code where}, or the rows of a stage. */
    private record Source(TableSchema schema, Sql relation, Sql where, String document) {

        static Source table(TableSchema schema, Sql where) {
            return new Source(schema, Sql.of(schema.table()), where, "doc");
        }

        static Source rows(Sql select) {
            return new Source(null, new Sql().append("(").append(select).append(") s"), null, "s.r");
        }

        boolean isTable() {
            return schema != null;
        }

        Optional<Column> column(KeyPath key) {
            return schema == null ? Optional.empty() : schema.column(key.key());
        }

        Sql from() {
            Sql from = new Sql().append(" FROM ").append(relation);
            return where == null ? from : from.append(" WHERE ").append(where);
        }

        /** The value at a key as {@code jsonb}, reading objects only. */
        Sql json(KeyPath key) {
            return column(key).map(Pipeline::columnJson)
                    .orElseGet(() -> Sql.of(document + " #> ?", (Object) key.array()));
        }

        /** The whole row or document as {@code jsonb}. */
        Sql whole() {
            return Sql.of(document);
        }

        Sql order() {
            return Sql.of(isTable() ? "NULL::bigint" : "s.o");
        }

        /** The order rows arrive in: creation order for a table, the previous stage's order otherwise. */
        String arrival() {
            return isTable() ? "created_at, id" : "s.o";
        }
    }

    /** The rows of {@code stages} applied to the table rows matching {@code where}: a SELECT of {@code r, o}. */
    Sql compile(TableSchema schema, Sql where, List<AggregateStage> stages) {
        Source source = Source.table(schema, where);
        List<String> groupKeys = List.of();
        for (int index = 0; index < stages.size(); index++) {
            AggregateStage stage = stages.get(index);
            String at = "aggregate[" + index + "]";
            if (source.isTable() && !(stage instanceof AggregateStage.Group)) {
                source = Source.rows(new Sql().append("SELECT doc AS r, NULL::bigint AS o").append(source.from()));
            }
            Sql select = stage(source, stage, groupKeys, at);
            if (stage instanceof AggregateStage.Group group) {
                groupKeys = group.keys().stream().map(AggregateStage.GroupKey::name).toList();
            } else if (stage instanceof AggregateStage.Count || stage instanceof AggregateStage.Project) {
                groupKeys = List.of();
            }
            source = Source.rows(select);
        }
        if (source.isTable()) {
            return new Sql().append("SELECT doc AS r, NULL::bigint AS o").append(source.from());
        }
        return new Sql().append("SELECT s.r, s.o").append(source.from());
    }

    private Sql stage(Source source, AggregateStage stage, List<String> groupKeys, String at) {
        if (stage instanceof AggregateStage.Group group) {
            return group(source, group, at + ".group");
        }
        if (stage instanceof AggregateStage.Unwind unwind) {
            return unwind(source, KeyPath.parse(unwind.path(), at + ".unwind.path"));
        }
        if (stage instanceof AggregateStage.Count count) {
            return new Sql().append("SELECT jsonb_build_object(CAST(? AS text), count(*)) AS r, NULL::bigint AS o",
                    count.name()).append(source.from()).append(" HAVING count(*) > 0");
        }
        if (stage instanceof AggregateStage.Sort sort) {
            return sort(source, sort.keys(), at + ".sort");
        }
        if (stage instanceof AggregateStage.Project project) {
            return project(source, project, groupKeys, at + ".project");
        }
        if (stage instanceof AggregateStage.Limit limit) {
            return new Sql().append("SELECT s.r, s.o").append(source.from()).append(" ORDER BY s.o LIMIT ?", limit.count());
        }
        AggregateStage.Skip skip = (AggregateStage.Skip) stage;
        return new Sql().append("SELECT s.r, s.o").append(source.from()).append(" ORDER BY s.o OFFSET ?", (long) skip.count());
    }

    private Sql group(Source source, AggregateStage.Group group, String at) {
        Set<String> names = new LinkedHashSet<>();
        List<Sql> columns = new ArrayList<>();
        List<Sql> pairs = new ArrayList<>();
        for (int index = 0; index < group.keys().size(); index++) {
            AggregateStage.GroupKey key = group.keys().get(index);
            String where = at + ".keys[" + index + "]";
            requireNewName(names, key.name(), where + ".name");
            columns.add(new Sql().append(groupKey(source, KeyPath.parse(key.key(), where + ".key"), key.dateFormat(),
                    where + ".date_format")).append(" AS k" + index));
            pairs.add(Sql.of("CAST(? AS text), g.k" + index, key.name()));
        }
        for (int index = 0; index < group.fields().size(); index++) {
            AggregateStage.GroupField field = group.fields().get(index);
            String where = at + ".fields[" + index + "]";
            requireNewName(names, field.name(), where + ".name");
            columns.add(new Sql().append(aggregate(source, field, where)).append(" AS f" + index));
            pairs.add(Sql.of("CAST(? AS text), g.f" + index, field.name()));
        }
        Sql inner = new Sql().append("SELECT ").join(", ", columns).append(source.from());
        if (group.keys().isEmpty()) {
            // As MongoDB: no input rows, no group (SQL would give one row of empty aggregates).
            inner.append(" HAVING count(*) > 0");
        } else {
            List<Sql> positions = new ArrayList<>();
            for (int index = 1; index <= group.keys().size(); index++) {
                positions.add(Sql.of(String.valueOf(index)));
            }
            inner.append(" GROUP BY ").join(", ", positions);
        }
        return new Sql().append("SELECT ").append(buildObject(pairs)).append(" AS r, NULL::bigint AS o FROM (")
                .append(inner).append(") g");
    }

    private static void requireNewName(Set<String> names, String name, String where) {
        if (!names.add(name)) {
            throw new InvalidQueryException(where, "output name '" + name + "' is used twice");
        }
    }

    private static Sql buildObject(List<Sql> pairs) {
        if (pairs.isEmpty()) {
            return Sql.of("'{}'::jsonb");
        }
        List<Sql> calls = new ArrayList<>();
        for (int start = 0; start < pairs.size(); start += PAIRS_PER_CALL) {
            calls.add(new Sql().append("jsonb_build_object(")
                    .join(", ", pairs.subList(start, Math.min(pairs.size(), start + PAIRS_PER_CALL))).append(")"));
        }
        return new Sql().join(" || ", calls);
    }

    /** A group key's value, in the SQL type that groups fastest; jsonb_build_object turns it into JSON. */
    private static Sql groupKey(Source source, KeyPath key, String dateFormat, String where) {
        Optional<Column> column = source.column(key);
        if (dateFormat != null) {
            Sql timestamp = column.filter(c -> c.type() == ColumnType.TIMESTAMP)
                    .map(c -> Sql.of(c.name()))
                    .orElseGet(() -> timestampOf(source.json(key)));
            return DateFormats.format(timestamp, dateFormat, where);
        }
        // A missing key and a null value are one group.
        return column.map(Pipeline::columnValue)
                .orElseGet(() -> new Sql().append("coalesce(").append(source.json(key)).append(", 'null'::jsonb)"));
    }

    private static Sql columnValue(Column column) {
        return column.type() == ColumnType.TIMESTAMP
                ? Sql.of("to_char(" + column.name() + " AT TIME ZONE 'UTC', " + TIMESTAMP_TEXT + ")")
                : Sql.of(column.name());
    }

    private static Sql columnJson(Column column) {
        return new Sql().append("to_jsonb(").append(columnValue(column)).append(")");
    }

    /** The instant a jsonb date-time string names, or null; never an error. */
    static Sql timestampOf(Sql json) {
        Sql text = new Sql().append("(").append(json).append(" #>> '{}')");
        return new Sql().append("CASE WHEN jsonb_typeof(").append(json).append(") = 'string' AND ").append(text)
                .append(" ~ '" + DateTimes.STORED_FORM + "' AND pg_input_is_valid(").append(text)
                .append(", 'timestamptz') THEN CAST(").append(text).append(" AS timestamptz) END");
    }

    /** A jsonb number as numeric, or null for any other value. */
    static Sql numeric(Sql json) {
        return new Sql().append("CASE WHEN jsonb_typeof(").append(json).append(") = 'number' THEN CAST(")
                .append(json).append(" AS numeric) END");
    }

    private Sql aggregate(Source source, AggregateStage.GroupField field, String where) {
        Sql condition = null;
        if (!field.conditions().isEmpty()) {
            List<Sql> all = new ArrayList<>();
            for (int index = 0; index < field.conditions().size(); index++) {
                all.add(valueCondition(source, field.conditions().get(index), where + ".conditions[" + index + "]"));
            }
            condition = new Sql().append("(").join(" AND ", all).append(")");
        }
        if (field.operator() == GroupOperator.COUNT) {
            return condition == null ? Sql.of("count(*)")
                    : new Sql().append("count(*) FILTER (WHERE ").append(condition).append(")");
        }
        if (field.operator() == GroupOperator.PUSH && !field.fields().isEmpty()) {
            List<Sql> members = new ArrayList<>();
            for (int index = 0; index < field.fields().size(); index++) {
                AggregateStage.NamedKey sub = field.fields().get(index);
                KeyPath key = KeyPath.parse(sub.key(), where + ".fields[" + index + "].key");
                members.add(new Sql().append("(CAST(? AS text), ", sub.name()).append(source.json(key)).append(")"));
            }
            return new Sql().append("coalesce(jsonb_agg(").append(objectOfPresent(members))
                    .append(" ORDER BY " + source.arrival() + "), '[]'::jsonb)");
        }
        if (field.key() == null) {
            throw new InvalidQueryException(where + ".key", "operator '" + field.operator().wireName() + "' needs a key");
        }
        Sql value = source.json(KeyPath.parse(field.key(), where + ".key"));
        return switch (field.operator()) {
            case SUM -> {
                Sql sum = new Sql().append("sum(").append(numeric(value)).append(")");
                if (condition != null) {
                    sum.append(" FILTER (WHERE ").append(condition).append(")");
                }
                yield new Sql().append("coalesce(").append(sum).append(", 0)");
            }
            case AVERAGE -> condition == null
                    ? new Sql().append("CAST(avg(").append(numeric(value)).append(") AS double precision)")
                    : new Sql().append("CAST(avg(CASE WHEN ").append(condition).append(" THEN ").append(numeric(value))
                            .append(" ELSE 0 END) AS double precision)");
            case MAX -> new Sql().append("coalesce(to_jsonb(max(").append(text(value)).append(")), to_jsonb(max(")
                    .append(numeric(value)).append(")))");
            case MIN -> new Sql().append("coalesce(to_jsonb(min(").append(numeric(value)).append(")), to_jsonb(min(")
                    .append(text(value)).append(")))");
            case PUSH -> new Sql().append("coalesce(jsonb_agg(").append(value).append(" ORDER BY " + source.arrival() + ") FILTER (WHERE ")
                    .append(value).append(" IS NOT NULL), '[]'::jsonb)");
            case ADD_TO_SET -> new Sql().append("coalesce(jsonb_agg(DISTINCT ").append(value).append(") FILTER (WHERE ")
                    .append(value).append(" IS NOT NULL), '[]'::jsonb)");
            case MERGE_OBJECTS -> new Sql().append("(SELECT coalesce(jsonb_object_agg(m.key, m.value ORDER BY a.n), '{}'::jsonb)"
                    + " FROM jsonb_array_elements(jsonb_agg(").append(value).append(" ORDER BY " + source.arrival()
                            + ") FILTER (WHERE jsonb_typeof(")
                    .append(value).append(") = 'object')) WITH ORDINALITY a(o, n), jsonb_each(a.o) m)");
            case COUNT -> throw new IllegalStateException("count is handled above");
        };
    }

    /**
     * A group field's condition, with the meaning of a MongoDB aggregation expression: it compares
     * the value at the key itself (read through objects only), without looking into arrays.
     */
    private static Sql valueCondition(Source source, Condition condition, String where) {
        Sql value = source.json(KeyPath.parse(condition.key(), where + ".key"));
        JsonNode expected = condition.value();
        Sql equals = expected.isNull()
                ? new Sql().append("(").append(value).append(" IS NULL OR ").append(value).append(" = 'null'::jsonb)")
                : new Sql().append(value).append(" = CAST(? AS jsonb)", expected.toString());
        return switch (condition.operator()) {
            case EQ -> equals;
            case NOT -> ConditionCompiler.negation(equals);
            case LT, LTE, GT, GTE -> ordered(value, comparison(condition.operator()), expected, where + ".value");
            default -> throw new InvalidQueryException(where + ".operator", "conditions take eq, not, lt, lte, gt and gte");
        };
    }

    private static Sql ordered(Sql value, String comparison, JsonNode expected, String where) {
        Sql typed = new Sql().append("jsonb_typeof(").append(value).append(") = ");
        if (expected.isNumber()) {
            return typed.append("'number' AND CAST(").append(value).append(" AS numeric) " + comparison + " ?",
                    expected.decimalValue());
        }
        if (expected.isString()) {
            return typed.append("'string' AND (").append(value).append(" #>> '{}') COLLATE \"C\" " + comparison + " ?",
                    expected.asString());
        }
        if (expected.isBoolean()) {
            return typed.append("'boolean' AND CAST(").append(value).append(" AS boolean) " + comparison + " ?",
                    expected.booleanValue());
        }
        throw new InvalidQueryException(where, "must be a string, number or boolean");
    }

    private static String comparison(Operator operator) {
        return switch (operator) {
            case LT -> "<";
            case LTE -> "<=";
            case GT -> ">";
            default -> ">=";
        };
    }

    private static Sql text(Sql json) {
        return new Sql().append("CASE WHEN jsonb_typeof(").append(json).append(") = 'string' THEN ")
                .append(json).append(" #>> '{}' END COLLATE \"C\"");
    }

    private static Sql unwind(Source source, KeyPath path) {
        Sql value = source.json(path);
        return new Sql().append("SELECT jsonb_set(").append(source.whole()).append(", ?, u.e) AS r, ",
                        (Object) path.array()).append(source.order())
                .append(" AS o FROM ").append(source.relation())
                .append(" CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN ").append(value)
                .append(" IS NULL OR jsonb_typeof(").append(value).append(") = 'null' THEN '[]'::jsonb WHEN jsonb_typeof(")
                .append(value).append(") = 'array' THEN ").append(value).append(" ELSE jsonb_build_array(").append(value)
                .append(") END) u(e)");
    }

    private static Sql sort(Source source, List<SortKey> keys, String at) {
        List<Sql> terms = new ArrayList<>();
        for (int index = 0; index < keys.size(); index++) {
            SortKey key = keys.get(index);
            terms.addAll(SortOrder.ofJson(source.json(KeyPath.parse(key.key(), at + ".keys[" + index + "].key")), key.desc()));
        }
        terms.add(Sql.of("s.o"));
        return new Sql().append("SELECT s.r, row_number() OVER (ORDER BY ").join(", ", terms).append(") AS o")
                .append(source.from());
    }

    private static Sql project(Source source, AggregateStage.Project project, List<String> groupKeys, String at) {
        List<Sql> values = new ArrayList<>();
        if (!project.excludeKeys()) {
            for (String key : groupKeys) {
                values.add(new Sql().append("(CAST(? AS text), ", key).append(source.whole()).append(" -> ?)", key));
            }
        }
        for (int index = 0; index < project.fields().size(); index++) {
            AggregateStage.ProjectField field = project.fields().get(index);
            values.add(new Sql().append("(CAST(? AS text), ", field.name())
                    .append(projected(source, field, at + ".fields[" + index + "]")).append(")"));
        }
        if (values.isEmpty()) {
            return new Sql().append("SELECT '{}'::jsonb AS r, s.o").append(source.from());
        }
        return new Sql().append("SELECT ").append(objectOfPresent(values)).append(" AS r, s.o").append(source.from());
    }

    /**
     * An object of the {@code (name, value)} pairs whose value is present: built from VALUES so that
     * a missing value leaves its name out, as MongoDB's {@code $project} and {@code $push} do.
     */
    private static Sql objectOfPresent(List<Sql> members) {
        return new Sql().append("(SELECT coalesce(jsonb_object_agg(p.k, p.v), '{}'::jsonb) FROM (VALUES ")
                .join(", ", members).append(") p(k, v) WHERE p.v IS NOT NULL)");
    }

    private static Sql projected(Source source, AggregateStage.ProjectField field, String at) {
        if (field.operator() == null) {
            return source.json(KeyPath.parse(field.key(), at + ".key"));
        }
        // An operator always yields its field: null when it has no value, as in MongoDB.
        return new Sql().append("coalesce(").append(operation(source, field, at)).append(", 'null'::jsonb)");
    }

    private static Sql operation(Source source, AggregateStage.ProjectField field, String at) {
        if (field.operator().readsKey()) {
            Sql value = source.json(KeyPath.parse(field.key(), at + ".key"));
            return field.operator() == ProjectOperator.SIZE
                    ? new Sql().append("CASE WHEN jsonb_typeof(").append(value).append(") = 'array' THEN to_jsonb(jsonb_array_length(")
                            .append(value).append(")) END")
                    : new Sql().append("to_jsonb(CASE jsonb_typeof(").append(value).append(") WHEN 'array' THEN (SELECT coalesce(sum(CAST(e AS numeric)), 0)"
                            + " FROM jsonb_array_elements(").append(value).append(") e WHERE jsonb_typeof(e) = 'number') WHEN 'number' THEN CAST(")
                            .append(value).append(" AS numeric) ELSE 0 END)");
        }
        return new Sql().append("to_jsonb(").append(arithmetic(source, field.operator(), field.operands(), at)).append(")");
    }

    private static Sql arithmetic(Source source, ProjectOperator operator, List<AggregateStage.Operand> operands, String at) {
        List<Sql> terms = new ArrayList<>();
        for (int index = 0; index < operands.size(); index++) {
            String where = at + ".fields[" + index + "]";
            AggregateStage.Operand operand = operands.get(index);
            if (operand instanceof AggregateStage.Operand.Key key) {
                terms.add(numeric(source.json(KeyPath.parse(key.key(), where))));
            } else if (operand instanceof AggregateStage.Operand.Number number) {
                terms.add(Sql.of("CAST(? AS numeric)", number.value()));
            } else {
                AggregateStage.Operand.Operation operation = (AggregateStage.Operand.Operation) operand;
                terms.add(arithmetic(source, operation.operator(), operation.operands(), where));
            }
        }
        return switch (operator) {
            case ADD -> new Sql().append("(").join(" + ", terms).append(")");
            case MULTIPLY -> new Sql().append("(").join(" * ", terms).append(")");
            case SUBTRACT -> new Sql().append("(").append(terms.get(0)).append(" - ").append(terms.get(1)).append(")");
            case DIVIDE -> new Sql().append("(").append(terms.get(0)).append(" / NULLIF(").append(terms.get(1)).append(", 0))");
            case SIZE, SUM -> throw new InvalidQueryException(at + ".operator",
                    "operator '" + operator.wireName() + "' reads a key, not fields");
        };
    }
}
