package dev.canopy.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import dev.canopy.server.ApiClient;
import dev.canopy.server.ApiClient.Response;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile queries for {@code list}, {@code stat} and {@code analyze}: queries built from the parts of
 * the language with, at random places, a wrong JSON type, an unknown operator or stage, a key that is
 * not a key (quotes, spaces, empty segments, too deep, too long, SQL, control characters), huge or
 * negative numbers, regular expressions and dates that do not parse, deeply nested JSON. Every answer
 * is a 200 (the input happened to be valid) or a 400 with Cloudforet's error body, never a 500, and
 * never shows SQL or a stack trace. Seeded, so a failure can be replayed; {@code -Dcanopy.fuzz.seed=N}
 * explores other cases.
 */
class QueryFuzzIT extends TestServer {

    private static final long SEED = Long.getLong("canopy.fuzz.seed", 20261122L);
    private static final int CASES = 450;
    private static final String BASE = "/api/config/domain-config/";
    private static final List<String> LEAKS = List.of(
            "Exception", "\tat ", "SELECT", " FROM ", "jsonb", "PSQL", "SQLState", "org.postgresql", "syntax error",
            "dev.canopy.");

    private static final List<String> OPERATORS = List.of(
            "eq", "not", "lt", "lte", "gt", "gte", "exists", "contain", "not_contain", "in", "not_in", "contain_in",
            "not_contain_in", "like", "regex", "regex_in", "datetime_lt", "datetime_lte", "datetime_gt", "datetime_gte",
            "timediff_lt", "timediff_lte", "timediff_gt", "timediff_gte");
    private static final List<String> BAD_OPERATORS = List.of(
            "zz", "EQ", "", " eq", "$where", "eq;--", "ne", "match", "\u0000", "contain_in_in");
    private static final List<String> GOOD_KEYS = List.of(
            "name", "data.size", "data.disks.size", "tags.env", "created_at", "updated_at", "domain_id", "data.a-b:c/d@e",
            "data", "tags", "data.x.y.z");
    private static final List<String> BAD_KEYS = List.of(
            "", ".", "..", "data..size", "data.", ".data", "data size", "data\"size", "data'size", "data`x`",
            "data;DROP TABLE domain_config", "' OR 1=1 --", "data') OR ('1'='1", "data.size::text", "data->x", "$1", "?",
            "data\u0000x", "data\u0001x", "data\nx", "data\tx", "\u202edata", "dätä", "data.*", "data[0]", "data.0",
            "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s", "k".repeat(300), ("a.").repeat(200) + "a", "%", "_", "\\");
    private static final List<String> BAD_REGEXES = List.of(
            "(", ")", "[z-a]", "a{99999}", "a{2,1}", "*", "a**", "a++", "(?<n>a)", "\\p{L}", "\\Q.\\E", "[[:nope:]]",
            "\\", "(a+)+$", "(?i)a", "[", "a{1,99999}", "((((((((((a))))))))))", "\\k<n>", "(?=a)", "\u0000");
    private static final List<String> BAD_DATES = List.of(
            "", "yesterday", "2024-13-01", "2024-02-30", "0000-00-00", "99999-01-01", "2024-05-01T25:00:00Z",
            "2024-05-01T09:30:00+25:00", "2024-05-01T09:30:00.1234567Z", "1e10", "2024/05/01", "2024-5-1", "T09:30:00",
            "2024-05-01T09:30:00ZZ", "now");
    private static final List<String> BAD_TIMEDIFFS = List.of(
            "", "now-", "now-1y", "now - - 1d", "now-99999999999999d", "now-9223372036854775807s", "now/x", "NOW",
            "now-1.5d", "now+1d+1d", "then", "now/d/d", "now -1 d", "now-1e3s", "-1d", "now\u0000");
    private static final List<String> GOOD_VALUES = List.of(
            "1", "\"x\"", "true", "false", "null", "0", "-1", "1.5", "\"2024-05-01\"", "\"now-1d\"", "\"%a_\"", "\"^a\"",
            "[1, \"a\"]", "[]", "[null]");
    private static final List<String> JUNK = List.of(
            "null", "true", "false", "0", "-1", "1.5", "1e309", "-1e309", "99999999999999999999", "-99999999999999999999",
            "2147483648", "-2147483649", "9223372036854775808", "\"\"", "\"x\"", "\"\\u0000\"", "\"\\u0001\\u001f\"",
            "\"" + "z".repeat(5000) + "\"", "[]", "[[]]", "[{}]", "{}", "{\"\": null}", "[1, \"a\", null, {}]",
            "\"' OR 1=1 --\"", "\"; DROP TABLE domain_config; --\"", "\"\\ud800\"", "{\"$ne\": 1}", "[" + "1,".repeat(5000) + "1]");
    private static final List<String> STAGES = List.of("group", "unwind", "count", "sort", "project", "limit", "skip");
    private static final List<String> GROUP_OPERATORS = List.of(
            "count", "sum", "average", "max", "min", "push", "add_to_set", "merge_objects");
    private static final List<String> PROJECT_OPERATORS = List.of("size", "sum", "add", "subtract", "multiply", "divide");

