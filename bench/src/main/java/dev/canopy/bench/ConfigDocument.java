package dev.canopy.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The config document both sides of the round-trip benchmark write and read back. Both sides
 * serialize it with Jackson on every iteration and parse what they read, so the comparison
 * measures the platform, not a difference in JSON work. Thread-safe (the template nodes are
 * only ever read).
 */
public final class ConfigDocument {

    private static final String DATA = """
            {"theme":"dark","widgets":[{"id":1,"size":"large"},{"id":2,"size":"small"}],"limits":{"cpu":4}}""";
    private static final String TAGS = """
            {"team":"bench"}""";

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonNode data = json.readTree(DATA);
    private final JsonNode tags = json.readTree(TAGS);

    /** {@code {"name":..., "data":{...}, "tags":{...}}}: the create request, and the row stored by JDBC. */
    public String create(String name) {
        ObjectNode document = json.createObjectNode();
        document.put("name", name);
        document.set("data", data);
        document.set("tags", tags);
        return json.writeValueAsString(document);
    }

    /** {@code {"name":...}}: the get request. */
    public String get(String name) {
        ObjectNode request = json.createObjectNode();
        request.put("name", name);
        return json.writeValueAsString(request);
    }

    /**
     * Parses a document read back and checks that it carries the expected name (at any depth, so
     * a response that wraps the config in an envelope is accepted too).
     *
     * @throws BenchmarkFailure if it does not
     */
    public void requireName(String documentJson, String expectedName, String source) {
        JsonNode document = json.readTree(documentJson);
        if (!document.findValuesAsString("name").contains(expectedName)) {
            throw new BenchmarkFailure(source + " does not carry the name " + expectedName + ": " + documentJson);
        }
    }
}
