package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import dev.canopy.server.identity.domain.Domains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Providers and schemas: the managed ones in every domain and immutable, a domain's own through
 * every verb, schemas that must themselves be valid JSON Schemas, and secret data checked against
 * its schema with errors that name the field.
 */
class ProviderSchemaIT extends TestServer {

    private static final List<String> MANAGED_PROVIDERS = List.of("aws", "azure", "google_cloud", "kubernetes", "demo");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Domains domains;

    ApiClient admin;
    IdentityFixture fixture;
    String key;

    @BeforeEach
    void setUp() {
        admin = ApiClient.admin(port);
        fixture = new IdentityFixture(admin, jdbc);
        key = "p" + Long.toHexString(System.nanoTime());
    }

    private static List<String> values(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.path("results").forEach(result -> values.add(result.path(field).asString()));
        return values;
    }

    @Test
    void everyDomainHasTheManagedProvidersAndSchemas() {
        String other = domains.create("catalog-" + key, false, "admin@catalog.example", "Catalog-Admin-1");
        ApiClient otherAdmin = ApiClient.signedIn(port, other, "admin@catalog.example", "Catalog-Admin-1");

        for (ApiClient client : List.of(admin, otherAdmin)) {
            JsonNode providers = fixture.ok(client, "/api/identity/provider/list",
                    "{\"query\": {\"filter\": [{\"k\": \"is_managed\", \"v\": true, \"o\": \"eq\"}]}}");
            assertThat(values(providers, "provider")).containsExactlyElementsOf(MANAGED_PROVIDERS); // sorted by order
            JsonNode schemas = fixture.ok(client, "/api/identity/schema/list", "{\"provider\": \"aws\"}");
            assertThat(values(schemas, "schema_id")).contains("aws_access_key", "aws_assume_role", "aws_account_id",
                    "aws_trusted_access_key", "aws_trusted_account_id");
        }
        JsonNode aws = fixture.ok(otherAdmin, "/api/identity/provider/get", "{\"provider\": \"aws\"}");
        assertThat(aws.get("is_managed").asBoolean()).isTrue();
        assertThat(aws.get("name").asString()).isEqualTo("AWS");
        assertThat(aws.get("domain_id").asString()).isEqualTo(other);
        JsonNode accessKey = fixture.ok(admin, "/api/identity/schema/get", "{\"schema_id\": \"aws_access_key\"}");
        assertThat(accessKey.get("schema_type").asString()).isEqualTo("SECRET");
        assertThat(accessKey.at("/schema/required").toString()).contains("aws_access_key_id", "aws_secret_access_key");
        assertThat(fixture.ok(admin, "/api/identity/schema/get", "{\"schema_id\": \"kubernetes_token\"}")
                .at("/schema/properties").has("server")).isTrue();
        JsonNode perType = fixture.ok(admin, "/api/identity/schema/stat", "{\"query\": {\"filter\": [{\"k\": \"is_managed\","
                + " \"v\": true, \"o\": \"eq\"}], \"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"schema_type\", \"name\": \"type\"}],"
                + " \"fields\": [{\"operator\": \"count\", \"name\": \"n\"}]}}]}}");
        assertThat(values(perType, "type")).containsExactlyInAnyOrder("SECRET", "SERVICE_ACCOUNT", "TRUSTED_ACCOUNT",
                "TRUSTED_SECRET");
    }

