package dev.canopy.server.identity.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;

import dev.canopy.server.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Schema checks: of schemas themselves, and of data, whose failures name the field and never quote a value. */
class SchemaValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "Do-Not-Quote-Me-42";
    private static final JsonNode ACCESS_KEY = JSON.readTree("""
            {"type": "object",
             "properties": {"aws_access_key_id": {"type": "string", "minLength": 4},
                            "aws_secret_access_key": {"type": "string", "minLength": 4},
                            "region": {"enum": ["eu-west-1", "us-east-1"]},
                            "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}},
                            "nested": {"type": "object", "properties": {"inner": {"const": "fixed"}},
                                       "additionalProperties": false}},
             "required": ["aws_access_key_id", "aws_secret_access_key"]}""");

    private final SchemaValidator validator = new SchemaValidator();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"aws_access_key_id\": \"AKIA1234\"} | data.aws_secret_access_key | is required",
            "{\"aws_access_key_id\": \"AKIA1234\", \"aws_secret_access_key\": 42} | data.aws_secret_access_key | integer found, string expected",
            "{\"aws_access_key_id\": \"AK\", \"aws_secret_access_key\": \"SECRETVALUE\"} | data.aws_access_key_id | must be at least 4 characters long",
            "{\"aws_access_key_id\": \"AKIA1234\", \"aws_secret_access_key\": \"SECRETVALUE\", \"region\": \"SECRETVALUE\"} | data.region | is not one of the values the schema allows",
            "{\"aws_access_key_id\": \"AKIA1234\", \"aws_secret_access_key\": \"SECRETVALUE\", \"tags\": [\"ok\", \"SECRETVALUE\"]} | data.tags[1] | does not match the regex pattern ^[a-z]+$",
            "{\"aws_access_key_id\": \"AKIA1234\", \"aws_secret_access_key\": \"SECRETVALUE\", \"nested\": {\"inner\": \"SECRETVALUE\"}} | data.nested.inner | is not the value the schema requires",
            "{\"aws_access_key_id\": \"AKIA1234\", \"aws_secret_access_key\": \"SECRETVALUE\", \"nested\": {\"SECRETKEY\": 1}} | data.nested.SECRETKEY | is not allowed by the schema",
    })
    void namesTheFieldAndNeverQuotesTheValue(String data, String key, String reason) {
        assertThatThrownBy(() -> validator.validate(ACCESS_KEY, JSON.readTree(data), "data", "schema_id"))
                .isInstanceOfSatisfying(ApiException.class, failure -> {
                    assertThat(failure.details()).containsEntry("key", key).containsEntry("reason", reason);
                    assertThat(failure.getMessage()).doesNotContain("SECRETVALUE").doesNotContain("AKIA1234");
                });
    }

    @Test
    void dataThatFollowsTheSchemaPasses() {
        assertThatCode(() -> validator.validate(ACCESS_KEY, JSON.readTree("{\"aws_access_key_id\": \"AKIA1234\","
                + " \"aws_secret_access_key\": \"" + SECRET + "\", \"tags\": [\"a\"]}"), "data", "schema_id"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"type\": \"strin\"} | schema.type",
            "{\"properties\": {\"a\": {\"minLength\": -1}}} | schema.properties.a.minLength",
            "{\"required\": \"a\"} | schema.required",
            "{\"$schema\": \"https://example.com/my-dialect\"} | schema.$schema",
            "{\"$ref\": \"#/$defs/missing\"} | schema",
    })
    void refusesDocumentsThatAreNotValidSchemas(String schema, String key) {
        assertThatThrownBy(() -> validator.requireValidSchema(JSON.readTree(schema), "schema"))
                .isInstanceOfSatisfying(ApiException.class, failure -> assertThat(failure.details()).containsEntry("key", key));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"http://169.254.169.254/latest/meta-data", "file:///etc/passwd",
            "classpath:application.yml", "https://example.com/schema.json"})
    void neverFetchesOrReadsAReferencedDocument(String reference) {
        assertThatThrownBy(() -> validator.requireValidSchema(JSON.readTree("{\"$ref\": \"" + reference + "\"}"), "schema"))
                .isInstanceOfSatisfying(ApiException.class, failure -> {
                    assertThat(failure.details()).containsEntry("key", "schema");
                    assertThat(failure.details().get("reason").toString()).contains("not allowed to be loaded");
                });
    }

    @Test
    void acceptsOlderDialectsAndReferencesWithinTheDocument() {
        assertThatCode(() -> validator.requireValidSchema(JSON.readTree("""
                {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                 "properties": {"key": {"$ref": "#/definitions/key"}}, "definitions": {"key": {"type": "string"}}}"""),
                "schema")).doesNotThrowAnyException();
    }

    @Test
    void everyManagedSchemaIsAValidSchema() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(ManagedCatalog.RESOURCE)) {
            JsonNode catalog = JSON.readTree(in);
            assertThat(catalog.path("schemas").size()).isGreaterThanOrEqualTo(12);
            catalog.path("schemas").forEach(schema -> assertThatCode(() -> validator.requireValidSchema(schema.get("schema"),
                    schema.get("schema_id").asString())).doesNotThrowAnyException());
        }
    }
}
