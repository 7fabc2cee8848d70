package dev.canopy.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QueryParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void readsEveryPartOfAQuery() {
        Query query = QueryParser.parseQuery(json("""
                {"filter": [{"k": "provider", "v": "aws", "o": "eq"}, {"key": "data.size", "value": [1, 2], "operator": "in"}],
                 "filter_or": [{"k": "state", "v": "ACTIVE"}],
                 "sort": [{"key": "name"}, {"key": "created_at", "desc": true}],
                 "page": {"start": 3, "limit": 20},
                 "only": ["name", "data.size"], "keyword": "  web  ", "count_only": true, "minimal": false}
                """));

        assertThat(query.filter()).extracting(Condition::key, Condition::operator)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("provider", Operator.EQ),
                        org.assertj.core.groups.Tuple.tuple("data.size", Operator.IN));
        assertThat(query.filterOr()).singleElement().extracting(Condition::operator).isEqualTo(Operator.EQ);
        assertThat(query.sort()).containsExactly(new SortKey("name", false), new SortKey("created_at", true));
        assertThat(query.page()).isEqualTo(new Page(3, 20));
        assertThat(query.only()).containsExactly("name", "data.size");
        assertThat(query.keyword()).isEqualTo("web");
        assertThat(query.countOnly()).isTrue();
    }

    @Test
    void acceptsTheOlderSingleSortObject() {
        assertThat(QueryParser.parseQuery(json("{\"sort\": {\"key\": \"name\", \"desc\": true}}")).sort())
                .containsExactly(new SortKey("name", true));
        assertThat(QueryParser.parseQuery(json("{\"sort\": {\"keys\": [{\"key\": \"a\"}, {\"key\": \"b\", \"desc\": true}]}}")).sort())
                .containsExactly(new SortKey("a", false), new SortKey("b", true));
    }

    @Test
    void pageStartBelowOneMeansTheFirstPage() {
        assertThat(QueryParser.parseQuery(json("{\"page\": {\"start\": 0, \"limit\": 5}}")).page()).isEqualTo(new Page(1, 5));
    }

    @Test
    void nullQueryMatchesEverything() {
        assertThat(QueryParser.parseQuery(null)).isEqualTo(Query.ALL);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "[]                                                  | ''",
            "{\"filter\": {}}                                    | filter",
            "{\"filter\": [1]}                                   | filter[0]",
            "{\"filter\": [{\"v\": 1}]}                          | filter[0].k",
            "{\"filter\": [{\"k\": \"a b\", \"v\": 1}]}          | filter[0].k",
            "{\"filter\": [{\"k\": \"a..b\", \"v\": 1}]}         | filter[0].k",
            "{\"filter\": [{\"k\": \"a'\", \"v\": 1}]}           | filter[0].k",
            "{\"filter\": [{\"k\": \"a\", \"v\": 1, \"o\": \"like_it\"}]} | filter[0].o",
            "{\"filter\": [{\"k\": \"a\", \"v\": 1, \"o\": \"in\"}]}      | filter[0].v",
            "{\"filter\": [{\"k\": \"a\", \"v\": [[1]], \"o\": \"in\"}]}  | filter[0].v",
            "{\"filter\": [{\"k\": \"a\", \"v\": {\"x\": 1}}]}   | filter[0].v",
            "{\"filter\": [{\"k\": \"a\", \"v\": 1, \"o\": \"exists\"}]}  | filter[0].v",
            "{\"filter\": [{\"k\": \"a\", \"v\": 1, \"x\": 2}]}  | filter[0].x",
            "{\"filter_or\": [{\"k\": 5}]}                       | filter_or[0].k",
            "{\"sort\": [{\"key\": \"a\", \"desc\": \"yes\"}]}   | sort[0].desc",
            "{\"page\": {\"start\": \"1\"}}                      | page.start",
            "{\"page\": {\"limit\": 1.5}}                        | page.limit",
            "{\"only\": [\"a\", 3]}                              | only[1]",
            "{\"keyword\": 3}                                    | keyword",
            "{\"count_only\": \"true\"}                          | count_only",
            "{\"unknown\": 1}                                    | unknown",
    })
    void namesTheOffendingPartOfABadQuery(String query, String key) {
        assertThatThrownBy(() -> QueryParser.parseQuery(json(query)))
                .isInstanceOfSatisfying(InvalidQueryException.class, invalid -> assertThat(invalid.key()).isEqualTo(key));
    }

    @Test
    void rejectsKeysDeeperThanTheLimit() {
        String deep = String.join(".", java.util.Collections.nCopies(KeyPath.MAX_DEPTH + 1, "a"));
        assertThatThrownBy(() -> QueryParser.parseQuery(json("{\"filter\": [{\"k\": \"" + deep + "\", \"v\": 1}]}")))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        invalid -> assertThat(invalid.reason()).contains("deeper than"));
    }

    @Test
    void readsAGroupPipeline() {
        StatisticsQuery query = QueryParser.parseStatisticsQuery(json("""
                {"aggregate": [{"group": {"keys": [{"key": "provider", "name": "provider"}],
                                          "fields": [{"name": "total", "operator": "count"}]}},
                               {"sort": {"key": "total", "desc": true}}, {"limit": 5}],
                 "page": {"limit": 2}}
                """));

        assertThat(query.aggregate()).containsExactly(
                new AggregateStage.Group(List.of(new AggregateStage.GroupKey("provider", "provider")),
                        List.of(new AggregateStage.GroupField(null, "total", GroupOperator.COUNT))),
                new AggregateStage.Sort(List.of(new SortKey("total", true))),
                new AggregateStage.Limit(5));
        assertThat(query.page()).isEqualTo(new Page(1, 2));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                  | aggregate",
            "{\"aggregate\": []}                                 | aggregate",
            "{\"aggregate\": [{\"group\": {}}]}                  | aggregate[0].group",
            "{\"aggregate\": [{\"group\": {}, \"sort\": {}}]}    | aggregate[0]",
            "{\"aggregate\": [{\"frobnicate\": {}}]}             | aggregate[0].frobnicate",
            "{\"aggregate\": [{\"limit\": 0}]}                   | aggregate[0].limit",
            "{\"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"a\", \"name\": \"x y\"}]}}]} | aggregate[0].group.keys[0].name",
            "{\"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"a\", \"date_format\": \"%Q\"}]}}]} | aggregate[0].group.keys[0].date_format",
            "{\"aggregate\": [{\"group\": {\"fields\": [{\"name\": \"n\", \"operator\": \"sum\"}]}}]} | aggregate[0].group.fields[0].key",
            "{\"aggregate\": [{\"group\": {\"fields\": [{\"name\": \"n\", \"key\": \"a\", \"operator\": \"max\", \"conditions\": [{\"k\": \"a\", \"v\": 1}]}]}}]} | aggregate[0].group.fields[0].conditions",
            "{\"aggregate\": [{\"group\": {\"fields\": [{\"name\": \"n\", \"operator\": \"count\", \"conditions\": [{\"k\": \"a\", \"v\": \"x\", \"o\": \"regex\"}]}]}}]} | aggregate[0].group.fields[0].conditions[0].operator",
            "{\"aggregate\": [{\"project\": {\"fields\": [{\"name\": \"d\", \"operator\": \"divide\", \"fields\": [\"a\"]}]}}]} | aggregate[0].project.fields[0].fields",
            "{\"aggregate\": [{\"unwind\": {\"path\": \"a..b\"}}]} | aggregate[0].unwind.path",
            "{\"aggregate\": [{\"skip\": -1}]} | aggregate[0].skip",
            "{\"aggregate\": [{\"count\": {}}]} | aggregate[0].count.name",
    })
    void namesTheOffendingPartOfABadPipeline(String query, String key) {
        assertThatThrownBy(() -> QueryParser.parseStatisticsQuery(json(query)))
                .isInstanceOfSatisfying(InvalidQueryException.class, invalid -> assertThat(invalid.key()).isEqualTo(key));
    }

    @Test
    void readsEveryStage() {
        StatisticsQuery query = QueryParser.parseStatisticsQuery(json("""
                {"aggregate": [{"unwind": {"path": "data.disks"}},
                               {"group": {"keys": [{"key": "created_at", "name": "month", "date_format": "%Y-%m"}],
                                          "fields": [{"key": "data.disks.size", "name": "big", "operator": "sum",
                                                      "conditions": [{"k": "data.disks.size", "v": 100, "o": "gt"}]},
                                                     {"name": "disks", "operator": "push", "fields": [{"key": "data.disks.type", "name": "type"}]}]}},
                               {"project": {"fields": [{"name": "ratio", "operator": "divide", "fields": ["big", {"operator": "add", "fields": ["big", 1]}]}],
                                            "exclude_keys": true}},
                               {"skip": 1}, {"count": {"name": "n"}}]}
                """));

        assertThat(query.aggregate()).hasSize(5);
        assertThat(query.aggregate().get(0)).isEqualTo(new AggregateStage.Unwind("data.disks"));
        AggregateStage.Group group = (AggregateStage.Group) query.aggregate().get(1);
        assertThat(group.keys()).containsExactly(new AggregateStage.GroupKey("created_at", "month", "%Y-%m"));
        assertThat(group.fields().get(0).conditions()).singleElement().extracting(Condition::operator).isEqualTo(Operator.GT);
        assertThat(group.fields().get(1).fields()).containsExactly(new AggregateStage.NamedKey("data.disks.type", "type"));
        AggregateStage.Project project = (AggregateStage.Project) query.aggregate().get(2);
        assertThat(project.excludeKeys()).isTrue();
        assertThat(project.fields().get(0).operands()).hasSize(2).last().isInstanceOf(AggregateStage.Operand.Operation.class);
        assertThat(query.aggregate().subList(3, 5)).containsExactly(new AggregateStage.Skip(1), new AggregateStage.Count("n"));
    }

    @Test
    void readsAnAnalyzeQuery() {
        AnalyzeQuery query = QueryParser.parseAnalyzeQuery(json("""
                {"granularity": "MONTHLY", "start": "2024-01", "end": "2024-06",
                 "group_by": ["tags.env", {"key": "provider", "name": "cloud"}],
                 "fields": {"cost": {"key": "data.cost", "operator": "sum"}, "n": {"operator": "count"}},
                 "select": {"env": "env", "per": {"operator": "divide", "fields": ["cost", "n"]}},
                 "field_group": ["cloud"], "sort": [{"key": "cost", "desc": true}], "page": {"limit": 10}}
                """));

        assertThat(query.granularity()).isEqualTo(Granularity.MONTHLY);
        assertThat(query.groupBy()).containsExactly(new AggregateStage.GroupKey("tags.env", "env"),
                new AggregateStage.GroupKey("provider", "cloud"));
        assertThat(query.fields()).extracting(AggregateStage.GroupField::name).containsExactly("cost", "n");
        assertThat(query.select()).extracting(AggregateStage.ProjectField::name).containsExactly("env", "per");
        assertThat(query.fieldGroup()).containsExactly("cloud");
        assertThat(query.page()).isEqualTo(new Page(1, 10));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                              | fields",
            "{\"fields\": {}}                                                | fields",
            "{\"fields\": {\"n\": {\"operator\": \"count\"}}, \"granularity\": \"HOURLY\"} | granularity",
            "{\"fields\": {\"n\": {\"operator\": \"count\"}}, \"start\": \"2024-13\"}     | start",
            "{\"fields\": {\"n\": {\"operator\": \"median\"}}}                        | fields.n.operator",
            "{\"fields\": {\"n\": {\"operator\": \"count\"}}, \"field_group\": [\"_total_n\"]} | field_group[0]",
            "{\"fields\": {\"n\": {\"operator\": \"count\"}}, \"keyword\": \"x\"}         | keyword",
    })
    void namesTheOffendingPartOfABadAnalyzeQuery(String query, String key) {
        assertThatThrownBy(() -> QueryParser.parseAnalyzeQuery(json(query)))
                .isInstanceOfSatisfying(InvalidQueryException.class, invalid -> assertThat(invalid.key()).isEqualTo(key));
    }
}
