package dev.canopy.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.canopy.server.ApiClient;
import dev.canopy.server.ApiClient.Response;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The query language against a fixed set of domain configs, case by case, with every expectation
 * worked out by hand from {@code docs/query.md}. The documents cover the awkward corners of JSON
 * (arrays of scalars and of objects, arrays in arrays, null, missing keys, one key holding numbers in
 * some documents and strings or booleans in others, date strings valid and invalid). Every query is
 * confined to this run's documents by a condition on {@code data.run} that the table adds to each
 * case, so the other tests' configs in the shared domain never interfere.
 *
 * <p>Documents are named {@code <prefix>n01} .. {@code <prefix>n16} and created in that order; the
 * expectations name them by their suffix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryConformanceIT extends TestServer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** {@code name}, {@code data} (without {@code run}), {@code tags} (null: none given). */
    private static final String[][] DOCUMENTS = {
            {"n01", "{'size': 10, 'label': 'Alpha', 'active': true, 'created': '2020-01-15',"
                    + " 'disks': [{'size': 100, 'type': 'ssd'}, {'size': 200, 'type': 'hdd'}], 'ports': [22, 80],"
                    + " 'owner': {'name': 'alice', 'team': 'ops'}, 'kind': 'vm', 'amount': 10}",
                    "{'env': 'prod', 'tier': 'web'}"},
            {"n02", "{'size': 20, 'label': 'beta', 'active': false, 'created': '2021-06-30T12:00:00Z',"
                    + " 'disks': [{'size': 50, 'type': 'ssd'}], 'ports': [443], 'owner': {'name': 'bob', 'team': 'dev'},"
                    + " 'kind': 'vm', 'amount': 20}",
                    "{'env': 'dev'}"},
            {"n03", "{'size': '10', 'label': 'GAMMA', 'active': 'true', 'created': 'not a date', 'disks': [], 'ports': [],"
                    + " 'owner': {'name': 'carol'}, 'kind': 'db', 'amount': '30'}",
                    "{'env': ['prod', 'test']}"},
            {"n04", "{'size': null, 'label': null, 'created': null, 'disks': [{'size': 100}], 'ports': [80, [8080, 8443]],"
                    + " 'owner': null, 'kind': null}",
                    "{}"},
            {"n05", "{'label': 'delta-1', 'created': '2030-12-31T23:59:59.5+02:00', 'disks': [{'type': 'nvme'}],"
                    + " 'nested': {'a': {'b': {'c': 5}}}, 'kind': 'vm', 'amount': 2.5}",
                    "{'env': 'Prod'}"},
            {"n06", "{'size': 30, 'label': 'Epsilon_2', 'active': true, 'disks': {'size': 300, 'type': 'ssd'},"
                    + " 'ports': [[[9000]]], 'kind': 'db', 'amount': 40}",
                    "{'env': 'prod', 'tier': 'db'}"},
            {"n07", "{'size': 5.0, 'label': 'zeta', 'created': '2024-02-30', 'owner': {'name': 'dave', 'team': 'ops'},"
                    + " 'list': ['a', 'B', 'c'], 'kind': 'vm'}",
                    "{'tier': 'web'}"},
            {"n08", "{'size': -3, 'label': 'eta 100%', 'created': '2024-05-01 09:30:00', 'list': ['x'], 'kind': 'fn',"
                    + " 'amount': -5}",
                    "{}"},
            {"n09", "{'size': 1e3, 'label': 'theta_x', 'created': '2024-05-01T09:30:00', 'kind': 'fn', 'amount': 0}", null},
            {"n10", "{}", null},
            {"n11", "{'size': [1, 2, 3], 'label': ['Alpha', 'omega']}", null},
            {"n12", "{'size': {'value': 7}, 'label': {'text': 'obj'}}", null},
            {"n13", "{'size': true, 'label': false}", null},
            {"n14", "{'size': 20, 'label': 'Beta', 'active': false, 'owner': {'name': 'erin', 'team': 'dev'}, 'kind': 'db',"
                    + " 'amount': 5}",
                    null},
            {"n15", "{'size': 15, 'label': 'iota', 'created': '2019-12-31T23:00:00-02:00', 'amount': 7, 'kind': 'vm'}", null},
            {"n16", "{'size': 'abc', 'label': 'kappa', 'kind': 'fn'}", null},
    };

    private static final List<String> ALL = Arrays.stream(DOCUMENTS).map(document -> document[0]).toList();

    @LocalServerPort
    int port;

    private ApiClient api;
    private String prefix;
    private String run;
    private String today;

    @BeforeAll
    void createDocuments() {
        api = ApiClient.admin(port);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        prefix = "qc-" + unique + "-";
        run = "run-" + unique;
        for (String[] document : DOCUMENTS) {
            ObjectNode data = (ObjectNode) ApiClient.json(quotes(document[1]));
            data.put("run", run);
            ObjectNode body = NODES.objectNode();
            body.put("name", prefix + document[0]);
            body.set("data", data);
            if (document[2] != null) {
                body.set("tags", ApiClient.json(quotes(document[2])));
            }
            Response created = api.post("/api/config/domain-config/create", body.toString());
            assertThat(created.status()).as(created.raw()).isEqualTo(200);
            if (today == null) {
                today = created.body().get("created_at").asString().substring(0, 10);
            }
        }
    }

    // ---------------------------------------------------------------------------------------- list

    @TestFactory
    Stream<DynamicTest> list() {
        List<Case> cases = new ArrayList<>();
        // eq, and the types of values
        cases.add(list("eq number matches numbers only, not the string '10'", "{'filter': [{'k': 'data.size', 'v': 10}]}",
                names("n01")));
        cases.add(list("eq string matches strings only, not the number 10",
                "{'filter': [{'k': 'data.size', 'v': '10', 'o': 'eq'}]}", names("n03")));
        cases.add(list("eq 5 equals the stored 5.0", "{'filter': [{'k': 'data.size', 'v': 5, 'o': 'eq'}]}", names("n07")));
        cases.add(list("eq 1000 equals the stored 1e3", "{'filter': [{'k': 'data.size', 'v': 1000, 'o': 'eq'}]}",
                names("n09")));
        cases.add(list("eq number never equals a string of its digits",
                "{'filter': [{'k': 'data.size', 'v': '20', 'o': 'eq'}]}", names()));
        cases.add(list("eq reaches the elements of an array of scalars",
                "{'filter': [{'k': 'data.size', 'v': 2, 'o': 'eq'}]}", names("n11")));
        cases.add(list("eq crosses an array of objects (data.disks.size)",
                "{'filter': [{'k': 'data.disks.size', 'v': 100, 'o': 'eq'}]}", names("n01", "n04")));
        cases.add(list("eq through an object where other documents hold an array",
                "{'filter': [{'k': 'data.disks.size', 'v': 300, 'o': 'eq'}]}", names("n06")));
        cases.add(list("eq on a string member of objects in arrays",
                "{'filter': [{'k': 'data.disks.type', 'v': 'ssd', 'o': 'eq'}]}", names("n01", "n02", "n06")));
        cases.add(list("eq on a deeply nested key", "{'filter': [{'k': 'data.nested.a.b.c', 'v': 5, 'o': 'eq'}]}",
                names("n05")));
        cases.add(list("eq on a tag whose value is sometimes an array",
                "{'filter': [{'k': 'tags.env', 'v': 'prod', 'o': 'eq'}]}", names("n01", "n03", "n06")));
        cases.add(list("eq is case-sensitive", "{'filter': [{'k': 'tags.env', 'v': 'Prod', 'o': 'eq'}]}", names("n05")));
        cases.add(list("eq reaches the elements of an array inside an array (two levels)",
                "{'filter': [{'k': 'data.ports', 'v': 8443, 'o': 'eq'}]}", names("n04")));
        cases.add(list("eq on an array of scalars holding the value", "{'filter': [{'k': 'data.ports', 'v': 80, 'o': 'eq'}]}",
                names("n01", "n04")));
        cases.add(list("eq never reaches an array three levels deep",
                "{'filter': [{'k': 'data.ports', 'v': 9000, 'o': 'eq'}]}", names()));
        cases.add(list("eq null matches a null value and a missing key",
                "{'filter': [{'k': 'data.size', 'v': null, 'o': 'eq'}]}", names("n04", "n05", "n10")));
        cases.add(list("eq true does not match the string 'true'", "{'filter': [{'k': 'data.active', 'v': true}]}",
                names("n01", "n06")));
        cases.add(list("eq 'true' does not match the boolean true", "{'filter': [{'k': 'data.active', 'v': 'true'}]}",
                names("n03")));
        cases.add(list("eq false matches the boolean only", "{'filter': [{'k': 'data.label', 'v': false}]}", names("n13")));
        cases.add(list("eq 0 does not match false", "{'filter': [{'k': 'data.amount', 'v': 0}]}", names("n09")));
        cases.add(list("eq false does not match 0", "{'filter': [{'k': 'data.amount', 'v': false}]}", names()));
        // not, in, not_in
        cases.add(list("not matches documents without the key",
                "{'filter': [{'k': 'data.size', 'v': 20, 'o': 'not'}]}", allBut("n02", "n14")));
        cases.add(list("not null: the key exists with a non-null value",
                "{'filter': [{'k': 'data.size', 'v': null, 'o': 'not'}]}", allBut("n04", "n05", "n10")));
        cases.add(list("not on a string, with null and missing kinds matching",
                "{'filter': [{'k': 'data.kind', 'v': 'vm', 'o': 'not'}]}", allBut("n01", "n02", "n05", "n07", "n15")));
        cases.add(list("in with values of several types", "{'filter': [{'k': 'data.size', 'v': [20, 'abc', true], 'o': 'in'}]}",
                names("n02", "n13", "n14", "n16")));
        cases.add(list("in with null matches null and missing keys",
                "{'filter': [{'k': 'data.kind', 'v': [null, 'fn'], 'o': 'in'}]}",
                names("n04", "n08", "n09", "n10", "n11", "n12", "n13", "n16")));
        cases.add(list("not_in keeps strings of the same digits and missing keys",
                "{'filter': [{'k': 'data.size', 'v': [10, 20], 'o': 'not_in'}]}", allBut("n01", "n02", "n14")));
        cases.add(list("not_in matches null and missing keys",
                "{'filter': [{'k': 'data.kind', 'v': ['vm', 'db'], 'o': 'not_in'}]}",
                names("n04", "n08", "n09", "n10", "n11", "n12", "n13", "n16")));
        // exists
        cases.add(list("exists true: a null value exists", "{'filter': [{'k': 'data.size', 'v': true, 'o': 'exists'}]}",
                allBut("n05", "n10")));
        cases.add(list("exists false", "{'filter': [{'k': 'data.size', 'v': false, 'o': 'exists'}]}", names("n05", "n10")));
        cases.add(list("exists true on a nested key", "{'filter': [{'k': 'data.owner.team', 'v': true, 'o': 'exists'}]}",
                names("n01", "n02", "n07", "n14")));
        cases.add(list("exists false across an array of objects (empty array, element without the member)",
                "{'filter': [{'k': 'data.disks.size', 'v': false, 'o': 'exists'}]}",
                allBut("n01", "n02", "n04", "n06")));
        // lt, lte, gt, gte
        cases.add(list("gt number compares numbers only", "{'filter': [{'k': 'data.size', 'v': 15, 'o': 'gt'}]}",
                names("n02", "n06", "n09", "n14")));
        cases.add(list("gte number includes equal", "{'filter': [{'k': 'data.size', 'v': 15, 'o': 'gte'}]}",
                names("n02", "n06", "n09", "n14", "n15")));
        cases.add(list("lt number reaches array elements", "{'filter': [{'k': 'data.size', 'v': 5, 'o': 'lt'}]}",
                names("n08", "n11")));
        cases.add(list("lte number: 5.0 equals 5", "{'filter': [{'k': 'data.size', 'v': 5, 'o': 'lte'}]}",
                names("n07", "n08", "n11")));
        cases.add(list("gt string compares strings only", "{'filter': [{'k': 'data.size', 'v': '1', 'o': 'gt'}]}",
                names("n03", "n16")));
        cases.add(list("lt string orders by code point (upper case before lower case)",
                "{'filter': [{'k': 'data.label', 'v': 'a', 'o': 'lt'}]}", names("n01", "n03", "n06", "n11", "n14")));
        cases.add(list("lt true matches false only", "{'filter': [{'k': 'data.label', 'v': true, 'o': 'lt'}]}",
                names("n13")));
        cases.add(list("gte true matches booleans only", "{'filter': [{'k': 'data.active', 'v': true, 'o': 'gte'}]}",
                names("n01", "n06")));
        cases.add(list("lt across an array of objects", "{'filter': [{'k': 'data.disks.size', 'v': 100, 'o': 'lt'}]}",
                names("n02")));
        cases.add(list("gte across an array of objects and an object",
                "{'filter': [{'k': 'data.disks.size', 'v': 200, 'o': 'gte'}]}", names("n01", "n06")));
        // contain, not_contain, contain_in, not_contain_in
        cases.add(list("contain ignores case", "{'filter': [{'k': 'data.label', 'v': 'ALP', 'o': 'contain'}]}",
                names("n01", "n11")));
        cases.add(list("contain in the middle of strings", "{'filter': [{'k': 'data.label', 'v': 'eta', 'o': 'contain'}]}",
                names("n02", "n07", "n08", "n09", "n14")));
        cases.add(list("contain looks at strings only, not numbers",
                "{'filter': [{'k': 'data.size', 'v': '1', 'o': 'contain'}]}", names("n03")));
        cases.add(list("contain reaches array elements and ignores case",
                "{'filter': [{'k': 'tags.env', 'v': 'PRO', 'o': 'contain'}]}", names("n01", "n03", "n05", "n06")));
        cases.add(list("not_contain matches non-strings and missing keys",
                "{'filter': [{'k': 'data.label', 'v': 'a', 'o': 'not_contain'}]}", names("n04", "n06", "n10", "n12", "n13")));
        cases.add(list("contain_in", "{'filter': [{'k': 'data.label', 'v': ['GAM', 'ZET'], 'o': 'contain_in'}]}",
                names("n03", "n07")));
        cases.add(list("not_contain_in contains none of the words",
                "{'filter': [{'k': 'data.label', 'v': ['alp', 'eta'], 'o': 'not_contain_in'}]}",
                names("n03", "n04", "n05", "n06", "n10", "n12", "n13", "n15", "n16")));
        cases.add(list("contain treats % as a plain character", "{'filter': [{'k': 'data.label', 'v': '%', 'o': 'contain'}]}",
                names("n08")));
        cases.add(list("contain treats _ as a plain character", "{'filter': [{'k': 'data.label', 'v': '_', 'o': 'contain'}]}",
                names("n06", "n09")));
        // like
        cases.add(list("like %a matches the whole string ignoring case",
                "{'filter': [{'k': 'data.label', 'v': '%a', 'o': 'like'}]}",
                names("n01", "n02", "n03", "n07", "n11", "n14", "n15", "n16")));
        cases.add(list("like _ is exactly one character", "{'filter': [{'k': 'data.label', 'v': '_eta', 'o': 'like'}]}",
                names("n02", "n07", "n14")));
        cases.add(list("like without wildcards is a case-insensitive whole-string match",
                "{'filter': [{'k': 'data.label', 'v': 'ALPHA', 'o': 'like'}]}", names("n01", "n11")));
        cases.add(list("like with an escaped underscore", "{'filter': [{'k': 'data.label', 'v': '%\\\\_%', 'o': 'like'}]}",
                names("n06", "n09")));
        cases.add(list("like with an escaped percent", "{'filter': [{'k': 'data.label', 'v': 'eta 100\\\\%', 'o': 'like'}]}",
                names("n08")));
        cases.add(list("like prefix", "{'filter': [{'k': 'data.label', 'v': 'et%', 'o': 'like'}]}", names("n08")));
        // regex, regex_in
        cases.add(list("regex anchored, ignoring case", "{'filter': [{'k': 'data.label', 'v': '^a', 'o': 'regex'}]}",
                names("n01", "n11")));
        cases.add(list("regex \\d escape", "{'filter': [{'k': 'data.label', 'v': '\\\\d', 'o': 'regex'}]}",
                names("n05", "n06", "n08")));
        cases.add(list("regex end anchor", "{'filter': [{'k': 'data.label', 'v': 'ta$', 'o': 'regex'}]}",
                names("n02", "n07", "n14", "n15")));
        cases.add(list("regex finds a match anywhere, ignoring case",
                "{'filter': [{'k': 'data.label', 'v': 'A.*A', 'o': 'regex'}]}", names("n01", "n03", "n11", "n16")));
        cases.add(list("regex looks at strings only, not numbers",
                "{'filter': [{'k': 'data.size', 'v': '1', 'o': 'regex'}]}", names("n03")));
        cases.add(list("regex_in", "{'filter': [{'k': 'data.label', 'v': ['^gam', '^k'], 'o': 'regex_in'}]}",
                names("n03", "n16")));
        // datetime_*
        cases.add(list("datetime_lt a date compares instants, with the offset applied",
                "{'filter': [{'k': 'data.created', 'v': '2020-01-15', 'o': 'datetime_lt'}]}", names("n15")));
        cases.add(list("datetime_lte a date includes that midnight",
                "{'filter': [{'k': 'data.created', 'v': '2020-01-15', 'o': 'datetime_lte'}]}", names("n01", "n15")));
        cases.add(list("datetime_lte an instant equal to one with another offset",
                "{'filter': [{'k': 'data.created', 'v': '2020-01-01T01:00:00Z', 'o': 'datetime_lte'}]}", names("n15")));
        cases.add(list("datetime_gt with fractions of a second and an offset",
                "{'filter': [{'k': 'data.created', 'v': '2030-12-31T21:59:59Z', 'o': 'datetime_gt'}]}", names("n05")));
        cases.add(list("datetime_gte: space separator and no offset (UTC) are date-times; invalid dates are not",
                "{'filter': [{'k': 'data.created', 'v': '2024-05-01T09:30:00Z', 'o': 'datetime_gte'}]}",
                names("n05", "n08", "n09")));
        cases.add(list("datetime_lt with an offset in the value",
                "{'filter': [{'k': 'data.created', 'v': '2024-05-01T11:30:00+02:00', 'o': 'datetime_lt'}]}",
                names("n01", "n02", "n15")));
        cases.add(list("datetime_gt on the created_at column", "{'filter': [{'k': 'created_at', 'v': '2000-01-01', 'o': 'datetime_gt'}]}",
                names(ALL)));
        cases.add(list("datetime_lt on the created_at column", "{'filter': [{'k': 'created_at', 'v': '2000-01-01', 'o': 'datetime_lt'}]}",
                names()));
        cases.add(list("lt on the created_at timestamp column takes a date-time string",
                "{'filter': [{'k': 'created_at', 'v': '2000-01-01T00:00:00Z', 'o': 'lt'}]}", names()));
        cases.add(list("gte on the created_at timestamp column takes a date-time string",
                "{'filter': [{'k': 'created_at', 'v': '2000-01-01T00:00:00Z', 'o': 'gte'}]}", names(ALL)));
        // timediff_*
        cases.add(list("timediff_gt now-1h on created_at matches everything just created",
                "{'filter': [{'k': 'created_at', 'v': 'now-1h', 'o': 'timediff_gt'}]}", names(ALL)));
        cases.add(list("timediff_gte with spaces", "{'filter': [{'k': 'created_at', 'v': 'now - 2d', 'o': 'timediff_gte'}]}",
                names(ALL)));
        cases.add(list("timediff_lt now-1d on created_at matches nothing",
                "{'filter': [{'k': 'created_at', 'v': 'now-1d', 'o': 'timediff_lt'}]}", names()));
        cases.add(list("timediff_lte now+1h on created_at matches everything",
                "{'filter': [{'k': 'created_at', 'v': 'now+1h', 'o': 'timediff_lte'}]}", names(ALL)));
        cases.add(list("timediff_lt on date strings in the document: the past ones",
                "{'filter': [{'k': 'data.created', 'v': 'now-1d', 'o': 'timediff_lt'}]}",
                names("n01", "n02", "n08", "n09", "n15")));
        cases.add(list("timediff_lte from the start of today",
                "{'filter': [{'k': 'data.created', 'v': 'now/d - 1d', 'o': 'timediff_lte'}]}",
                names("n01", "n02", "n08", "n09", "n15")));
        cases.add(list("timediff_gt a week ahead: the far-future date only",
                "{'filter': [{'k': 'data.created', 'v': 'now + 1w', 'o': 'timediff_gt'}]}", names("n05")));
        cases.add(list("timediff_gte the start of this month", "{'filter': [{'k': 'data.created', 'v': 'now/m', 'o': 'timediff_gte'}]}",
                names("n05")));
        cases.add(list("timediff_gt this Monday plus hours", "{'filter': [{'k': 'data.created', 'v': 'now/w + 9h', 'o': 'timediff_gt'}]}",
                names("n05")));
        // the name column
        cases.add(list("contain on the name column ignores case", "{'filter': [{'k': 'name', 'v': 'N1', 'o': 'contain'}]}",
                names("n10", "n11", "n12", "n13", "n14", "n15", "n16")));
        cases.add(list("like on the name column", "{'filter': [{'k': 'name', 'v': '%n0_', 'o': 'like'}]}",
                names("n01", "n02", "n03", "n04", "n05", "n06", "n07", "n08", "n09")));
        cases.add(list("regex on the name column", "{'filter': [{'k': 'name', 'v': 'n1[0-2]$', 'o': 'regex'}]}",
                names("n10", "n11", "n12")));
        cases.add(list("not_in on the name column", "{'filter': [{'k': 'name', 'v': ['$Pn01'], 'o': 'not_in'}]}",
                allBut("n01")));
        cases.add(list("gt on the name column", "{'filter': [{'k': 'name', 'v': '$Pn14', 'o': 'gt'}]}", names("n15", "n16")));
        cases.add(list("lt on the name column", "{'filter': [{'k': 'name', 'v': '$Pn03', 'o': 'lt'}]}", names("n01", "n02")));
        cases.add(list("datetime_lt on a column of names that are not date-times",
                "{'filter': [{'k': 'name', 'v': '2999-01-01', 'o': 'datetime_lt'}]}", names()));
        // tags
        cases.add(list("exists on tags: every config has tags", "{'filter': [{'k': 'tags', 'v': true, 'o': 'exists'}]}",
                names(ALL)));
        cases.add(list("exists on a tag", "{'filter': [{'k': 'tags.env', 'v': true, 'o': 'exists'}]}",
                names("n01", "n02", "n03", "n05", "n06")));
        cases.add(list("not on a tag matches configs without it", "{'filter': [{'k': 'tags.tier', 'v': 'web', 'o': 'not'}]}",
                allBut("n01", "n07")));
        // combinations and condition shapes
        cases.add(list("filter_or combined with filter",
                "{'filter': [{'k': 'data.kind', 'v': 'vm'}], 'filter_or': [{'k': 'data.size', 'v': 15, 'o': 'gt'},"
                        + " {'k': 'data.label', 'v': 'alp', 'o': 'contain'}]}", names("n01", "n02")));
        cases.add(list("filter_or alone", "{'filter_or': [{'k': 'tags.tier', 'v': 'db'}, {'k': 'data.label', 'v': 'zeta'}]}",
                names("n06", "n07")));
        cases.add(list("long condition names key/value/operator",
                "{'filter': [{'key': 'data.size', 'value': 20, 'operator': 'eq'}]}", names("n02", "n14")));
        cases.add(list("operator defaults to eq", "{'filter': [{'k': 'data.kind', 'v': 'fn'}]}", names("n08", "n09", "n16")));
        cases.add(list("several filter conditions all hold",
                "{'filter': [{'k': 'data.kind', 'v': 'vm'}, {'k': 'data.amount', 'v': 10, 'o': 'gte'}]}", names("n01", "n02")));
        // sort
        cases.add(list("sort ascending in MongoDB type order: null/missing, numbers, strings, objects, arrays, booleans",
                "{'sort': [{'key': 'data.size'}]}",
                ordered("n04", "n05", "n10", "n08", "n07", "n01", "n15", "n02", "n14", "n06", "n09", "n03", "n16", "n12",
                        "n11", "n13")));
        cases.add(list("sort on two keys, the second descending",
                "{'sort': [{'key': 'data.kind', 'desc': false}, {'key': 'data.size', 'desc': true}]}",
                ordered("n13", "n11", "n12", "n04", "n10", "n03", "n06", "n14", "n16", "n09", "n08", "n02", "n15", "n01",
                        "n07", "n05")));
        cases.add(list("sort ties keep creation order", "{'sort': [{'key': 'data.kind'}]}",
                ordered("n04", "n10", "n11", "n12", "n13", "n03", "n06", "n14", "n08", "n09", "n16", "n01", "n02", "n05",
                        "n07", "n15")));
        cases.add(list("sort on a key crossing an array sorts those as missing", "{'sort': [{'key': 'data.disks.size'}]}",
                ordered("n01", "n02", "n03", "n04", "n05", "n07", "n08", "n09", "n10", "n11", "n12", "n13", "n14", "n15",
                        "n16", "n06")));
        cases.add(list("sort v1 shape {keys: [...]} on strings by code point",
                "{'sort': {'keys': [{'key': 'data.label'}]}}",
                ordered("n04", "n10", "n01", "n14", "n06", "n03", "n02", "n05", "n08", "n15", "n16", "n09", "n07", "n12",
                        "n11", "n13")));
        cases.add(list("sort v1 shape {key, desc}: booleans first when descending",
                "{'sort': {'key': 'data.active', 'desc': true}}",
                ordered("n01", "n06", "n02", "n14", "n03", "n04", "n05", "n07", "n08", "n09", "n10", "n11", "n12", "n13",
                        "n15", "n16")));
        cases.add(list("sort by the created_at column is creation order", "{'sort': [{'key': 'created_at'}]}",
                ordered(ALL.toArray(String[]::new))));
        cases.add(list("sort descending by name", "{'sort': [{'key': 'name', 'desc': true}], 'filter': [{'k': 'data.kind', 'v': 'fn'}]}",
                ordered("n16", "n09", "n08")));
        // page
        cases.add(list("page start is 1-based; total_count counts before paging",
                "{'sort': [{'key': 'name'}], 'page': {'start': 3, 'limit': 4}}", page(16, "n03", "n04", "n05", "n06")));
        cases.add(list("page start 0 counts as 1", "{'sort': [{'key': 'name'}], 'page': {'start': 0, 'limit': 2}}",
                page(16, "n01", "n02")));
        cases.add(list("page past the end is cut short", "{'sort': [{'key': 'name'}], 'page': {'start': 15, 'limit': 5}}",
                page(16, "n15", "n16")));
        cases.add(list("page limit 0 means no limit", "{'sort': [{'key': 'name'}], 'page': {'limit': 0}}",
                page(16, ALL.toArray(String[]::new))));
        cases.add(list("page with a filter: total_count is the filtered count",
                "{'filter': [{'k': 'data.kind', 'v': 'vm'}], 'sort': [{'key': 'name'}], 'page': {'limit': 2}}",
                page(5, "n01", "n02")));
        // only, count_only, minimal, keyword
        cases.add(list("only keeps the named keys", "{'filter': [{'k': 'data.owner.team', 'v': 'ops'}], 'sort': [{'key': 'name'}],"
                        + " 'only': ['name', 'data.owner.team']}",
                results("[{'name': '$Pn01', 'data': {'owner': {'team': 'ops'}}}, {'name': '$Pn07', 'data': {'owner': {'team': 'ops'}}}]",
                        2)));
        cases.add(list("count_only returns no results, only total_count",
                "{'filter': [{'k': 'data.kind', 'v': 'fn'}], 'count_only': true}", results("[]", 3)));
        cases.add(list("minimal returns the kind's minimal keys",
                "{'filter': [{'k': 'data.kind', 'v': 'fn'}], 'sort': [{'key': 'name'}], 'minimal': true}",
                results("[{'name': '$Pn08', 'domain_id': 'domain-default'}, {'name': '$Pn09', 'domain_id': 'domain-default'},"
                        + " {'name': '$Pn16', 'domain_id': 'domain-default'}]", 3)));
        cases.add(list("keyword is a case-insensitive contain on the name", "{'keyword': 'N0'}",
                names("n01", "n02", "n03", "n04", "n05", "n06", "n07", "n08", "n09")));
        cases.add(list("keyword words are alternatives", "{'keyword': 'zz-none N16 n02'}", names("n02", "n16")));
        cases.add(list("keyword % is a plain character", "{'keyword': '%'}", names()));
        cases.add(list("keyword _ is a plain character", "{'keyword': '_'}", names()));
        // refused
        cases.add(list("lt null is refused", "{'filter': [{'k': 'data.size', 'v': null, 'o': 'lt'}]}", refused("query.filter[1]")));
        cases.add(list("a regex that does not compile is refused", "{'filter': [{'k': 'data.label', 'v': '(', 'o': 'regex'}]}",
                refused("query.filter[1]")));
        cases.add(list("a possessive quantifier is refused", "{'filter': [{'k': 'data.label', 'v': 'a++', 'o': 'regex'}]}",
                refused("query.filter[1]")));
        cases.add(list("a named group is refused", "{'filter': [{'k': 'data.label', 'v': '(?<n>a)', 'o': 'regex'}]}",
                refused("query.filter[1]")));
        cases.add(list("\\p{...} is refused", "{'filter': [{'k': 'data.label', 'v': '\\\\p{L}', 'o': 'regex'}]}",
                refused("query.filter[1]")));
        cases.add(list("a bad regex inside regex_in is refused",
                "{'filter': [{'k': 'data.label', 'v': ['a', '[z-a]'], 'o': 'regex_in'}]}", refused("query.filter[1]")));
        cases.add(list("a key with 17 segments is refused",
                "{'filter': [{'k': 'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q', 'v': 1}]}", refused("query.filter[1]")));
        cases.add(list("a key with an empty segment is refused", "{'filter': [{'k': 'data..size', 'v': 1}]}",
                refused("query.filter[1]")));
        cases.add(list("a datetime value that is not ISO-8601 is refused",
                "{'filter': [{'k': 'data.created', 'v': 'yesterday', 'o': 'datetime_lt'}]}", refused("query.filter[1]")));
        cases.add(list("an impossible date is refused",
                "{'filter': [{'k': 'data.created', 'v': '2024-02-30', 'o': 'datetime_lt'}]}", refused("query.filter[1]")));
        cases.add(list("a timediff with an unknown unit is refused",
                "{'filter': [{'k': 'created_at', 'v': 'now-1y', 'o': 'timediff_lt'}]}", refused("query.filter[1]")));
        cases.add(list("a timediff with an unknown base is refused",
                "{'filter': [{'k': 'created_at', 'v': 'then-1d', 'o': 'timediff_lt'}]}", refused("query.filter[1]")));
        cases.add(list("contain with a list is refused", "{'filter': [{'k': 'data.label', 'v': ['a'], 'o': 'contain'}]}",
                refused("query.filter[1]")));
        cases.add(list("contain_in with a string is refused", "{'filter': [{'k': 'data.label', 'v': 'a', 'o': 'contain_in'}]}",
                refused("query.filter[1]")));
        cases.add(list("eq with an object value is refused", "{'filter': [{'k': 'data.owner', 'v': {'name': 'bob'}}]}",
                refused("query.filter[1]")));
        cases.add(list("in with more than 4096 values is refused",
                "{'filter': [{'k': 'data.size', 'v': [" + "1, ".repeat(4096) + "1], 'o': 'in'}]}", refused("query.filter[1]")));
        cases.add(list("more than 256 conditions are refused",
                "{'filter': [" + "{'k': 'data.size', 'v': 1, 'o': 'not'}, ".repeat(256) + "{'k': 'data.size', 'v': 1}]}",
                refused("query.filter")));
        cases.add(list("a keyword over 1024 characters is refused", "{'keyword': '" + "k".repeat(1025) + "'}",
                refused("query.keyword")));
        return run(cases);
    }

    // ---------------------------------------------------------------------------------------- stat

    @TestFactory
    Stream<DynamicTest> stat() {
        List<Case> cases = new ArrayList<>();
        String byKind = "{'group': {'keys': [{'key': 'data.kind', 'name': 'kind'}], 'fields': [{'name': 'n', 'operator': 'count'}]}}";
        cases.add(stat("group count by a key; a missing key groups as null; no total_count without page.limit",
                "{'aggregate': [" + byKind + ", {'sort': {'key': 'kind'}}]}",
                sortedRows("[{'kind': null, 'n': 5}, {'kind': 'db', 'n': 3}, {'kind': 'fn', 'n': 3}, {'kind': 'vm', 'n': 5}]", null)));
        cases.add(stat("group sum, average, max, min over mixed numbers, strings and missing values",
                "{'aggregate': [{'group': {'keys': [{'key': 'data.kind', 'name': 'kind'}], 'fields': ["
                        + "{'name': 'n', 'operator': 'count'}, {'key': 'data.amount', 'name': 'total', 'operator': 'sum'},"
                        + " {'key': 'data.amount', 'name': 'mean', 'operator': 'average'},"
                        + " {'key': 'data.amount', 'name': 'hi', 'operator': 'max'},"
                        + " {'key': 'data.amount', 'name': 'lo', 'operator': 'min'}]}}, {'sort': {'key': 'kind'}}]}",
                sortedRows("[{'kind': null, 'n': 5, 'total': 0, 'mean': null, 'hi': null, 'lo': null},"
                        + " {'kind': 'db', 'n': 3, 'total': 45, 'mean': 22.5, 'hi': '30', 'lo': 5},"
                        + " {'kind': 'fn', 'n': 3, 'total': -5, 'mean': -2.5, 'hi': 0, 'lo': -5},"
                        + " {'kind': 'vm', 'n': 5, 'total': 39.5, 'mean': 9.875, 'hi': 20, 'lo': 2.5}]", null)));
        cases.add(stat("group push and add_to_set (compared as multisets) by a nested key",
                "{'filter': [{'k': 'data.owner.name', 'v': true, 'o': 'exists'}], 'aggregate': [{'group': {"
                        + "'keys': [{'key': 'data.owner.team', 'name': 'team'}], 'fields': ["
                        + "{'key': 'data.owner.name', 'name': 'names', 'operator': 'push'},"
                        + " {'key': 'data.kind', 'name': 'kinds', 'operator': 'add_to_set'}]}}, {'sort': {'key': 'team'}}]}",
                sortedRows("[{'team': null, 'names': ['carol'], 'kinds': ['db']},"
                        + " {'team': 'dev', 'names': ['bob', 'erin'], 'kinds': ['vm', 'db']},"
                        + " {'team': 'ops', 'names': ['alice', 'dave'], 'kinds': ['vm']}]", null)));
        cases.add(stat("group push of objects built from fields",
                "{'filter': [{'k': 'data.owner.team', 'v': 'ops'}], 'aggregate': [{'group': {"
                        + "'keys': [{'key': 'data.owner.team', 'name': 'team'}], 'fields': [{'name': 'people', 'operator': 'push',"
                        + " 'fields': [{'key': 'data.owner.name', 'name': 'who'}, {'key': 'data.kind', 'name': 'k'}]}]}}]}",
                rows("[{'team': 'ops', 'people': [{'who': 'alice', 'k': 'vm'}, {'who': 'dave', 'k': 'vm'}]}]", null)));
        cases.add(stat("group without keys: merge_objects merges the objects",
                "{'filter': [{'k': 'name', 'v': ['$Pn02', '$Pn07'], 'o': 'in'}], 'aggregate': [{'group': {"
                        + "'fields': [{'key': 'tags', 'name': 'merged', 'operator': 'merge_objects'}]}}]}",
                rows("[{'merged': {'env': 'dev', 'tier': 'web'}}]", null)));
        cases.add(stat("group count with conditions: failing rows count as 0",
                "{'aggregate': [{'group': {'keys': [{'key': 'data.kind', 'name': 'kind'}], 'fields': [{'name': 'big',"
                        + " 'operator': 'count', 'conditions': [{'key': 'data.amount', 'value': 5, 'operator': 'gt'}]}]}},"
                        + " {'sort': {'key': 'kind'}}]}",
                sortedRows("[{'kind': null, 'big': 0}, {'kind': 'db', 'big': 1}, {'kind': 'fn', 'big': 0}, {'kind': 'vm', 'big': 3}]",
                        null)));
        cases.add(stat("group sum with conditions",
                "{'aggregate': [{'group': {'fields': [{'key': 'data.amount', 'name': 'total', 'operator': 'sum',"
                        + " 'conditions': [{'key': 'data.size', 'value': 10, 'operator': 'gte'}]}]}}]}",
                rows("[{'total': 82}]", null)));
        cases.add(stat("group key date_format %Y-%m: instants in UTC, non-dates group as null",
                "{'aggregate': [{'group': {'keys': [{'key': 'data.created', 'name': 'month', 'date_format': '%Y-%m'}],"
                        + " 'fields': [{'name': 'n', 'operator': 'count'}]}}, {'sort': {'key': 'month'}}]}",
                sortedRows("[{'month': null, 'n': 10}, {'month': '2020-01', 'n': 2}, {'month': '2021-06', 'n': 1},"
                        + " {'month': '2024-05', 'n': 2}, {'month': '2030-12', 'n': 1}]", null)));
        cases.add(stat("group key date_format year gives numbers",
                "{'aggregate': [{'group': {'keys': [{'key': 'data.created', 'name': 'y', 'date_format': 'year'}],"
                        + " 'fields': [{'name': 'n', 'operator': 'count'}]}}, {'sort': {'key': 'y'}}]}",
                sortedRows("[{'y': null, 'n': 10}, {'y': 2020, 'n': 2}, {'y': 2021, 'n': 1}, {'y': 2024, 'n': 2}, {'y': 2030, 'n': 1}]",
                        null)));
        cases.add(stat("group key date_format with literal text and time of day",
                "{'filter': [{'k': 'name', 'v': ['$Pn05', '$Pn15'], 'o': 'in'}], 'aggregate': [{'group': {'keys': ["
                        + "{'key': 'data.created', 'name': 'at', 'date_format': '%d/%m/%Y %H:%M:%S'}],"
                        + " 'fields': [{'name': 'n', 'operator': 'count'}]}}, {'sort': {'key': 'at'}}]}",
                sortedRows("[{'at': '01/01/2020 01:00:00', 'n': 1}, {'at': '31/12/2030 21:59:59', 'n': 1}]", null)));
        cases.add(stat("unwind an array of objects (an object is one row, [] and missing drop) then group",
                "{'aggregate': [{'unwind': {'path': 'data.disks'}}, {'group': {'keys': [{'key': 'data.disks.type', 'name': 'type'}],"
                        + " 'fields': [{'name': 'n', 'operator': 'count'}, {'key': 'data.disks.size', 'name': 'gb', 'operator': 'sum'}]}},"
                        + " {'sort': {'key': 'type'}}]}",
                sortedRows("[{'type': null, 'n': 1, 'gb': 100}, {'type': 'hdd', 'n': 1, 'gb': 200},"
                        + " {'type': 'nvme', 'n': 1, 'gb': 0}, {'type': 'ssd', 'n': 3, 'gb': 450}]", null)));
        cases.add(stat("unwind one level of an array of scalars and arrays, then count",
                "{'aggregate': [{'unwind': {'path': 'data.ports'}}, {'count': {'name': 'ports'}}]}",
                rows("[{'ports': 6}]", null)));
        cases.add(stat("unwind keeps a scalar or an object as one row and drops null and missing",
                "{'aggregate': [{'unwind': {'path': 'data.size'}}, {'count': {'name': 'rows'}}]}", rows("[{'rows': 15}]", null)));
        cases.add(stat("group key date_format day of year",
                "{'filter': [{'k': 'name', 'v': ['$Pn01', '$Pn15'], 'o': 'in'}], 'aggregate': [{'group': {'keys': ["
                        + "{'key': 'data.created', 'name': 'd', 'date_format': '%Y-%j'}], 'fields': [{'name': 'n', 'operator': 'count'}]}},"
                        + " {'sort': {'key': 'd'}}]}",
                sortedRows("[{'d': '2020-001', 'n': 1}, {'d': '2020-015', 'n': 1}]", null)));
        cases.add(stat("group key date_format month and day give numbers, in UTC",
                "{'filter': [{'k': 'name', 'v': '$Pn05'}], 'aggregate': [{'group': {'keys': ["
                        + "{'key': 'data.created', 'name': 'm', 'date_format': 'month'},"
                        + " {'key': 'data.created', 'name': 'd', 'date_format': 'day'}], 'fields': [{'name': 'n', 'operator': 'count'}]}}]}",
                rows("[{'m': 12, 'd': 31, 'n': 1}]", null)));
        cases.add(stat("push skips missing values; add_to_set keeps distinct values of mixed types",
                "{'aggregate': [{'group': {'keys': [{'key': 'data.kind', 'name': 'kind'}], 'fields': ["
                        + "{'key': 'data.amount', 'name': 'amounts', 'operator': 'push'},"
                        + " {'key': 'data.size', 'name': 'sizes', 'operator': 'add_to_set'}]}}, {'sort': {'key': 'kind'}}]}",
                sortedRows("[{'kind': null, 'amounts': [], 'sizes': [null, [1, 2, 3], {'value': 7}, true]},"
                        + " {'kind': 'db', 'amounts': ['30', 40, 5], 'sizes': ['10', 30, 20]},"
                        + " {'kind': 'fn', 'amounts': [-5, 0], 'sizes': [-3, 1000, 'abc']},"
                        + " {'kind': 'vm', 'amounts': [10, 20, 2.5, 7], 'sizes': [10, 20, 5, 15]}]", null)));
        cases.add(stat("max and min among numbers and strings: strings order after numbers",
                "{'aggregate': [{'group': {'fields': [{'key': 'data.label', 'name': 'hi', 'operator': 'max'},"
                        + " {'key': 'data.label', 'name': 'lo', 'operator': 'min'},"
                        + " {'key': 'data.size', 'name': 'size_hi', 'operator': 'max'},"
                        + " {'key': 'data.size', 'name': 'size_lo', 'operator': 'min'}]}}]}",
                rows("[{'hi': 'zeta', 'lo': 'Alpha', 'size_hi': 'abc', 'size_lo': -3}]", null)));
        cases.add(stat("count stage", "{'filter': [{'k': 'data.kind', 'v': 'fn'}], 'aggregate': [{'count': {'name': 'total'}}]}",
                rows("[{'total': 3}]", null)));
        cases.add(stat("count stage over nothing gives no row",
                "{'filter': [{'k': 'data.kind', 'v': 'none'}], 'aggregate': [{'count': {'name': 'total'}}]}", rows("[]", null)));
        cases.add(stat("sort on two keys, then skip and limit",
                "{'aggregate': [" + byKind + ", {'sort': {'keys': [{'key': 'n', 'desc': true}, {'key': 'kind'}]}},"
                        + " {'skip': 1}, {'limit': 2}]}",
                sortedRows("[{'kind': 'vm', 'n': 5}, {'kind': 'db', 'n': 3}]", null)));
        cases.add(stat("sort descending puts null last", "{'aggregate': [" + byKind + ", {'sort': {'key': 'kind', 'desc': true}}]}",
                sortedRows("[{'kind': 'vm', 'n': 5}, {'kind': 'fn', 'n': 3}, {'kind': 'db', 'n': 3}, {'kind': null, 'n': 5}]", null)));
        cases.add(stat("project size and sum of arrays, and a copied key",
                "{'filter': [{'k': 'name', 'v': ['$Pn01', '$Pn02'], 'o': 'in'}], 'aggregate': [{'project': {'fields': ["
                        + "{'key': 'name', 'name': 'name'}, {'key': 'data.disks', 'name': 'disks', 'operator': 'size'},"
                        + " {'key': 'data.ports', 'name': 'port_sum', 'operator': 'sum'}]}}, {'sort': {'key': 'name'}}]}",
                sortedRows("[{'name': '$Pn01', 'disks': 2, 'port_sum': 102}, {'name': '$Pn02', 'disks': 1, 'port_sum': 443}]", null)));
        cases.add(stat("project add, subtract, multiply, divide over group fields keeps the group keys",
                "{'aggregate': [{'group': {'keys': [{'key': 'data.kind', 'name': 'kind'}], 'fields': ["
                        + "{'name': 'n', 'operator': 'count'}, {'key': 'data.amount', 'name': 'total', 'operator': 'sum'}]}},"
                        + " {'project': {'fields': [{'name': 'avg', 'operator': 'divide', 'fields': ['total', 'n']},"
                        + " {'name': 'plus', 'operator': 'add', 'fields': ['total', 1, 'n']},"
                        + " {'name': 'minus', 'operator': 'subtract', 'fields': ['total', 'n']},"
                        + " {'name': 'times', 'operator': 'multiply', 'fields': ['n', 2]},"
                        + " {'name': 'zero', 'operator': 'divide', 'fields': ['n', 0]}]}}, {'sort': {'key': 'kind'}}]}",
                sortedRows("[{'kind': null, 'avg': 0, 'plus': 6, 'minus': -5, 'times': 10, 'zero': null},"
                        + " {'kind': 'db', 'avg': 15, 'plus': 49, 'minus': 42, 'times': 6, 'zero': null},"
                        + " {'kind': 'fn', 'avg': -1.6666666666666667, 'plus': -1, 'minus': -8, 'times': 6, 'zero': null},"
                        + " {'kind': 'vm', 'avg': 7.9, 'plus': 45.5, 'minus': 34.5, 'times': 10, 'zero': null}]", null)));
        cases.add(stat("project exclude_keys drops the group keys",
                "{'aggregate': [" + byKind + ", {'project': {'fields': [{'key': 'n', 'name': 'count'}], 'exclude_keys': true}},"
                        + " {'sort': {'key': 'count'}}]}",
                sortedRows("[{'count': 3}, {'count': 3}, {'count': 5}, {'count': 5}]", null)));
        cases.add(stat("page slices the rows and total_count counts them all",
                "{'aggregate': [" + byKind + ", {'sort': {'key': 'kind'}}], 'page': {'start': 2, 'limit': 2}}",
                sortedRows("[{'kind': 'db', 'n': 3}, {'kind': 'fn', 'n': 3}]", 4)));
        cases.add(stat("page start alone slices without total_count",
                "{'aggregate': [" + byKind + ", {'sort': {'key': 'kind'}}], 'page': {'start': 4}}",
                sortedRows("[{'kind': 'vm', 'n': 5}]", null)));
        return run(cases);
    }

    // ------------------------------------------------------------------------------------- analyze

    @TestFactory
    Stream<DynamicTest> analyze() {
        List<Case> cases = new ArrayList<>();
        String counts = "'fields': {'n': {'operator': 'count'}}";
        cases.add(analyze("DAILY buckets created_at by day; group_by names a key by its last segment; ordered by group keys",
                "{'granularity': 'DAILY', 'group_by': ['data.kind'], " + counts + "}",
                analyzed("[{'date': '$DAY', 'kind': null, 'n': 5}, {'date': '$DAY', 'kind': 'db', 'n': 3},"
                        + " {'date': '$DAY', 'kind': 'fn', 'n': 3}, {'date': '$DAY', 'kind': 'vm', 'n': 5}]", null)));
        cases.add(analyze("MONTHLY with start and end this month; group_by {key, name}; sum",
                "{'granularity': 'MONTHLY', 'start': '$MONTH', 'end': '$MONTH', 'group_by': [{'key': 'data.kind', 'name': 'k'}],"
                        + " 'fields': {'total': {'key': 'data.amount', 'operator': 'sum'}}}",
                analyzed("[{'date': '$MONTH', 'k': null, 'total': 0}, {'date': '$MONTH', 'k': 'db', 'total': 45},"
                        + " {'date': '$MONTH', 'k': 'fn', 'total': -5}, {'date': '$MONTH', 'k': 'vm', 'total': 39.5}]", null)));
        cases.add(analyze("YEARLY with start and end as days includes today",
                "{'granularity': 'YEARLY', 'start': '$DAY', 'end': '$DAY', " + counts + "}",
                analyzed("[{'date': '$YEAR', 'n': 16}]", null)));
        cases.add(analyze("start after today keeps nothing",
                "{'granularity': 'YEARLY', 'start': '$NEXTYEAR', " + counts + "}", analyzed("[]", null)));
        cases.add(analyze("end before today keeps nothing",
                "{'granularity': 'DAILY', 'end': '$LASTYEAR', " + counts + "}", analyzed("[]", null)));
        cases.add(analyze("without granularity: group_by a nested key, count and push",
                "{'filter': [{'k': 'data.owner.name', 'v': true, 'o': 'exists'}], 'group_by': ['data.owner.team'],"
                        + " 'fields': {'n': {'operator': 'count'}, 'names': {'key': 'data.owner.name', 'operator': 'push'}}}",
                analyzed("[{'team': null, 'n': 1, 'names': ['carol']}, {'team': 'dev', 'n': 2, 'names': ['bob', 'erin']},"
                        + " {'team': 'ops', 'n': 2, 'names': ['alice', 'dave']}]", null)));
        cases.add(analyze("select keeps only the selected keys, with a project operator",
                "{'group_by': ['data.kind'], 'fields': {'total': {'key': 'data.amount', 'operator': 'sum'}, 'n': {'operator': 'count'}},"
                        + " 'select': {'kind': 'kind', 'avg': {'operator': 'divide', 'fields': ['total', 'n']}},"
                        + " 'sort': [{'key': 'kind'}]}",
                analyzed("[{'kind': null, 'avg': 0}, {'kind': 'db', 'avg': 15}, {'kind': 'fn', 'avg': -1.6666666666666667},"
                        + " {'kind': 'vm', 'avg': 7.9}]", null)));
        cases.add(analyze("field_group folds the date into lists with _total_; sort on a field sorts on its total",
                "{'granularity': 'DAILY', 'group_by': ['data.kind'], " + counts + ", 'field_group': ['date'],"
                        + " 'sort': [{'key': 'n', 'desc': true}, {'key': 'kind'}]}",
                analyzed("[{'kind': null, 'n': [{'value': 5, 'date': '$DAY'}], '_total_n': 5},"
                        + " {'kind': 'vm', 'n': [{'value': 5, 'date': '$DAY'}], '_total_n': 5},"
                        + " {'kind': 'db', 'n': [{'value': 3, 'date': '$DAY'}], '_total_n': 3},"
                        + " {'kind': 'fn', 'n': [{'value': 3, 'date': '$DAY'}], '_total_n': 3}]", null)));
        cases.add(analyze("field_group of a group key: a list per remaining key, _total_ of average is the average",
                "{'group_by': ['data.kind', 'data.owner.team'], 'filter': [{'k': 'data.owner.team', 'v': true, 'o': 'exists'}],"
                        + " 'fields': {'amount': {'key': 'data.amount', 'operator': 'max'}}, 'field_group': ['kind'],"
                        + " 'sort': [{'key': 'team'}]}",
                analyzed("[{'team': 'dev', 'amount': [{'value': 20, 'kind': 'vm'}, {'value': 5, 'kind': 'db'}], '_total_amount': 20},"
                        + " {'team': 'ops', 'amount': [{'value': 10, 'kind': 'vm'}], '_total_amount': 10}]", null)));
        cases.add(analyze("sort on a field descending", "{'group_by': ['data.kind'],"
                        + " 'fields': {'total': {'key': 'data.amount', 'operator': 'sum'}, 'hi': {'key': 'data.amount', 'operator': 'max'}},"
                        + " 'sort': [{'key': 'total', 'desc': true}]}",
                analyzed("[{'kind': 'db', 'total': 45, 'hi': '30'}, {'kind': 'vm', 'total': 39.5, 'hi': 20},"
                        + " {'kind': null, 'total': 0, 'hi': null}, {'kind': 'fn', 'total': -5, 'hi': 0}]", null)));
        cases.add(analyze("neither granularity nor group_by: one row of fields",
                "{'fields': {'n': {'operator': 'count'}, 'total': {'key': 'data.amount', 'operator': 'sum'}}}",
                analyzed("[{'n': 16, 'total': 79.5}]", null)));
        cases.add(analyze("field_group of the date with sum: _total_ is the sum",
                "{'granularity': 'MONTHLY', 'group_by': ['data.kind'], 'fields': {'total': {'key': 'data.amount', 'operator': 'sum'}},"
                        + " 'field_group': ['date'], 'sort': [{'key': 'kind'}]}",
                analyzed("[{'kind': null, 'total': [{'value': 0, 'date': '$MONTH'}], '_total_total': 0},"
                        + " {'kind': 'db', 'total': [{'value': 45, 'date': '$MONTH'}], '_total_total': 45},"
                        + " {'kind': 'fn', 'total': [{'value': -5, 'date': '$MONTH'}], '_total_total': -5},"
                        + " {'kind': 'vm', 'total': [{'value': 39.5, 'date': '$MONTH'}], '_total_total': 39.5}]", null)));
        cases.add(analyze("select renames keys",
                "{'group_by': ['data.kind'], " + counts + ", 'select': {'k': 'kind', 'count': 'n'}}",
                analyzed("[{'k': null, 'count': 5}, {'k': 'db', 'count': 3}, {'k': 'fn', 'count': 3}, {'k': 'vm', 'count': 5}]", null)));
        cases.add(analyze("a page past the end is empty, with no more",
                "{'group_by': ['data.kind'], " + counts + ", 'sort': [{'key': 'kind'}], 'page': {'start': 9, 'limit': 2}}",
                analyzed("[]", false)));
        cases.add(analyze("page with rows remaining says more: true",
                "{'group_by': ['data.kind'], " + counts + ", 'sort': [{'key': 'kind'}], 'page': {'start': 1, 'limit': 3}}",
                analyzed("[{'kind': null, 'n': 5}, {'kind': 'db', 'n': 3}, {'kind': 'fn', 'n': 3}]", true)));
        cases.add(analyze("the last page says more: false",
                "{'group_by': ['data.kind'], " + counts + ", 'sort': [{'key': 'kind'}], 'page': {'start': 3, 'limit': 2}}",
                analyzed("[{'kind': 'fn', 'n': 3}, {'kind': 'vm', 'n': 5}]", false)));
        return run(cases);
    }

    // ---------------------------------------------------------------------------------- the table

    private record Case(String name, String verb, String query, Consumer<JsonNode> check, boolean errorExpected) {
    }

    private Case list(String name, String query, Check check) {
        return new Case("list: " + name, "list", query, check.consumer, check.error);
    }

    private Case stat(String name, String query, Check check) {
        return new Case("stat: " + name, "stat", query, check.consumer, check.error);
    }

    private Case analyze(String name, String query, Check check) {
        return new Case("analyze: " + name, "analyze", query, check.consumer, check.error);
    }

    /** What a case checks: the body of a 200, or (error) the body of a 400. */
    private record Check(Consumer<JsonNode> consumer, boolean error) {
    }

    private Stream<DynamicTest> run(List<Case> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            String body = "{\"query\": " + scoped(c.query()) + "}";
            Response response = api.post("/api/config/domain-config/" + c.verb(), body);
            String raw = response.raw().length() > 1500 ? response.raw().substring(0, 1500) + "..." : response.raw();
            String replay = c.name() + "\nPOST /api/config/domain-config/" + c.verb() + " " + body + "\n -> "
                    + response.status() + " " + raw;
            if (c.errorExpected()) {
                assertThat(response.status()).as(replay).isEqualTo(400);
            } else {
                assertThat(response.status()).as(replay).isEqualTo(200);
            }
            try {
                c.check().accept(response.body());
            } catch (AssertionError e) {
                throw new AssertionError(replay + "\n" + e.getMessage(), e);
            }
        }));
    }

    /** The case's query with this run's confinement added as the first filter condition. */
    private String scoped(String query) {
        ObjectNode json = (ObjectNode) ApiClient.json(expand(query));
        ArrayNode filter = NODES.arrayNode();
        filter.add(NODES.objectNode().put("k", "data.run").put("v", run).put("o", "eq"));
        if (json.has("filter")) {
            filter.addAll((ArrayNode) json.get("filter"));
        }
        json.set("filter", filter);
        return json.toString();
    }

    private String expand(String text) {
        int year = Integer.parseInt(today.substring(0, 4));
        return quotes(text).replace("$P", prefix).replace("$DAY", today).replace("$MONTH", today.substring(0, 7))
                .replace("$NEXTYEAR", String.valueOf(year + 1)).replace("$LASTYEAR", String.valueOf(year - 1))
                .replace("$YEAR", String.valueOf(year));
    }

    private static String quotes(String text) {
        return text.replace('\'', '"');
    }

    // ------------------------------------------------------------------------------ expectations

    private Check names(String... expected) {
        return names(List.of(expected));
    }

    private Check names(List<String> expected) {
        return new Check(body -> {
            assertThat(resultNames(body)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(body.get("total_count").asInt()).isEqualTo(expected.size());
        }, false);
    }

    private Check allBut(String... excluded) {
        List<String> expected = new ArrayList<>(ALL);
        expected.removeAll(List.of(excluded));
        return names(expected);
    }

    private Check ordered(String... expected) {
        return page(expected.length, expected);
    }

    private Check page(int total, String... expected) {
        return new Check(body -> {
            assertThat(resultNames(body)).containsExactly(expected);
            assertThat(body.get("total_count").asInt()).isEqualTo(total);
        }, false);
    }

    private Check results(String expected, int total) {
        return new Check(body -> {
            assertSame(ApiClient.json(expand(expected)), body.get("results"), false);
            assertThat(body.get("total_count").asInt()).isEqualTo(total);
        }, false);
    }

    private Check refused(String keyPrefix) {
        return new Check(body -> {
            assertThat(body.at("/error/code").asString()).isEqualTo("ERROR_INVALID_PARAMETER");
            assertThat(body.at("/error/details/key").asString()).startsWith(keyPrefix);
        }, true);
    }

    /** Stat rows in this order; arrays inside rows compared as multisets. */
    private Check sortedRows(String expected, Integer total) {
        return statRows(expected, total, true);
    }

    /** Stat rows in any order; arrays inside rows compared as multisets. */
    private Check rows(String expected, Integer total) {
        return statRows(expected, total, false);
    }

    private Check statRows(String expected, Integer total, boolean ordered) {
        return new Check(body -> {
            JsonNode want = ApiClient.json(expand(expected));
            assertRows(want, body.get("results"), ordered);
            if (total == null) {
                assertThat(body.has("total_count")).as("total_count present without page.limit").isFalse();
            } else {
                assertThat(body.path("total_count").asInt(-1)).isEqualTo(total);
            }
        }, false);
    }

    /** Analyze rows in this order (arrays in rows as multisets); more: null means absent or false. */
    private Check analyzed(String expected, Boolean more) {
        return new Check(body -> {
            assertRows(ApiClient.json(expand(expected)), body.get("results"), true);
            if (Boolean.TRUE.equals(more)) {
                assertThat(body.path("more").asBoolean(false)).as("more").isTrue();
            } else {
                assertThat(body.path("more").asBoolean(false)).as("more").isFalse();
            }
        }, false);
    }

    private static void assertRows(JsonNode expected, JsonNode actual, boolean ordered) {
        assertThat(actual).as("results").isNotNull();
        assertThat(actual.isArray()).as("results is a list").isTrue();
        assertThat(actual.size()).as("number of rows in " + actual).isEqualTo(expected.size());
        if (ordered) {
            for (int index = 0; index < expected.size(); index++) {
                assertThat(same(expected.get(index), actual.get(index), true))
                        .as("row " + index + ": expected " + expected.get(index) + " but was " + actual.get(index)).isTrue();
            }
        } else {
            assertThat(multiset(expected, actual, true)).as("rows (any order): expected " + expected + " but was " + actual)
                    .isTrue();
        }
    }

    private static void assertSame(JsonNode expected, JsonNode actual, boolean arraysAsMultisets) {
        assertThat(same(expected, actual, arraysAsMultisets)).as("expected " + expected + " but was " + actual).isTrue();
    }

    /**
     * Deep equality where numbers compare by value (to 12 significant digits), a missing member
     * equals null, and arrays compare as multisets when asked.
     */
    private static boolean same(JsonNode expected, JsonNode actual, boolean arraysAsMultisets) {
        boolean expectedNull = expected == null || expected.isNull() || expected.isMissingNode();
        boolean actualNull = actual == null || actual.isNull() || actual.isMissingNode();
        if (expectedNull || actualNull) {
            return expectedNull && actualNull;
        }
        if (expected.isNumber() && actual.isNumber()) {
            MathContext precision = new MathContext(12);
            BigDecimal a = expected.decimalValue().round(precision);
            BigDecimal b = actual.decimalValue().round(precision);
            return a.compareTo(b) == 0;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> members = new LinkedHashSet<>();
            expected.propertyNames().forEach(members::add);
            actual.propertyNames().forEach(members::add);
            for (String member : members) {
                if (!same(expected.get(member), actual.get(member), arraysAsMultisets)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            if (arraysAsMultisets) {
                return multiset(expected, actual, true);
            }
            for (int index = 0; index < expected.size(); index++) {
                if (!same(expected.get(index), actual.get(index), false)) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    private static boolean multiset(JsonNode expected, JsonNode actual, boolean nested) {
        if (expected.size() != actual.size()) {
            return false;
        }
        Set<Integer> used = new HashSet<>();
        for (JsonNode want : expected) {
            boolean found = false;
            for (int index = 0; index < actual.size() && !found; index++) {
                if (!used.contains(index) && same(want, actual.get(index), nested)) {
                    used.add(index);
                    found = true;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private List<String> resultNames(JsonNode body) {
        assertThat(body).isNotNull();
        List<String> names = new ArrayList<>();
        for (Iterator<JsonNode> results = body.get("results").iterator(); results.hasNext(); ) {
            String name = results.next().get("name").asString();
            assertThat(name).startsWith(prefix);
            names.add(name.substring(prefix.length()));
        }
        return names;
    }
}