    @Test
    void managedProvidersAndSchemasCannotBeChangedOrDeleted() {
        for (String[] call : new String[][] {
                {"/api/identity/provider/update", "{\"provider\": \"aws\", \"name\": \"Mine\"}", "provider"},
                {"/api/identity/provider/delete", "{\"provider\": \"kubernetes\"}", "provider"},
                {"/api/identity/schema/update", "{\"schema_id\": \"aws_access_key\", \"name\": \"Mine\"}", "schema_id"},
                {"/api/identity/schema/delete", "{\"schema_id\": \"aws_access_key\"}", "schema_id"}}) {
            ApiClient.Response refused = admin.post(call[0], call[1]);
            assertThat(refused.status()).as(call[0] + " " + refused.raw()).isEqualTo(400);
            assertThat(refused.errorKey()).isEqualTo(call[2]);
            assertThat(refused.raw()).contains("managed");
        }
        ApiClient.Response again = admin.post("/api/identity/provider/create", "{\"provider\": \"aws\", \"name\": \"AWS 2\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("ERROR_ALREADY_EXISTS");
        assertThat(admin.post("/api/identity/schema/create", "{\"schema_id\": \"aws_access_key\", \"name\": \"x\","
                + " \"schema_type\": \"SECRET\", \"provider\": \"aws\", \"schema\": {}}").status()).isEqualTo(409);
        assertThat(fixture.ok(admin, "/api/identity/provider/get", "{\"provider\": \"aws\"}").get("name").asString())
                .isEqualTo("AWS");
    }

    @Test
    void aDomainsOwnProviderAndSchemaGoThroughEveryVerb() {
        JsonNode provider = fixture.ok(admin, "/api/identity/provider/create", "{\"provider\": \"" + key + "\","
                + " \"name\": \"OpenStack " + key + "\", \"color\": \"#ED1944\", \"order\": 7, \"options\": {\"region\": \"one\"},"
                + " \"reference\": {\"link\": \"https://www.openstack.org/\"}, \"tags\": {\"team\": \"infra\"}}");
        assertThat(provider.get("is_managed").asBoolean()).isFalse();
        assertThat(provider.get("order").asInt()).isEqualTo(7);
        assertThat(fixture.ok(admin, "/api/identity/provider/update", "{\"provider\": \"" + key + "\", \"alias\": \"OS\"}")
                .get("alias").asString()).isEqualTo("OS");
        assertThat(fixture.ok(admin, "/api/identity/provider/get", "{\"provider\": \"" + key + "\"}").get("name").asString())
                .isEqualTo("OpenStack " + key);
        assertThat(values(fixture.ok(admin, "/api/identity/provider/list", "{\"query\": {\"keyword\": \"" + key + "\"}}"),
                "provider")).containsExactly(key);
        JsonNode counted = fixture.ok(admin, "/api/identity/provider/stat", "{\"query\": {\"filter\": [{\"k\": \"provider\","
                + " \"v\": \"" + key + "\", \"o\": \"eq\"}], \"aggregate\": [{\"count\": {\"name\": \"n\"}}]}}");
        assertThat(counted.at("/results/0/n").asInt()).isEqualTo(1);

        String schemaId = key + "_password";
        JsonNode schema = fixture.ok(admin, "/api/identity/schema/create", "{\"schema_id\": \"" + schemaId + "\","
                + " \"name\": \"Password\", \"schema_type\": \"SECRET\", \"provider\": \"" + key + "\", \"related_schemas\":"
                + " [\"aws_access_key\"], \"schema\": {\"type\": \"object\", \"properties\": {\"password\": {\"type\": \"string\","
                + " \"minLength\": 8}}, \"required\": [\"password\"]}}");
        assertThat(schema.get("is_managed").asBoolean()).isFalse();
        assertThat(fixture.ok(admin, "/api/identity/schema/update", "{\"schema_id\": \"" + schemaId + "\", \"name\": \"Pass\","
                + " \"options\": {\"help\": \"the admin password\"}}").get("name").asString()).isEqualTo("Pass");
        assertThat(fixture.ok(admin, "/api/identity/schema/get", "{\"schema_id\": \"" + schemaId + "\"}")
                .at("/options/help").asString()).isEqualTo("the admin password");
        assertThat(values(fixture.ok(admin, "/api/identity/schema/list", "{\"provider\": \"" + key + "\", \"schema_type\":"
                + " \"SECRET\"}"), "schema_id")).containsExactly(schemaId);
        assertThat(fixture.ok(admin, "/api/identity/schema/stat", "{\"query\": {\"filter\": [{\"k\": \"provider\", \"v\": \""
                + key + "\", \"o\": \"eq\"}], \"aggregate\": [{\"count\": {\"name\": \"n\"}}]}}").at("/results/0/n").asInt())
                .isEqualTo(1);

        ApiClient.Response inUse = admin.post("/api/identity/provider/delete", "{\"provider\": \"" + key + "\"}");
        assertThat(inUse.status()).isEqualTo(400);
        assertThat(inUse.errorCode()).isEqualTo("ERROR_EXIST_RESOURCE");
        assertThat(inUse.errorKey()).isEqualTo("provider");

        fixture.ok(admin, "/api/identity/schema/delete", "{\"schema_id\": \"" + schemaId + "\"}");
        assertThat(admin.post("/api/identity/schema/get", "{\"schema_id\": \"" + schemaId + "\"}").status()).isEqualTo(404);
        fixture.ok(admin, "/api/identity/provider/delete", "{\"provider\": \"" + key + "\"}");
        ApiClient.Response gone = admin.post("/api/identity/provider/get", "{\"provider\": \"" + key + "\"}");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorKey()).isEqualTo("provider");
    }

