package dev.canopy.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import dev.canopy.server.api.ApiException;
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
 * Trusted secrets: every verb, data checked against a {@code TRUSTED_SECRET} schema, encrypted at
 * rest, readable only through the vault, re-encrypted by key rotation, and never shown in a
 * response or a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrustedSecretIT extends TestServer {

    private static final String DOMAIN = "domain-default";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretVault vault;

    ApiClient admin;
    String run;
    String secretValue;

    @BeforeEach
    void setUp() {
        admin = ApiClient.admin(port);
        run = Long.toHexString(System.nanoTime());
        secretValue = "Trusted-Value-" + run + "-must-not-leak";
    }

    private JsonNode ok(String path, String body) {
        ApiClient.Response response = admin.post(path, body);
        assertThat(response.status()).as(path + " -> " + response.raw()).isEqualTo(200);
        assertThat(response.raw()).doesNotContain(secretValue);
        return response.body();
    }

    private String create(String name) {
        JsonNode created = ok("/api/secret/trusted-secret/create", "{\"name\": \"" + name + "\", \"schema_id\":"
                + " \"aws_trusted_access_key\", \"data\": {\"aws_access_key_id\": \"AKIAORG1\", \"aws_secret_access_key\": \""
                + secretValue + "\"}, \"tags\": {\"org\": \"root\"}}");
        assertThat(created.get("provider").asString()).isEqualTo("aws");
        assertThat(created.has("data")).isFalse();
        return created.get("trusted_secret_id").asString();
    }

    private byte[] ciphertext(String id) {
        return jdbc.sql("SELECT ciphertext FROM trusted_secret_data WHERE id = ?").param(id).query(byte[].class).single();
    }

    @Test
    void everyVerbAndNeverTheData(CapturedOutput output) {
        String id = create("org-key-" + run);
        assertThat(id).startsWith("trusted-secret-");

        JsonNode got = ok("/api/secret/trusted-secret/get", "{\"trusted_secret_id\": \"" + id + "\"}");
        assertThat(got.get("schema_id").asString()).isEqualTo("aws_trusted_access_key");
        assertThat(got.has("data")).isFalse();
        JsonNode listed = ok("/api/secret/trusted-secret/list", "{\"query\": {\"keyword\": \"" + run + "\"}}");
        assertThat(listed.get("total_count").asLong()).isEqualTo(1);
        assertThat(listed.toString()).doesNotContain("aws_secret_access_key");
        assertThat(ok("/api/secret/trusted-secret/stat", "{\"query\": {\"filter\": [{\"k\": \"trusted_secret_id\", \"v\": \""
                + id + "\", \"o\": \"eq\"}], \"aggregate\": [{\"count\": {\"name\": \"n\"}}]}}").at("/results/0/n").asInt())
                .isEqualTo(1);
        JsonNode renamed = ok("/api/secret/trusted-secret/update", "{\"trusted_secret_id\": \"" + id + "\", \"name\":"
                + " \"renamed-" + run + "\", \"tags\": {}}");
        assertThat(renamed.get("name").asString()).isEqualTo("renamed-" + run);

        ok("/api/secret/trusted-secret/update_data", "{\"trusted_secret_id\": \"" + id + "\", \"data\":"
                + " {\"aws_access_key_id\": \"AKIAORG2\", \"aws_secret_access_key\": \"" + secretValue + "-2\"}}");
        assertThat(vault.decryptTrusted(DOMAIN, id).get("aws_secret_access_key").asString()).isEqualTo(secretValue + "-2");

        ok("/api/secret/trusted-secret/delete", "{\"trusted_secret_id\": \"" + id + "\"}");
        ApiClient.Response gone = admin.post("/api/secret/trusted-secret/get", "{\"trusted_secret_id\": \"" + id + "\"}");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorKey()).isEqualTo("trusted_secret_id");
        assertThat(jdbc.sql("SELECT count(*) FROM trusted_secret_data WHERE id = ?").param(id).query(Long.class).single())
                .isZero();
        assertThatThrownBy(() -> vault.decryptTrusted(DOMAIN, id)).isInstanceOf(ApiException.class);

        assertThat(output.getAll()).doesNotContain(secretValue);
    }

    @Test
    void theStoredDataIsUnreadableAndBoundToItsRow() {
        String id = create("stored-" + run);

        String raw = new String(ciphertext(id), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(secretValue).doesNotContain(secretValue.substring(0, 12))
                .doesNotContain("aws_secret_access_key").doesNotContain("AKIAORG1");
        assertThat(jdbc.sql("SELECT doc::text FROM trusted_secret WHERE id = ?").param(id).query(String.class).single())
                .doesNotContain(secretValue);
        assertThat(vault.decryptTrusted(DOMAIN, id).get("aws_secret_access_key").asString()).isEqualTo(secretValue);

        // Moved onto another trusted secret, or onto a secret, it no longer decrypts.
        String other = create("other-" + run);
        jdbc.sql("UPDATE trusted_secret_data SET ciphertext = ? WHERE id = ?").params(ciphertext(id), other).update();
        assertThatThrownBy(() -> vault.decryptTrusted(DOMAIN, other)).isInstanceOf(IllegalStateException.class);
        ok("/api/secret/trusted-secret/delete", "{\"trusted_secret_id\": \"" + other + "\"}");
        String secretId = ok("/api/secret/secret/create", "{\"name\": \"plain-" + run + "\", \"data\": {\"k\": \"v\"}}")
                .get("secret_id").asString();
        jdbc.sql("UPDATE secret_data SET ciphertext = ? WHERE id = ?").params(ciphertext(id), secretId).update();
        assertThatThrownBy(() -> vault.decrypt(DOMAIN, secretId)).isInstanceOf(IllegalStateException.class);
        ok("/api/secret/secret/delete", "{\"secret_id\": \"" + secretId + "\"}");
    }

    @Test
    void dataFollowsATrustedSecretSchemaAndErrorsNameTheField(CapturedOutput output) {
        ApiClient.Response missing = admin.post("/api/secret/trusted-secret/create", "{\"name\": \"bad-" + run + "\","
                + " \"schema_id\": \"aws_trusted_access_key\", \"data\": {\"aws_access_key_id\": \"" + secretValue + "\"}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("ERROR_INVALID_PARAMETER");
        assertThat(missing.errorKey()).isEqualTo("data.aws_secret_access_key");
        assertThat(missing.raw()).doesNotContain(secretValue);

        ApiClient.Response ofSecrets = admin.post("/api/secret/trusted-secret/create", "{\"name\": \"bad-" + run + "\","
                + " \"schema_id\": \"aws_access_key\", \"data\": {\"aws_access_key_id\": \"AKIAORG1\", \"aws_secret_access_key\": \""
                + secretValue + "\"}}");
        assertThat(ofSecrets.status()).isEqualTo(400);
        assertThat(ofSecrets.errorKey()).isEqualTo("schema_id");
        assertThat(ofSecrets.raw()).contains("TRUSTED_SECRET").doesNotContain(secretValue);

        String id = create("checked-" + run);
        ApiClient.Response badUpdate = admin.post("/api/secret/trusted-secret/update_data", "{\"trusted_secret_id\": \"" + id
                + "\", \"data\": {\"aws_access_key_id\": 7, \"aws_secret_access_key\": \"" + secretValue + "\"}}");
        assertThat(badUpdate.status()).isEqualTo(400);
        assertThat(badUpdate.errorKey()).isEqualTo("data.aws_access_key_id");
        assertThat(vault.decryptTrusted(DOMAIN, id).get("aws_access_key_id").asString()).isEqualTo("AKIAORG1");

        assertThat(output.getAll()).doesNotContain(secretValue);
    }

    @Test
    void keyRotationReencryptsTrustedSecretsToo() {
        String id = create("rotated-" + run);
        byte[] before = ciphertext(id);

        ApiClient.Response rotated = admin.post("/api/secret/secret-key/rotate", "{}");

        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        assertThat(rotated.body().get("reencrypted").asLong()).isPositive();
        byte[] after = ciphertext(id);
        // Tink prefixes each ciphertext with the id of the key that made it.
        assertThat(Arrays.copyOfRange(after, 0, 5)).isNotEqualTo(Arrays.copyOfRange(before, 0, 5));
        assertThat(vault.decryptTrusted(DOMAIN, id).get("aws_secret_access_key").asString()).isEqualTo(secretValue);
    }

    @Test
    void aTrustedSecretOfATrustedAccountIsDeletedOnlyWithIt() {
        String accountId = ok("/api/identity/trusted-account/create", "{\"name\": \"owner-" + run + "\", \"provider\": \"aws\","
                + " \"data\": {\"account_id\": \"111122223333\"}, \"secret_schema_id\": \"aws_trusted_access_key\","
                + " \"secret_data\": {\"aws_access_key_id\": \"AKIAORG1\", \"aws_secret_access_key\": \"" + secretValue + "\"}}")
                .get("trusted_account_id").asString();
        String id = ok("/api/secret/trusted-secret/list", "{\"query\": {\"filter\": [{\"k\": \"trusted_account_id\", \"v\": \""
                + accountId + "\", \"o\": \"eq\"}]}}").at("/results/0/trusted_secret_id").asString();

        ApiClient.Response refused = admin.post("/api/secret/trusted-secret/delete", "{\"trusted_secret_id\": \"" + id + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorKey()).isEqualTo("trusted_secret_id");
        assertThat(refused.raw()).contains(accountId);

        ok("/api/identity/trusted-account/delete", "{\"trusted_account_id\": \"" + accountId + "\"}");
        assertThat(admin.post("/api/secret/trusted-secret/get", "{\"trusted_secret_id\": \"" + id + "\"}").status())
                .isEqualTo(404);
    }
}