    @LocalServerPort
    int port;

    private Random random;
    /** How often, in percent, a part of the current case is replaced by something wrong. */
    private int hostility;
    private boolean analyzeMissing;

    @Test
    void hostileQueriesGetAnErrorBodyNeverA500() {
        ApiClient api = ApiClient.admin(port);
        random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        int successes = 0;
        java.util.Map<String, Integer> refusals = new java.util.TreeMap<>();
        for (int index = 0; index < CASES; index++) {
            // a third of the cases are well-formed but for hostile values, so that they reach the database
            hostility = List.of(0, 4, 12).get(random.nextInt(3));
            int target = random.nextInt(3);
            String verb = List.of("list", "stat", "analyze").get(target);
            String query = switch (target) {
                case 0 -> listQuery();
                case 1 -> statQuery();
                default -> analyzeQuery();
            };
            String body = hostility > 0 && random.nextInt(10) == 0 ? textual("{\"query\": " + query + "}") : "{\"query\": " + query + "}";

            Response response = api.post(BASE + verb, body);

            if (verb.equals("analyze") && response.status() == 404 && "api".equals(response.errorKey())) {
                analyzeMissing = true; // the verb is not served (yet): nothing of the query was looked at
                continue;
            }
            if (response.status() == 200) {
                successes++;
            } else if (hostility == 0 && response.status() == 400) {
                refusals.merge(response.body().at("/error/details/reason").asString().replaceAll("'.*'", "'..'"), 1, Integer::sum);
            }
            String problem = problem(response);
            if (problem != null) {
                problems.add("case " + index + ": " + problem + "\n  POST " + BASE + verb + " " + abbreviate(body)
                        + "\n  -> " + response.status() + " " + abbreviate(response.raw()));
            }
        }
        System.out.println("QueryFuzzIT: " + successes + " of " + CASES + " answered 200; refusals of well-formed cases: "
                + refusals);
        assertThat(problems).as("seed " + SEED + ": " + problems.size() + " bad answers; the first ones:\n"
                + String.join("\n", problems.subList(0, Math.min(problems.size(), 12)))).isEmpty();
        assertThat(successes).as("valid queries among the cases (all refused: the fuzzing never reached the database)")
                .isGreaterThan(CASES / 20);
        assertThat(analyzeMissing).as("POST " + BASE + "analyze answers 404: the verb is not served").isFalse();
    }