    @Test
    void aSchemaMustItselfBeAValidJsonSchema() {
        provider();
        String base = "{\"schema_id\": \"" + key + "_bad\", \"name\": \"Bad\", \"schema_type\": \"SECRET\", \"provider\": \""
                + key + "\", \"schema\": ";
        for (String[] bad : new String[][] {
                {"{\"type\": \"strin\"}", "schema.type"},
                {"{\"properties\": {\"password\": {\"minLength\": -1}}}", "schema.properties.password.minLength"},
                {"{\"required\": \"password\"}", "schema.required"},
                {"{\"$ref\": \"http://169.254.169.254/latest/meta-data\"}", "schema"},
                {"{\"$ref\": \"#/$defs/nowhere\"}", "schema"}}) {
            ApiClient.Response refused = admin.post("/api/identity/schema/create", base + bad[0] + "}");
            assertThat(refused.status()).as(bad[0] + " -> " + refused.raw()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("ERROR_INVALID_PARAMETER");
            assertThat(refused.errorKey()).isEqualTo(bad[1]);
        }
        fixture.ok(admin, "/api/identity/schema/create", base + "{\"type\": \"object\"}}");
        ApiClient.Response update = admin.post("/api/identity/schema/update", "{\"schema_id\": \"" + key + "_bad\","
                + " \"schema\": {\"type\": 7}}");
        assertThat(update.status()).isEqualTo(400);
        assertThat(update.errorKey()).isEqualTo("schema.type");
    }

    @Test
    void schemasNeedAnExistingProviderAndOneAccountSchemaPerProviderAndType() {
        ApiClient.Response unknown = admin.post("/api/identity/schema/create", "{\"schema_id\": \"" + key + "_x\","
                + " \"name\": \"X\", \"schema_type\": \"SECRET\", \"provider\": \"nope_" + key + "\", \"schema\": {}}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorKey()).isEqualTo("provider");

        ApiClient.Response second = admin.post("/api/identity/schema/create", "{\"schema_id\": \"" + key + "_account\","
                + " \"name\": \"X\", \"schema_type\": \"SERVICE_ACCOUNT\", \"provider\": \"aws\", \"schema\": {}}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.raw()).contains("SERVICE_ACCOUNT");

        provider();
        fixture.ok(admin, "/api/identity/schema/create", "{\"schema_id\": \"" + key + "_account\", \"name\": \"Account\","
                + " \"schema_type\": \"SERVICE_ACCOUNT\", \"provider\": \"" + key + "\", \"schema\": {}}");
        assertThat(admin.post("/api/identity/schema/create", "{\"schema_id\": \"" + key + "_account2\", \"name\": \"Again\","
                + " \"schema_type\": \"SERVICE_ACCOUNT\", \"provider\": \"" + key + "\", \"schema\": {}}").status()).isEqualTo(409);
        ApiClient.Response related = admin.post("/api/identity/schema/create", "{\"schema_id\": \"" + key + "_rel\","
                + " \"name\": \"Rel\", \"schema_type\": \"SECRET\", \"provider\": \"" + key + "\", \"schema\": {},"
                + " \"related_schemas\": [\"aws_access_key\", \"nothing_" + key + "\"]}");
        assertThat(related.status()).isEqualTo(404);
        assertThat(related.errorKey()).isEqualTo("related_schemas[1]");
    }

    @Test
    void secretDataIsCheckedAgainstItsSchemaAndErrorsNameTheField() {
        String secretValue = "Never-Echo-" + key;
        ApiClient.Response missing = admin.post("/api/secret/secret/create", "{\"name\": \"s-" + key + "\", \"schema_id\":"
                + " \"aws_access_key\", \"data\": {\"aws_access_key_id\": \"" + secretValue + "\"}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("ERROR_INVALID_PARAMETER");
        assertThat(missing.errorKey()).isEqualTo("data.aws_secret_access_key");
        assertThat(missing.body().at("/error/details/reason").asString()).isEqualTo("is required");

        ApiClient.Response tooShort = admin.post("/api/secret/secret/create", "{\"name\": \"s-" + key + "\", \"schema_id\":"
                + " \"aws_access_key\", \"data\": {\"aws_access_key_id\": \"" + secretValue + "\", \"aws_secret_access_key\": \"ab\"}}");
        assertThat(tooShort.errorKey()).isEqualTo("data.aws_secret_access_key");
        assertThat(tooShort.raw()).doesNotContain(secretValue).doesNotContain("\"ab\"");

        ApiClient.Response wrongType = admin.post("/api/secret/secret/create", "{\"name\": \"s-" + key + "\", \"schema_id\":"
                + " \"aws_account_id\", \"data\": {\"account_id\": \"123456789012\"}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorKey()).isEqualTo("schema_id");

        ApiClient.Response unknown = admin.post("/api/secret/secret/create", "{\"name\": \"s-" + key + "\", \"schema_id\":"
                + " \"none_" + key + "\", \"data\": {}}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorKey()).isEqualTo("schema_id");

        ApiClient.Response otherProvider = admin.post("/api/secret/secret/create", "{\"name\": \"s-" + key + "\", \"provider\":"
                + " \"azure\", \"schema_id\": \"aws_access_key\", \"data\": {\"aws_access_key_id\": \"AKIA0000\","
                + " \"aws_secret_access_key\": \"" + secretValue + "\"}}");
        assertThat(otherProvider.status()).isEqualTo(400);
        assertThat(otherProvider.errorKey()).isEqualTo("schema_id");

        JsonNode created = fixture.ok(admin, "/api/secret/secret/create", "{\"name\": \"s-" + key + "\", \"schema_id\":"
                + " \"aws_access_key\", \"data\": {\"aws_access_key_id\": \"AKIA0000\", \"aws_secret_access_key\": \""
                + secretValue + "\"}}");
        assertThat(created.get("provider").asString()).isEqualTo("aws");
        ApiClient.Response badUpdate = admin.post("/api/secret/secret/update_data", "{\"secret_id\": \""
                + created.get("secret_id").asString() + "\", \"data\": {\"aws_access_key_id\": \"AKIA0000\"}}");
        assertThat(badUpdate.status()).isEqualTo(400);
        assertThat(badUpdate.errorKey()).isEqualTo("data.aws_secret_access_key");
    }

    @Test
    void aSchemaThatSecretsFollowIsNotDeleted() {
        provider();
        String schemaId = key + "_token";
        fixture.ok(admin, "/api/identity/schema/create", "{\"schema_id\": \"" + schemaId + "\", \"name\": \"Token\","
                + " \"schema_type\": \"SECRET\", \"provider\": \"" + key + "\", \"schema\": {\"type\": \"object\","
                + " \"required\": [\"token\"]}}");
        String secretId = fixture.ok(admin, "/api/secret/secret/create", "{\"name\": \"t-" + key + "\", \"schema_id\": \""
                + schemaId + "\", \"data\": {\"token\": \"abc\"}}").get("secret_id").asString();
        assertThat(fixture.ok(admin, "/api/secret/secret/get", "{\"secret_id\": \"" + secretId + "\"}")
                .get("provider").asString()).isEqualTo(key);

        ApiClient.Response refused = admin.post("/api/identity/schema/delete", "{\"schema_id\": \"" + schemaId + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("ERROR_EXIST_RESOURCE");
        assertThat(refused.errorKey()).isEqualTo("schema_id");

        fixture.ok(admin, "/api/secret/secret/delete", "{\"secret_id\": \"" + secretId + "\"}");
        fixture.ok(admin, "/api/identity/schema/delete", "{\"schema_id\": \"" + schemaId + "\"}");
    }

    @Test
    void projectScopedUsersReadProvidersAndSchemasButChangeNone() {
        String group = fixture.group(fixture.unique("catalog"), null);
        String project = fixture.project(fixture.unique("catalog"), group);
        String userId = fixture.user("catalog-admin");
        fixture.bind(userId, "Project Admin", "project_id", project);
        ApiClient projectAdmin = fixture.signIn(port, userId);

        assertThat(values(fixture.ok(projectAdmin, "/api/identity/provider/list", "{}"), "provider"))
                .containsAll(MANAGED_PROVIDERS);
        fixture.ok(projectAdmin, "/api/identity/schema/get", "{\"schema_id\": \"aws_assume_role\"}");
        for (String[] call : new String[][] {
                {"/api/identity/provider/create", "{\"provider\": \"" + key + "\", \"name\": \"x\"}"},
                {"/api/identity/schema/create", "{\"schema_id\": \"" + key + "\", \"name\": \"x\", \"schema_type\": \"SECRET\","
                        + " \"provider\": \"aws\", \"schema\": {}}"}}) {
            ApiClient.Response refused = projectAdmin.post(call[0], call[1]);
            assertThat(refused.status()).as(call[0] + " " + refused.raw()).isEqualTo(403);
        }
    }

    private void provider() {
        fixture.ok(admin, "/api/identity/provider/create", "{\"provider\": \"" + key + "\", \"name\": \"Provider " + key + "\"}");
    }
}
