package dev.canopy.server.api;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Serves {@code /api/openapi.json}: an OpenAPI 3.1 description of every registered verb. */
@RestController
class OpenApiController {

    private final byte[] document;

    OpenApiController(VerbRegistry registry, ApiJson json) {
        this.document = json.write(describe(registry));
    }

    @GetMapping("/api/openapi.json")
    ResponseEntity<byte[]> openApi() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }

    private static ObjectNode describe(VerbRegistry registry) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("openapi", "3.1.0");
        root.putObject("info")
                .put("title", "Canopy API")
                .put("version", "v1")
                .put("description", "Every verb is POST /api/{service}/{resource}/{verb} with a JSON body.");
        ObjectNode components = nodes.objectNode();
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Error", errorSchema());
        components.putObject("securitySchemes").putObject("bearer")
                .put("type", "http").put("scheme", "bearer")
                .put("description", "An access token from identity.Token.issue, or an API key (ck_...)");
        JsonSchemas requestSchemas = new JsonSchemas(schemas);
        ObjectNode paths = root.putObject("paths");
        for (Verb<?, ?> verb : registry.all()) {
            ObjectNode operation = paths.putObject(verb.path()).putObject("post");
            operation.put("operationId", verb.permission());
            operation.put("summary", verb.summary());
            operation.putArray("tags").add(verb.service() + "." + verb.resource());
            operation.put("x-permission", verb.permission());
            operation.put("x-access", verb.access().name());
            if (verb.access() == VerbAccess.OPEN) {
                operation.putArray("security"); // no credentials needed
            } else {
                operation.putArray("security").addObject().putArray("bearer");
            }
            operation.putObject("requestBody").put("required", false)
                    .putObject("content").putObject("application/json")
                    .set("schema", requestSchemas.schemaOf(verb.requestType()));
            ObjectNode responses = operation.putObject("responses");
            responses.putObject("200").put("description", "Success")
                    .putObject("content").putObject("application/json")
                    .set("schema", requestSchemas.schemaOf(verb.responseType()));
            responses.putObject("default").put("description", "Error")
                    .putObject("content").putObject("application/json")
                    .putObject("schema").put("$ref", "#/components/schemas/Error");
        }
        root.set("components", components);
        return root;
    }

    private static ObjectNode errorSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode error = schema.putObject("properties").putObject("error").put("type", "object");
        ObjectNode properties = error.putObject("properties");
        properties.putObject("code").put("type", "string").put("examples", "ERROR_NOT_FOUND");
        properties.putObject("message").put("type", "string");
        properties.putObject("details").put("type", "object");
        ArrayNode required = error.putArray("required");
        required.add("code").add("message");
        return schema;
    }
}
