package dev.canopy.bench.query;

import java.time.OffsetDateTime;
import java.util.List;

import dev.canopy.query.SqlStatement;

/**
 * One benchmark query: the Cloudforet query as a client sends it, and the same query written by
 * hand against {@code cloud_resource} the way an engineer who knows the table would write it: hot
 * keys through their columns, the language's order of missing values (first ascending, last
 * descending) spelled out, conditions inside {@code doc} as constant {@code @>} / {@code @?}
 * expressions the GIN index understands, scalar values bound. Both read the same domain and must
 * return the same rows.
 *
 * @param name           the query's name in the output
 * @param kind           which parser and compiler entry point the JSON goes to
 * @param json           the Cloudforet query
 * @param handRows       the hand-written statement returning the rows
 * @param handCount      the hand-written count before paging, or null when the verb returns none
 * @param ordered        whether the rows come in a defined order (compared in order) or not (compared as a multiset)
 * @param expectedRows   indexes a good plan of the rows statement uses (any one of them); empty when a
 *                       sequential scan is the right plan
 * @param expectedCount  the same for the count statement
 * @param targetMillis   the absolute target of the median, 0 for none
 */
record BenchQuery(String name, Kind kind, String json, SqlStatement handRows, SqlStatement handCount, boolean ordered,
                  List<String> expectedRows, List<String> expectedCount, double targetMillis) {

    enum Kind { LIST, STAT, ANALYZE }

    static final String DOMAIN = CloudResourceGenerator.DOMAINS.get(0);

    /** The sum of {@code data.cost.monthly} as the language defines it: numbers only, 0 when none. */
    private static final String MONTHLY_COST_SUM = "coalesce(sum(CASE WHEN jsonb_typeof(doc -> 'data' -> 'cost' -> 'monthly')"
            + " = 'number' THEN (doc -> 'data' -> 'cost' ->> 'monthly')::numeric END), 0)";

    static List<BenchQuery> all() {
        return List.of(listDiskType(), listLargeDisk(), keyword(), statByRegion(), analyzeMonthly());
    }

    /** Two column filters and one inside the array {@code data.disks}, sorted by name. */
    private static BenchQuery listDiskType() {
        String where = " FROM cloud_resource WHERE domain_id = ? AND provider = ? AND state = ?"
                + " AND doc @> '{\"data\": {\"disks\": [{\"type\": \"gp3\"}]}}'";
        Object[] values = {DOMAIN, "aws", "ACTIVE"};
        return new BenchQuery("list_disk_type", Kind.LIST, """
                {"filter": [{"k": "provider", "v": "aws", "o": "eq"},
                            {"k": "state", "v": "ACTIVE", "o": "eq"},
                            {"k": "data.disks.type", "v": "gp3", "o": "eq"}],
                 "sort": [{"key": "name"}],
                 "page": {"start": 1, "limit": 20}}""",
                SqlStatement.of("SELECT doc" + where + " ORDER BY name NULLS FIRST, created_at, id LIMIT ? OFFSET ?",
                        append(values, 20, 0L)),
                SqlStatement.of("SELECT count(*)" + where, values),
                true,
                List.of("cloud_resource_name", "cloud_resource_doc"),
                List.of("cloud_resource_doc", "cloud_resource_provider", "cloud_resource_state"),
                50);
    }

    /** A list of values, a negation and a numeric range inside an array, newest launch first. */
    private static BenchQuery listLargeDisk() {
        String where = " FROM cloud_resource WHERE domain_id = ? AND region_code IN (?, ?, ?) AND state <> ?"
                + " AND doc @?? '$.data.disks[*] ? (@.size_gb > 500)'"; // pgjdbc reads "??" as the operator's "?"
        Object[] values = {DOMAIN, "us-east-1", "eu-west-1", "westeurope", "DELETED"};
        return new BenchQuery("list_large_disk", Kind.LIST, """
                {"filter": [{"k": "region_code", "v": ["us-east-1", "eu-west-1", "westeurope"], "o": "in"},
                            {"k": "state", "v": "DELETED", "o": "not"},
                            {"k": "data.disks.size_gb", "v": 500, "o": "gt"}],
                 "sort": [{"key": "launched_at", "desc": true}],
                 "page": {"start": 1, "limit": 20}}""",
                SqlStatement.of("SELECT doc" + where + " ORDER BY launched_at DESC NULLS LAST, created_at, id LIMIT ? OFFSET ?",
                        append(values, 20, 0L)),
                SqlStatement.of("SELECT count(*)" + where, values),
                true,
                List.of("cloud_resource_launched_at"),
                List.of("cloud_resource_region_code"),
                50);
    }

    /** The search box: a word contained in the keyword key {@code name}, in creation order. */
    private static BenchQuery keyword() {
        String where = " FROM cloud_resource WHERE domain_id = ? AND name ILIKE ?";
        Object[] values = {DOMAIN, "%web-12%"};
        return new BenchQuery("keyword_search", Kind.LIST, """
                {"keyword": "web-12", "page": {"start": 1, "limit": 20}}""",
                SqlStatement.of("SELECT doc" + where + " ORDER BY created_at, id LIMIT ? OFFSET ?", append(values, 20, 0L)),
                SqlStatement.of("SELECT count(*)" + where, values),
                true,
                List.of("cloud_resource_name_trgm", "cloud_resource_created"),
                List.of("cloud_resource_name_trgm"),
                50);
    }

    /** Resources and monthly cost per provider and region: every document of the domain is read. */
    private static BenchQuery statByRegion() {
        return new BenchQuery("stat_by_region", Kind.STAT, """
                {"aggregate": [{"group": {
                    "keys": [{"key": "provider", "name": "provider"}, {"key": "region_code", "name": "region_code"}],
                    "fields": [{"name": "resource_count", "operator": "count"},
                               {"key": "data.cost.monthly", "name": "monthly_cost", "operator": "sum"}]}}]}""",
                SqlStatement.of("SELECT jsonb_build_object('provider', provider, 'region_code', region_code,"
                        + " 'resource_count', count(*), 'monthly_cost', " + MONTHLY_COST_SUM + ")"
                        + " FROM cloud_resource WHERE domain_id = ? GROUP BY provider, region_code", DOMAIN),
                null,
                false,
                List.of(),
                List.of(),
                1500);
    }

    /** Launches per month of 2023 and provider, with their monthly cost. */
    private static BenchQuery analyzeMonthly() {
        String month = "to_char(launched_at AT TIME ZONE 'UTC', 'YYYY-MM')";
        return new BenchQuery("analyze_monthly", Kind.ANALYZE, """
                {"granularity": "MONTHLY", "start": "2023-01", "end": "2023-12",
                 "group_by": ["provider"],
                 "fields": {"resource_count": {"operator": "count"},
                            "monthly_cost": {"key": "data.cost.monthly", "operator": "sum"}}}""",
                // Without a sort, rows come ordered by the group keys: the group_by keys, then the date.
                SqlStatement.of("SELECT jsonb_build_object('date', " + month + ", 'provider', provider,"
                                + " 'resource_count', count(*), 'monthly_cost', " + MONTHLY_COST_SUM + ")"
                                + " FROM cloud_resource WHERE domain_id = ? AND launched_at >= ? AND launched_at < ?"
                                + " GROUP BY provider, " + month + " ORDER BY provider, " + month,
                        DOMAIN, OffsetDateTime.parse("2023-01-01T00:00:00Z"), OffsetDateTime.parse("2024-01-01T00:00:00Z")),
                null,
                true,
                List.of("cloud_resource_launched_at", "seq:cloud_resource"),
                List.of(),
                1500);
    }

    private static Object[] append(Object[] values, Object... more) {
        Object[] all = new Object[values.length + more.length];
        System.arraycopy(values, 0, all, 0, values.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }
}
