package dev.canopy.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import dev.canopy.server.identity.domain.Domains;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Service accounts and trusted accounts: every verb, data and credentials checked against their
 * schemas, an account and its credentials written in one transaction, trusted accounts that cannot
 * go while borrowed, project scoping, and credentials that no response and no log line ever shows.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServiceAccountIT extends TestServer {

    private static final String DOMAIN = "domain-default";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServiceAccounts serviceAccounts;

    @Autowired
    Domains domains;

    ApiClient admin;
    IdentityFixture fixture;
    String run;
    String project;
    /** Credentials no response and no log line may show. */
    String secretKey;
    String trustedKey;

    @BeforeEach
    void setUp() {
        admin = ApiClient.admin(port);
        fixture = new IdentityFixture(admin, jdbc);
        run = Long.toHexString(System.nanoTime());
        project = fixture.project(fixture.unique("accounts"), fixture.group(fixture.unique("accounts"), null));
        secretKey = "Own-Secret-" + run;
        trustedKey = "Trusted-Secret-" + run;
    }

    @AfterEach
    void sabotageRemoved() {
        jdbc.sql("DROP TRIGGER IF EXISTS sabotage ON service_account").update();
        jdbc.sql("DROP FUNCTION IF EXISTS sabotage()").update();
    }

    private String trustedAccount(String name) {
        JsonNode created = fixture.ok(admin, "/api/identity/trusted-account/create", "{\"name\": \"" + name + "\","
                + " \"provider\": \"aws\", \"data\": {\"account_id\": \"111122223333\"}, \"secret_schema_id\":"
                + " \"aws_trusted_access_key\", \"secret_data\": {\"aws_access_key_id\": \"AKIATRUSTED1\","
                + " \"aws_secret_access_key\": \"" + trustedKey + "\"}, \"tags\": {\"org\": \"root\"}}");
        assertThat(created.toString()).doesNotContain(trustedKey);
        return created.get("trusted_account_id").asString();
    }

    private String accessKeyAccount(String name, String projectId) {
        JsonNode created = fixture.ok(admin, "/api/identity/service-account/create", "{\"name\": \"" + name + "\","
                + " \"provider\": \"aws\", \"project_id\": \"" + projectId + "\", \"data\": {\"account_id\": \"444455556666\"},"
                + " \"secret_schema_id\": \"aws_access_key\", \"secret_data\": {\"aws_access_key_id\": \"AKIAOWN1\","
                + " \"aws_secret_access_key\": \"" + secretKey + "\"}}");
        return created.get("service_account_id").asString();
    }

    private long count(String sql, Object... parameters) {
        return jdbc.sql(sql).params(parameters).query(Long.class).single();
    }

    @Test
    void aGeneralAccountBorrowsATrustedAccountsCredentialsThroughEveryVerb(CapturedOutput output) {
        String trustedId = trustedAccount("org-" + run);
        JsonNode trusted = fixture.ok(admin, "/api/identity/trusted-account/get", "{\"trusted_account_id\": \"" + trustedId + "\"}");
        assertThat(trustedId).startsWith("ta-");
        assertThat(trusted.get("trusted_secret_id").asString()).startsWith("trusted-secret-");

        JsonNode created = fixture.ok(admin, "/api/identity/service-account/create", "{\"name\": \"member-" + run + "\","
                + " \"provider\": \"aws\", \"project_id\": \"" + project + "\", \"data\": {\"account_id\": \"444455556666\"},"
                + " \"trusted_account_id\": \"" + trustedId + "\", \"secret_schema_id\": \"aws_assume_role\", \"secret_data\":"
                + " {\"role_arn\": \"arn:aws:iam::444455556666:role/" + secretKey + "\", \"external_id\": \"ext-" + run + "\"},"
                + " \"tags\": {\"env\": \"prod\"}}");
        String accountId = created.get("service_account_id").asString();
        assertThat(accountId).startsWith("sa-");
        assertThat(created.get("secret_id").asString()).startsWith("secret-");
        assertThat(created.get("trusted_account_id").asString()).isEqualTo(trustedId);
        assertThat(created.get("project_id").asString()).isEqualTo(project);

        ServiceAccountCredentials credentials = serviceAccounts.credentials(DOMAIN, accountId);
        assertThat(credentials.secretSchemaId()).isEqualTo("aws_assume_role");
        assertThat(credentials.trustedSecretSchemaId()).isEqualTo("aws_trusted_access_key");
        assertThat(credentials.trustedSecretData().get("aws_secret_access_key").asString()).isEqualTo(trustedKey);
        JsonNode merged = credentials.merged();
        assertThat(merged.get("role_arn").asString()).endsWith(secretKey);
        assertThat(merged.get("aws_secret_access_key").asString()).isEqualTo(trustedKey);
        assertThat(merged.get("aws_access_key_id").asString()).isEqualTo("AKIATRUSTED1");
        assertThat(credentials.toString()).doesNotContain(secretKey).doesNotContain(trustedKey);

        JsonNode got = fixture.ok(admin, "/api/identity/service-account/get", "{\"service_account_id\": \"" + accountId + "\"}");
        assertThat(got.has("secret_data")).isFalse();
        assertThat(fixture.ok(admin, "/api/identity/service-account/list", "{\"trusted_account_id\": \"" + trustedId + "\"}")
                .get("total_count").asLong()).isEqualTo(1);
        assertThat(fixture.ok(admin, "/api/identity/service-account/stat", "{\"query\": {\"filter\": [{\"k\": \"project_id\","
                + " \"v\": \"" + project + "\", \"o\": \"eq\"}], \"aggregate\": [{\"count\": {\"name\": \"n\"}}]}}")
                .at("/results/0/n").asInt()).isEqualTo(1);
        assertThat(fixture.ok(admin, "/api/identity/trusted-account/list", "{\"provider\": \"aws\", \"query\": {\"keyword\": \""
                + run + "\"}}").get("total_count").asLong()).isEqualTo(1);
        assertThat(fixture.ok(admin, "/api/identity/trusted-account/stat", "{\"query\": {\"filter\": [{\"k\":"
                + " \"trusted_account_id\", \"v\": \"" + trustedId + "\", \"o\": \"eq\"}], \"aggregate\": [{\"count\":"
                + " {\"name\": \"n\"}}]}}").at("/results/0/n").asInt()).isEqualTo(1);

        JsonNode updated = fixture.ok(admin, "/api/identity/service-account/update", "{\"service_account_id\": \"" + accountId
                + "\", \"name\": \"renamed-" + run + "\", \"data\": {\"account_id\": \"777788889999\"}, \"tags\": {}}");
        assertThat(updated.get("name").asString()).isEqualTo("renamed-" + run);
        assertThat(updated.at("/data/account_id").asString()).isEqualTo("777788889999");
        assertThat(fixture.ok(admin, "/api/identity/trusted-account/update", "{\"trusted_account_id\": \"" + trustedId
                + "\", \"name\": \"org2-" + run + "\"}").get("name").asString()).isEqualTo("org2-" + run);

        // The account's own credentials change, then go; the borrowed ones stay.
        fixture.ok(admin, "/api/identity/service-account/update_secret_data", "{\"service_account_id\": \"" + accountId
                + "\", \"secret_schema_id\": \"aws_assume_role\", \"secret_data\": {\"role_arn\": \"arn:aws:iam::1:role/next\"}}");
        assertThat(serviceAccounts.credentials(DOMAIN, accountId).merged().get("role_arn").asString()).endsWith("next");
        String secretId = created.get("secret_id").asString();
        JsonNode dropped = fixture.ok(admin, "/api/identity/service-account/delete_secret_data",
                "{\"service_account_id\": \"" + accountId + "\"}");
        assertThat(dropped.get("secret_id").isNull()).isTrue();
        assertThat(count("SELECT count(*) FROM secret_data WHERE id = ?", secretId)).isZero();
        ServiceAccountCredentials borrowedOnly = serviceAccounts.credentials(DOMAIN, accountId);
        assertThat(borrowedOnly.secretData().isEmpty()).isTrue();
        assertThat(borrowedOnly.merged().get("aws_secret_access_key").asString()).isEqualTo(trustedKey);

        fixture.ok(admin, "/api/identity/trusted-account/update_secret_data", "{\"trusted_account_id\": \"" + trustedId
                + "\", \"secret_schema_id\": \"aws_trusted_access_key\", \"secret_data\": {\"aws_access_key_id\": \"AKIATRUSTED2\","
                + " \"aws_secret_access_key\": \"" + trustedKey + "-2\"}}");
        assertThat(serviceAccounts.credentials(DOMAIN, accountId).merged().get("aws_access_key_id").asString())
                .isEqualTo("AKIATRUSTED2");

        JsonNode detached = fixture.ok(admin, "/api/identity/service-account/change_trusted_account",
                "{\"service_account_id\": \"" + accountId + "\"}");
        assertThat(detached.get("trusted_account_id").isNull()).isTrue();
        assertThat(serviceAccounts.credentials(DOMAIN, accountId).merged().isEmpty()).isTrue();
        fixture.ok(admin, "/api/identity/service-account/delete", "{\"service_account_id\": \"" + accountId + "\"}");
        assertThat(admin.post("/api/identity/service-account/get", "{\"service_account_id\": \"" + accountId + "\"}").status())
                .isEqualTo(404);
        fixture.ok(admin, "/api/identity/trusted-account/delete", "{\"trusted_account_id\": \"" + trustedId + "\"}");
        assertThat(count("SELECT count(*) FROM trusted_secret WHERE trusted_account_id = ?", trustedId)).isZero();

        assertThat(output.getAll()).doesNotContain(secretKey).doesNotContain(trustedKey);
    }

    @Test
    void deletingAGeneralAccountDeletesItsSecret() {
        String accountId = accessKeyAccount("with-secret-" + run, project);
        String secretId = fixture.ok(admin, "/api/identity/service-account/get", "{\"service_account_id\": \"" + accountId
                + "\"}").get("secret_id").asString();
        assertThat(serviceAccounts.credentials(DOMAIN, accountId).secretData().get("aws_secret_access_key").asString())
                .isEqualTo(secretKey);
        byte[] stored = jdbc.sql("SELECT ciphertext FROM secret_data WHERE id = ?").param(secretId).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secretKey).doesNotContain("aws_secret");

        // The secret belongs to its account: the secret verbs do not delete it behind the account's back.
        ApiClient.Response refused = admin.post("/api/secret/secret/delete", "{\"secret_id\": \"" + secretId + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorKey()).isEqualTo("secret_id");

        fixture.ok(admin, "/api/identity/service-account/delete", "{\"service_account_id\": \"" + accountId + "\"}");
        assertThat(count("SELECT count(*) FROM secret WHERE id = ?", secretId)).isZero();
        assertThat(count("SELECT count(*) FROM secret_data WHERE id = ?", secretId)).isZero();
    }

    @Test
    void dataAndCredentialsFollowTheirSchemasAndErrorsNameTheField(CapturedOutput output) {
        String base = "{\"name\": \"checked-" + run + "\", \"provider\": \"aws\", \"project_id\": \"" + project + "\", ";
        String[][] cases = {
                {"\"data\": {}}", "data.account_id", "ERROR_INVALID_PARAMETER"},
                {"\"data\": {\"account_id\": 42}}", "data.account_id", "ERROR_INVALID_PARAMETER"},
                {"\"data\": {\"account_id\": \"444455556666\"}, \"secret_schema_id\": \"aws_access_key\", \"secret_data\":"
                        + " {\"aws_access_key_id\": \"AKIAOWN1\"}}", "secret_data.aws_secret_access_key", "ERROR_INVALID_PARAMETER"},
                {"\"data\": {\"account_id\": \"444455556666\"}, \"secret_schema_id\": \"aws_access_key\", \"secret_data\":"
                        + " {\"aws_access_key_id\": \"AKIAOWN1\", \"aws_secret_access_key\": \"" + secretKey.substring(0, 3)
                        + "\"}}", "secret_data.aws_secret_access_key", "ERROR_INVALID_PARAMETER"},
                {"\"data\": {\"account_id\": \"444455556666\"}, \"secret_schema_id\": \"aws_access_key\"}", "secret_data",
                        "ERROR_REQUIRED_PARAMETER"},
                {"\"data\": {\"account_id\": \"444455556666\"}, \"secret_schema_id\": \"aws_trusted_access_key\","
                        + " \"secret_data\": {\"aws_access_key_id\": \"AKIAOWN1\", \"aws_secret_access_key\": \"" + secretKey
                        + "\"}}", "secret_schema_id", "ERROR_INVALID_PARAMETER"},
                {"\"data\": {\"account_id\": \"444455556666\"}, \"secret_schema_id\": \"azure_client_secret\","
                        + " \"secret_data\": {\"client_secret\": \"" + secretKey + "\"}}", "secret_schema_id",
                        "ERROR_INVALID_PARAMETER"},
                {"\"data\": {\"account_id\": \"444455556666\"}, \"secret_schema_id\": \"no_such_" + run + "\","
                        + " \"secret_data\": {}}", "secret_schema_id", "ERROR_NOT_FOUND"},
        };
        for (String[] invalid : cases) {
            ApiClient.Response refused = admin.post("/api/identity/service-account/create", base + invalid[0]);
            assertThat(refused.errorKey()).as(invalid[0] + " -> " + refused.raw()).isEqualTo(invalid[1]);
            assertThat(refused.errorCode()).isEqualTo(invalid[2]);
            assertThat(refused.status()).isIn(400, 404);
            assertThat(refused.raw()).doesNotContain(secretKey).doesNotContain("AKIAOWN1");
        }
        ApiClient.Response unknownProvider = admin.post("/api/identity/service-account/create", "{\"name\": \"x-" + run
                + "\", \"provider\": \"nowhere\", \"project_id\": \"" + project + "\"}");
        assertThat(unknownProvider.status()).isEqualTo(404);
        assertThat(unknownProvider.errorKey()).isEqualTo("provider");

        String accountId = accessKeyAccount("valid-" + run, project);
        ApiClient.Response badUpdate = admin.post("/api/identity/service-account/update", "{\"service_account_id\": \""
                + accountId + "\", \"data\": {\"account_id\": \"1\"}}");
        assertThat(badUpdate.errorKey()).isEqualTo("data.account_id");
        ApiClient.Response badSecret = admin.post("/api/identity/service-account/update_secret_data",
                "{\"service_account_id\": \"" + accountId + "\", \"secret_schema_id\": \"aws_access_key\", \"secret_data\":"
                        + " {\"aws_secret_access_key\": \"" + secretKey + "\"}}");
        assertThat(badSecret.errorKey()).isEqualTo("secret_data.aws_access_key_id");
        ApiClient.Response badTrusted = admin.post("/api/identity/trusted-account/create", "{\"name\": \"t-" + run + "\","
                + " \"provider\": \"aws\", \"data\": {\"account_id\": \"111122223333\"}, \"secret_schema_id\":"
                + " \"aws_trusted_access_key\", \"secret_data\": {\"aws_access_key_id\": \"AKIATRUSTED1\"}}");
        assertThat(badTrusted.errorKey()).isEqualTo("secret_data.aws_secret_access_key");
        assertThat(count("SELECT count(*) FROM trusted_account WHERE name = ?", "t-" + run)).isZero();

        assertThat(output.getAll()).doesNotContain(secretKey);
    }

    @Test
    void anAccountAndItsCredentialsAreWrittenInOneTransaction() {
        long secretsBefore = count("SELECT count(*) FROM secret WHERE domain_id = ?", DOMAIN);

        // Credentials that fail their schema: no account either, though it was written first.
        ApiClient.Response invalid = admin.post("/api/identity/service-account/create", "{\"name\": \"atomic-" + run + "\","
                + " \"provider\": \"aws\", \"project_id\": \"" + project + "\", \"data\": {\"account_id\": \"444455556666\"},"
                + " \"secret_schema_id\": \"aws_access_key\", \"secret_data\": {\"aws_access_key_id\": \"AKIAOWN1\"}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM service_account WHERE name = ?", "atomic-" + run)).isZero();

        // An account that cannot be written: a duplicate name in the project, or a project that does not exist.
        accessKeyAccount("atomic-" + run, project);
        long secretsWithOne = count("SELECT count(*) FROM secret WHERE domain_id = ?", DOMAIN);
        assertThat(secretsWithOne).isEqualTo(secretsBefore + 1);
        ApiClient.Response duplicate = admin.post("/api/identity/service-account/create", "{\"name\": \"atomic-" + run + "\","
                + " \"provider\": \"aws\", \"project_id\": \"" + project + "\", \"data\": {\"account_id\": \"444455556666\"},"
                + " \"secret_schema_id\": \"aws_access_key\", \"secret_data\": {\"aws_access_key_id\": \"AKIAOWN1\","
                + " \"aws_secret_access_key\": \"" + secretKey + "\"}}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("ERROR_ALREADY_EXISTS");
        ApiClient.Response noProject = admin.post("/api/identity/service-account/create", "{\"name\": \"atomic2-" + run + "\","
                + " \"provider\": \"aws\", \"project_id\": \"project-000000000000\", \"data\": {\"account_id\": \"444455556666\"},"
                + " \"secret_schema_id\": \"aws_access_key\", \"secret_data\": {\"aws_access_key_id\": \"AKIAOWN1\","
                + " \"aws_secret_access_key\": \"" + secretKey + "\"}}");
        assertThat(noProject.status()).isEqualTo(404);
        assertThat(noProject.errorKey()).isEqualTo("project_id");
        assertThat(count("SELECT count(*) FROM secret WHERE domain_id = ?", DOMAIN)).isEqualTo(secretsWithOne);

        // The account's last write fails after its secret was stored: the secret goes with it.
        jdbc.sql("CREATE FUNCTION sabotage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.name = 'sabotaged-" + run + "' AND NEW.doc ->> 'secret_id' IS NOT NULL THEN"
                + " RAISE EXCEPTION 'sabotaged' USING ERRCODE = 'unique_violation'; END IF; RETURN NEW; END $$").update();
        jdbc.sql("CREATE TRIGGER sabotage BEFORE UPDATE ON service_account FOR EACH ROW EXECUTE FUNCTION sabotage()").update();
        ApiClient.Response sabotaged = admin.post("/api/identity/service-account/create", "{\"name\": \"sabotaged-" + run
                + "\", \"provider\": \"aws\", \"project_id\": \"" + project + "\", \"data\": {\"account_id\": \"444455556666\"},"
                + " \"secret_schema_id\": \"aws_access_key\", \"secret_data\": {\"aws_access_key_id\": \"AKIAOWN1\","
                + " \"aws_secret_access_key\": \"" + secretKey + "\"}}");
        assertThat(sabotaged.status()).as(sabotaged.raw()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM service_account WHERE name = ?", "sabotaged-" + run)).isZero();
        assertThat(count("SELECT count(*) FROM secret WHERE domain_id = ?", DOMAIN)).isEqualTo(secretsWithOne);
        assertThat(count("SELECT count(*) FROM secret s WHERE domain_id = ? AND NOT EXISTS (SELECT 1 FROM secret_data d"
                + " WHERE d.domain_id = s.domain_id AND d.id = s.id)", DOMAIN)).isZero();
    }

    @Test
    void aTrustedAccountInUseIsNotDeletedUntilDetached() {
        String trustedId = trustedAccount("in-use-" + run);
        String first = accessKeyAccount("user1-" + run, project);
        fixture.ok(admin, "/api/identity/service-account/change_trusted_account", "{\"service_account_id\": \"" + first
                + "\", \"trusted_account_id\": \"" + trustedId + "\"}");

        ApiClient.Response refused = admin.post("/api/identity/trusted-account/delete", "{\"trusted_account_id\": \"" + trustedId + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("ERROR_EXIST_RESOURCE");
        assertThat(refused.errorKey()).isEqualTo("trusted_account_id");
        assertThat(refused.body().at("/error/details/value").asString()).isEqualTo(trustedId);
        assertThat(refused.body().at("/error/message").asString()).contains(first);

        String azure = fixture.ok(admin, "/api/identity/trusted-account/create", "{\"name\": \"tenant-" + run + "\","
                + " \"provider\": \"azure\", \"data\": {\"tenant_id\": \"tenant-1\"}}").get("trusted_account_id").asString();
        ApiClient.Response otherProvider = admin.post("/api/identity/service-account/change_trusted_account",
                "{\"service_account_id\": \"" + first + "\", \"trusted_account_id\": \"" + azure + "\"}");
        assertThat(otherProvider.status()).isEqualTo(400);
        assertThat(otherProvider.errorKey()).isEqualTo("trusted_account_id");

        fixture.ok(admin, "/api/identity/service-account/change_trusted_account", "{\"service_account_id\": \"" + first + "\"}");
        fixture.ok(admin, "/api/identity/trusted-account/delete", "{\"trusted_account_id\": \"" + trustedId + "\"}");
        assertThat(admin.post("/api/identity/trusted-account/get", "{\"trusted_account_id\": \"" + trustedId + "\"}").status())
                .isEqualTo(404);
        ApiClient.Response gone = admin.post("/api/identity/service-account/change_trusted_account",
                "{\"service_account_id\": \"" + first + "\", \"trusted_account_id\": \"" + trustedId + "\"}");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorKey()).isEqualTo("trusted_account_id");
    }

    @Test
    void projectScopedUsersReachOnlyTheAccountsOfTheirProjects() {
        String other = fixture.project(fixture.unique("other"), fixture.group(fixture.unique("other"), null));
        String mine = accessKeyAccount("mine-" + run, project);
        String theirs = accessKeyAccount("theirs-" + run, other);
        String trustedId = trustedAccount("scoped-" + run);
        String adminId = fixture.user("sa-admin");
        fixture.bind(adminId, "Project Admin", "project_id", project);
        String viewerId = fixture.user("sa-viewer");
        fixture.bind(viewerId, "Project Viewer", "project_id", project);
        ApiClient projectAdmin = fixture.signIn(port, adminId);
        ApiClient viewer = fixture.signIn(port, viewerId);

        for (ApiClient client : new ApiClient[] {projectAdmin, viewer}) {
            JsonNode listed = fixture.ok(client, "/api/identity/service-account/list", "{\"query\": {\"keyword\": \"" + run + "\"}}");
            assertThat(listed.get("total_count").asLong()).isEqualTo(1);
            assertThat(listed.at("/results/0/service_account_id").asString()).isEqualTo(mine);
            assertThat(client.post("/api/identity/service-account/get", "{\"service_account_id\": \"" + theirs + "\"}")
                    .status()).isEqualTo(404);
            assertThat(client.post("/api/identity/trusted-account/list", "{}").status()).isEqualTo(403);
            assertThat(client.post("/api/secret/trusted-secret/list", "{}").status()).isEqualTo(403);
        }
        JsonNode secrets = fixture.ok(projectAdmin, "/api/secret/secret/list", "{\"query\": {\"keyword\": \"sa-\"}}");
        secrets.path("results").forEach(secret -> assertThat(secret.get("project_id").asString()).isEqualTo(project));

        String body = "{\"name\": \"made-" + run + "\", \"provider\": \"aws\", \"data\": {\"account_id\": \"444455556666\"},"
                + " \"project_id\": \"";
        fixture.ok(projectAdmin, "/api/identity/service-account/create", body + project + "\"}");
        assertThat(projectAdmin.post("/api/identity/service-account/create", body + other + "\"}").status()).isEqualTo(403);
        assertThat(viewer.post("/api/identity/service-account/create", body + project + "\"}").status()).isEqualTo(403);
        ApiClient.Response attach = projectAdmin.post("/api/identity/service-account/change_trusted_account",
                "{\"service_account_id\": \"" + mine + "\", \"trusted_account_id\": \"" + trustedId + "\"}");
        assertThat(attach.status()).isEqualTo(403);
        assertThat(attach.errorKey()).isEqualTo("trusted_account_id");
        assertThat(projectAdmin.post("/api/identity/service-account/delete", "{\"service_account_id\": \"" + theirs + "\"}")
                .status()).isEqualTo(404);
        fixture.ok(projectAdmin, "/api/identity/service-account/delete", "{\"service_account_id\": \"" + mine + "\"}");
    }

    @Test
    void aProjectWithServiceAccountsIsNotDeleted() {
        String accountId = accessKeyAccount("keeps-" + run, project);
        ApiClient.Response refused = admin.post("/api/identity/project/delete", "{\"project_id\": \"" + project + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("ERROR_EXIST_RESOURCE");
        assertThat(refused.errorKey()).isEqualTo("project_id");

        fixture.ok(admin, "/api/identity/service-account/delete", "{\"service_account_id\": \"" + accountId + "\"}");
        fixture.ok(admin, "/api/identity/project/delete", "{\"project_id\": \"" + project + "\"}");
    }

    @Test
    void anotherDomainSeesNoneOfTheAccounts() {
        String accountId = accessKeyAccount("isolated-" + run, project);
        String trustedId = trustedAccount("isolated-" + run);
        String other = domains.create("accounts-" + run, false, "admin@accounts.example", "Accounts-Admin-1");
        ApiClient otherAdmin = ApiClient.signedIn(port, other, "admin@accounts.example", "Accounts-Admin-1");

        assertThat(otherAdmin.post("/api/identity/service-account/list", "{}").raw()).doesNotContain(accountId);
        assertThat(otherAdmin.post("/api/identity/trusted-account/list", "{}").raw()).doesNotContain(trustedId);
        assertThat(otherAdmin.post("/api/identity/service-account/get", "{\"service_account_id\": \"" + accountId + "\"}")
                .status()).isEqualTo(404);
        assertThat(otherAdmin.post("/api/identity/service-account/delete", "{\"service_account_id\": \"" + accountId + "\"}")
                .status()).isEqualTo(404);
        assertThat(otherAdmin.post("/api/identity/trusted-account/delete", "{\"trusted_account_id\": \"" + trustedId + "\"}")
                .status()).isEqualTo(404);
        // Nor can it borrow them, or create accounts in the first domain's projects.
        ApiClient.Response borrow = otherAdmin.post("/api/identity/service-account/create", "{\"name\": \"thief\","
                + " \"provider\": \"aws\", \"project_id\": \"" + project + "\", \"data\": {\"account_id\": \"444455556666\"},"
                + " \"trusted_account_id\": \"" + trustedId + "\"}");
        assertThat(borrow.status()).isEqualTo(404);
        assertThat(serviceAccounts.credentials(DOMAIN, accountId).secretData().isEmpty()).isFalse();
    }
}