    /** What is wrong with an answer, or null. */
    private static String problem(Response response) {
        if (response.status() != 200 && response.status() != 400) {
            return "status " + response.status();
        }
        if (response.status() == 400) {
            if (response.body() == null || !response.errorCode().startsWith("ERROR_")) {
                return "no error body";
            }
            if (response.body().at("/error/message").asString().isBlank()) {
                return "no error message";
            }
        }
        for (String leak : LEAKS) {
            if (response.raw().contains(leak)) {
                return "the answer shows '" + leak.strip() + "'";
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------ generators

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A value where {@code valid} fits, or (sometimes) anything at all. */
    private String or(String valid) {
        return chance(hostility) ? pick(JUNK) : valid;
    }

    private static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char character : text.toCharArray()) {
            switch (character) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (character < 0x20) {
                        json.append(String.format("\\u%04x", (int) character));
                    } else {
                        json.append(character);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private String key() {
        return string(chance(2 * hostility) ? pick(BAD_KEYS) : pick(GOOD_KEYS));
    }

    private String list(int max, Function<Random, String> item) {
        List<String> items = new ArrayList<>();
        for (int count = random.nextInt(max + 1); count > 0; count--) {
            items.add(item.apply(random));
        }
        return "[" + String.join(", ", items) + "]";
    }

    private String object(List<String> members) {
        List<String> kept = new ArrayList<>();
        for (String member : members) {
            if (member != null && (hostility == 0 || chance(70))) {
                kept.add(member);
            }
        }
        if (chance(hostility / 2)) {
            kept.add(string(pick(List.of("unknown", "k", "$where", "", "filter "))) + ": " + pick(JUNK));
        }
        return "{" + String.join(", ", kept) + "}";
    }

    private String member(String name, String value) {
        return string(name) + ": " + or(value);
    }

    private String condition() {
        int badValues = hostility == 0 ? 10 : 60;
        String operator = chance(hostility) ? pick(BAD_OPERATORS) : pick(OPERATORS);
        String value = switch (operator) {
            case "regex", "like" -> string(chance(badValues) ? pick(BAD_REGEXES) : pick(List.of("a", "^a.*[0-9]$", "%\\_")));
            case "regex_in" -> "[" + string(chance(badValues) ? pick(BAD_REGEXES) : "b|c") + ", \"a\"]";
            case "datetime_lt", "datetime_lte", "datetime_gt", "datetime_gte" ->
                    string(chance(badValues) ? pick(BAD_DATES) : pick(List.of("2024-05-01T09:30:00Z", "2024-05-01", "1970-01-01T00:00:00.123456-12:00",
                            "9999-12-31T23:59:59.999999-14:00", "0001-01-01", "0000-01-01T00:00:00+14:00")));
            case "timediff_lt", "timediff_lte", "timediff_gt", "timediff_gte" ->
                    string(chance(badValues) ? pick(BAD_TIMEDIFFS) : pick(List.of("now-1d", "now/w", "now/m + 3h", "now-99999w", "now-999999999w",
                            "now+2147483647d", "now - 9223372036854775807 s")));
            case "exists" -> hostility == 0 ? pick(List.of("true", "false")) : pick(List.of("true", "false", "\"true\"", "1", "null"));
            case "in", "not_in" -> hostility == 0 ? pick(List.of("[1, \"a\", null]", "[]", "[true]")) : pick(GOOD_VALUES);
            case "contain_in", "not_contain_in" -> hostility == 0 ? pick(List.of("[\"a\", \"%\"]", "[\"_\"]")) : pick(GOOD_VALUES);
            case "contain", "not_contain" -> hostility == 0 ? pick(List.of("\"a\"", "\"%_\\\\\"", "\"\"")) : pick(GOOD_VALUES);
            case "lt", "lte", "gt", "gte" -> hostility == 0 ? pick(List.of("1", "\"x\"", "true", "-1.5e300")) : pick(GOOD_VALUES);
            default -> hostility == 0 ? pick(List.of("1", "\"x\"", "true", "null", "99999999999999999999")) : pick(GOOD_VALUES);
        };
        boolean longNames = random.nextBoolean();
        return object(Arrays.asList(
                member(longNames ? "key" : "k", key()),
                member(longNames ? "value" : "v", value),
                member(longNames ? "operator" : "o", string(operator))));
    }

    private String conditions() {
        return chance(hostility / 2) ? pick(JUNK) : list(hostility == 0 ? 2 : 4, r -> condition());
    }

    private String page() {
        List<String> numbers = List.of("1", "2", "0", "-1", "-2147483648", "2147483647", "2147483648", "1000", "1001",
                "99999999999999999999", "1.5", "1e3", "\"1\"", "null", "true");
        if (hostility == 0) {
            numbers = List.of("1", "2", "0", "-1", "1000", "1001", "2147483647");
        }
        return object(Arrays.asList(member("start", pick(numbers)), member("limit", pick(numbers))));
    }

    private String sortKeys(boolean outputNames) {
        Function<Random, String> sortKey = r -> object(Arrays.asList(
                member("key", outputNames && chance(60) ? string(pick(hostility == 0 ? List.of("n", "kind", "total")
                        : List.of("n", "kind", "total", "1x", "a b", ""))) : key()),
                member("desc", pick(hostility == 0 ? List.of("true", "false") : List.of("true", "false", "\"true\"", "1", "null")))));
        return switch (random.nextInt(3)) {
            case 0 -> list(3, sortKey);
            case 1 -> sortKey.apply(random);
            default -> object(Arrays.asList(member("keys", list(3, sortKey))));
        };
    }

    private String listQuery() {
        return or(object(Arrays.asList(
                member("filter", conditions()),
                member("filter_or", conditions()),
                member("sort", sortKeys(false)),
                member("page", page()),
                member("only", list(3, r -> key())),
                member("keyword", string(pick(hostility == 0 ? List.of("a", "", " ", "%", "_", "\\", "a b c", "' OR 1=1 --")
                        : List.of("a", "", " ", "%", "_", "\\", "a b c", "x".repeat(2000), "\u0001")))),
                member("count_only", pick(hostility == 0 ? List.of("true", "false") : List.of("true", "false", "\"yes\"", "1"))),
                member("minimal", pick(hostility == 0 ? List.of("true", "false") : List.of("true", "false", "0"))))));
    }

    private String name() {
        return string(chance(hostility) ? pick(List.of("", "1x", "a b", "a.b", "x".repeat(100), "$n", "_total_n", "date"))
                : pick(List.of("n", "kind", "total", "items")));
    }

    private String groupField() {
        if (hostility == 0) {
            String operator = pick(GROUP_OPERATORS);
            return object(Arrays.asList(
                    operator.equals("count") ? null : member("key", key()),
                    member("name", name()),
                    member("operator", string(operator)),
                    operator.equals("push") && random.nextBoolean()
                            ? member("fields", "[{\"key\": " + key() + ", \"name\": \"a\"}]") : null,
                    List.of("count", "sum", "average").contains(operator) && random.nextBoolean()
                            ? member("conditions", "[{\"key\": " + key() + ", \"value\": " + pick(List.of("1", "\"x\"", "null"))
                                    + ", \"operator\": " + string(pick(List.of("eq", "not", "lt", "gte"))) + "}]") : null));
        }
        String operator = chance(hostility) ? pick(List.of("median", "", "COUNT", "$sum")) : pick(GROUP_OPERATORS);
        return object(Arrays.asList(
                member("key", key()),
                member("name", name()),
                member("operator", string(operator)),
                chance(20) ? member("fields", list(2, r -> object(Arrays.asList(member("key", key()), member("name", name()))))) : null,
                chance(20) ? member("conditions", list(2, r -> condition())) : null));
    }

    private String groupKey() {
        return object(Arrays.asList(
                member("key", key()),
                member("name", name()),
                chance(30) ? member("date_format", string(pick(hostility == 0
                        ? List.of("%Y", "%Y-%m-%d", "year", "month", "day", "%%", "%j %H:%M:%S", "'; --")
                        : List.of("%Y", "%Y-%m-%d", "year", "month", "day", "%", "%q", "%%", "%j %H:%M:%S", "x".repeat(500),
                        "'; --")))) : null));
    }

    private String operand() {
        return pick(List.of("\"n\"", "\"total\"", "0", "2", "-1", "1e309", "null", "{}", "[]", "\"a b\"", "\"x.y\""));
    }

    private String projectField() {
        if (hostility == 0) {
            String operator = pick(PROJECT_OPERATORS);
            boolean readsKey = operator.equals("size") || operator.equals("sum");
            String operands = "[" + pick(List.of("\"n\"", "\"total\"", "0", "-1.5", "1e300")) + ", "
                    + pick(List.of("\"n\"", "\"total\"", "0", "2")) + "]";
            return object(Arrays.asList(readsKey ? member("key", key()) : null, member("name", name()),
                    random.nextBoolean() ? member("operator", string(operator)) : null,
                    readsKey ? null : member("fields", operands)));
        }
        return object(Arrays.asList(
                member("key", key()),
                member("name", name()),
                member("operator", string(chance(hostility) ? "modulo" : pick(PROJECT_OPERATORS))),
                chance(50) ? member("fields", list(3, r -> operand())) : null));
    }

    private String stage() {
        String stage = chance(hostility) ? pick(List.of("match", "lookup", "$group", "", "Group")) : pick(STAGES);
        String body = switch (stage) {
            case "group" -> object(Arrays.asList(member("keys", list(2, r -> groupKey())),
                    member("fields", hostility == 0 ? "[" + groupField() + "]" : list(3, r -> groupField()))));
            case "unwind" -> object(Arrays.asList(member("path", key())));
            case "count" -> object(Arrays.asList(member("name", name())));
            case "sort" -> sortKeys(true);
            case "project" -> object(Arrays.asList(
                    member("fields", hostility == 0 ? "[" + projectField() + "]" : list(3, r -> projectField())),
                    member("exclude_keys", pick(hostility == 0 ? List.of("true", "false") : List.of("true", "false", "1")))));
            case "limit", "skip" -> hostility == 0 ? pick(List.of("1", "3", "2147483647")) : pick(List.of("1", "0", "-1", "2147483647", "2147483648", "1.5", "\"1\"", "null", "{}"));
            default -> "{}";
        };
        if (chance(hostility / 2)) {
            return "{" + string(stage) + ": " + or(body) + ", \"limit\": 1}";
        }
        return "{" + string(stage) + ": " + or(body) + "}";
    }

    private String statQuery() {
        return or(object(Arrays.asList(
                member("filter", conditions()),
                member("filter_or", conditions()),
                member("aggregate", chance(hostility / 2) ? pick(JUNK) : "[" + stage() + ", " + stage() + "]"),
                member("page", page()))));
    }

    private String analyzeQuery() {
        List<String> period = List.of("\"2024\"", "\"2024-05\"", "\"2024-05-01\"", "\"\"", "\"2024-13\"",
                "\"2024-02-30\"", "\"24\"", "\"2024-05-01T00:00:00Z\"", "2024", "null");
        String fields = "{" + String.join(", ", List.of(
                name() + ": " + or(object(Arrays.asList(member("key", key()),
                        member("operator", string(chance(hostility) ? "median" : pick(GROUP_OPERATORS)))))),
                name() + ": " + or("{\"operator\": \"count\"}"))) + "}";
        String select = "{" + name() + ": " + or(chance(50) ? string("n")
                : object(Arrays.asList(member("operator", string(pick(PROJECT_OPERATORS))), member("fields", list(2, r -> operand())),
                        member("key", key())))) + "}";
        return or(object(Arrays.asList(
                member("granularity", string(pick(hostility == 0 ? List.of("DAILY", "MONTHLY", "YEARLY")
                        : List.of("DAILY", "MONTHLY", "YEARLY", "daily", "HOURLY", "")))),
                member("start", pick(hostility == 0 ? period.subList(0, 3) : period)),
                member("end", pick(hostility == 0 ? period.subList(0, 3) : period)),
                member("group_by", list(3, r -> chance(50) ? key() : object(Arrays.asList(member("key", key()), member("name", name()))))),
                member("fields", fields),
                member("select", select),
                member("field_group", list(2, r -> name())),
                member("filter", conditions()),
                member("filter_or", conditions()),
                member("sort", list(2, r -> object(Arrays.asList(member("key", name()), member("desc", "true"))))),
                member("page", page()))));
    }

    /** Text-level damage: deep nesting, a cut, or a stray character. */
    private String textual(String body) {
        return switch (random.nextInt(4)) {
            case 0 -> "{\"query\": {\"filter\": " + "[".repeat(3000) + "]".repeat(3000) + "}}";
            case 1 -> "{\"query\": {\"aggregate\": [{\"group\": " + "{\"a\": ".repeat(600) + "1" + "}".repeat(600) + "}]}}";
            case 2 -> body.substring(0, random.nextInt(body.length()));
            default -> {
                char[] characters = body.toCharArray();
                characters[random.nextInt(characters.length)] = (char) (32 + random.nextInt(95));
                yield new String(characters);
            }
        };
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }
}
