package dev.canopy.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a statistics pipeline. Every stage becomes one {@code SELECT} producing a {@code jsonb}
 * row {@code r} and its position {@code o} (null when the rows have no defined order), read by
 * the next stage as a subquery. A group stage first in the pipeline reads the table directly, so
 * that declared columns group and aggregate without going through the document.
 */
final class Pipeline {

    /** Stored date-time strings that {@code date_format} reads; other strings group as null. */
    private static final String DATE_TIME_TEXT =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})?)?$";
    private static final String TIMESTAMP_TEXT = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";
    /** Pairs per jsonb_build_object call; PostgreSQL functions take at most 100 arguments. */
    private static final int PAIRS_PER_CALL = 40;

    private final Clock clock;

    Pipeline(Clock clock) {
        this.clock = clock;
    }

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
                    .orElseGet(() -> Sql.of(document + " #> CAST(? AS text[])", key.arrayLiteral()));
        }

        /** The whole row or document as {@code jsonb}. */
        Sql whole() {
            return Sql.of(document);
        }

        Sql order() {
            return Sql.of(isTable() ? "NULL::bigint" : "s.o");
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
        if (!group.keys().isEmpty()) {
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
        return column.map(Pipeline::columnValue).orElseGet(() -> source.json(key));
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
                .append(" ~ '" + DATE_TIME_TEXT + "' AND pg_input_is_valid(").append(text)
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
            condition = new ConditionCompiler(source.schema(), source.document(), clock)
                    .where(field.conditions(), List.of(), where + ".conditions", "");
        }
        if (field.operator() == GroupOperator.COUNT) {
            return condition == null ? Sql.of("count(*)")
                    : new Sql().append("count(*) FILTER (WHERE ").append(condition).append(")");
        }
        if (field.operator() == GroupOperator.PUSH && !field.fields().isEmpty()) {
            List<Sql> pairs = new ArrayList<>();
            for (int index = 0; index < field.fields().size(); index++) {
                AggregateStage.NamedKey sub = field.fields().get(index);
                KeyPath key = KeyPath.parse(sub.key(), where + ".fields[" + index + "].key");
                pairs.add(new Sql().append("CAST(? AS text), ", sub.name()).append(source.json(key)));
            }
            return new Sql().append("jsonb_agg(").append(buildObject(pairs)).append(")");
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
            case PUSH -> new Sql().append("coalesce(jsonb_agg(").append(value).append(") FILTER (WHERE ")
                    .append(value).append(" IS NOT NULL), '[]'::jsonb)");
            case ADD_TO_SET -> new Sql().append("coalesce(jsonb_agg(DISTINCT ").append(value).append(") FILTER (WHERE ")
                    .append(value).append(" IS NOT NULL), '[]'::jsonb)");
            case MERGE_OBJECTS -> new Sql().append("(SELECT coalesce(jsonb_object_agg(m.key, m.value ORDER BY a.n), '{}'::jsonb)"
                    + " FROM jsonb_array_elements(jsonb_agg(").append(value).append(") FILTER (WHERE jsonb_typeof(")
                    .append(value).append(") = 'object')) WITH ORDINALITY a(o, n), jsonb_each(a.o) m)");
            case COUNT -> throw new IllegalStateException("count is handled above");
        };
    }

    private static Sql text(Sql json) {
        return new Sql().append("CASE WHEN jsonb_typeof(").append(json).append(") = 'string' THEN ")
                .append(json).append(" #>> '{}' END COLLATE \"C\"");
    }

    private static Sql unwind(Source source, KeyPath path) {
        Sql value = source.json(path);
        return new Sql().append("SELECT jsonb_set(").append(source.whole()).append(", CAST(? AS text[]), u.e) AS r, ",
                        path.arrayLiteral()).append(source.order())
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
        // Built from VALUES so that a missing value leaves its name out, as MongoDB's $project does.
        return new Sql().append("SELECT (SELECT coalesce(jsonb_object_agg(p.k, p.v), '{}'::jsonb) FROM (VALUES ")
                .join(", ", values).append(") p(k, v) WHERE p.v IS NOT NULL) AS r, s.o").append(source.from());
    }

    private static Sql projected(Source source, AggregateStage.ProjectField field, String at) {
        if (field.operator() == null) {
            return source.json(KeyPath.parse(field.key(), at + ".key"));
        }
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
