package dev.canopy.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ProjectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void keepsOnlyTheListedDottedKeys() {
        ObjectNode document = (ObjectNode) JSON.readTree("""
                {"name": "vm-1", "data": {"size": 4, "disks": [1, 2], "owner": "ops"}, "tags": {"env": "prod"}}
                """);

        ObjectNode projected = Projection.apply(document, List.of("name", "data.size", "data.disks", "missing.key"));

        assertThat(projected).isEqualTo(JSON.readTree("{\"name\": \"vm-1\", \"data\": {\"size\": 4, \"disks\": [1, 2]}}"));
    }

    @Test
    void noKeysMeansTheWholeDocument() {
        ObjectNode document = (ObjectNode) JSON.readTree("{\"a\": 1}");
        assertThat(Projection.apply(document, List.of())).isSameAs(document);
    }
}
