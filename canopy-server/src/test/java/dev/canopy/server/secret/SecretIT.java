package dev.canopy.server.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import dev.canopy.server.ApiClient;
import dev.canopy.server.TestServer;
import dev.canopy.server.system.CanopyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Secrets are encrypted at rest, never returned, readable only through the vault, and survive key rotation. */
class SecretIT extends TestServer {

    private static final String PASSWORD = "s3cr3t-Value-that-must-not-leak";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretVault vault;

    @Autowired
    CanopyProperties canopy;

    ApiClient admin;

    @BeforeEach
    void signIn() {
        admin = ApiClient.admin(port);
    }

    private String create(String name) {
        ApiClient.Response created = admin.post("/api/secret/secret/create", "{\"name\": \"" + name + "\", \"provider\": \"aws\","
                + " \"schema_id\": \"aws_access_key\", \"data\": {\"aws_access_key_id\": \"AKIA" + name.length()
                + "\", \"aws_secret_access_key\": \"" + PASSWORD + "\"}}");
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.raw()).doesNotContain(PASSWORD);
        return created.body().get("secret_id").asString();
    }

    @Test
    void neverReturnsTheDataAndStoresItEncrypted() {
        String secretId = create("never-returned-" + System.nanoTime());

        ApiClient.Response got = admin.post("/api/secret/secret/get", "{\"secret_id\": \"" + secretId + "\"}");
        ApiClient.Response listed = admin.post("/api/secret/secret/list", "{}");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().has("data")).isFalse();
        assertThat(got.body().get("provider").asString()).isEqualTo("aws");
        assertThat(listed.raw()).contains(secretId).doesNotContain(PASSWORD).doesNotContain("aws_secret_access_key");

        byte[] stored = jdbc.sql("SELECT ciphertext FROM secret_data WHERE id = ?").param(secretId).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD).doesNotContain("aws_secret");
        assertThat(vault.decrypt("domain-default", secretId).get("aws_secret_access_key").asString()).isEqualTo(PASSWORD);
    }

    @Test
    void aCiphertextMovedToAnotherSecretNoLongerDecrypts() {
        String first = create("moved-a-" + System.nanoTime());
        String second = create("moved-b-" + System.nanoTime());
        jdbc.sql("UPDATE secret_data SET ciphertext = (SELECT ciphertext FROM secret_data WHERE id = ?) WHERE id = ?")
                .params(first, second).update();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.decrypt("domain-default", second))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void updateDataReplacesItAndDeleteRemovesIt() {
        String secretId = create("replaced-" + System.nanoTime());
        assertThat(admin.post("/api/secret/secret/update_data", "{\"secret_id\": \"" + secretId + "\", \"data\":"
                + " {\"aws_access_key_id\": \"AKIA-NEW\", \"aws_secret_access_key\": \"new-value\"}}").status()).isEqualTo(200);
        assertThat(vault.decrypt("domain-default", secretId).get("aws_secret_access_key").asString()).isEqualTo("new-value");

        assertThat(admin.post("/api/secret/secret/delete", "{\"secret_id\": \"" + secretId + "\"}").status()).isEqualTo(200);
        assertThat(admin.post("/api/secret/secret/get", "{\"secret_id\": \"" + secretId + "\"}").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM secret_data WHERE id = ?").param(secretId).query(Long.class).single()).isZero();
    }

    @Test
    void rotationReencryptsEverySecretUnderANewKeyAndReadsStillWork() throws Exception {
        String secretId = create("rotated-" + System.nanoTime());
        byte[] before = jdbc.sql("SELECT ciphertext FROM secret_data WHERE id = ?").param(secretId).query(byte[].class).single();

        ApiClient.Response rotated = admin.post("/api/secret/secret-key/rotate", "{}");

        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        assertThat(rotated.body().get("reencrypted").asLong()).isPositive();
        byte[] after = jdbc.sql("SELECT ciphertext FROM secret_data WHERE id = ?").param(secretId).query(byte[].class).single();
        // Tink prefixes each ciphertext with the id of the key that made it.
        assertThat(Arrays.copyOfRange(after, 0, 5)).isNotEqualTo(Arrays.copyOfRange(before, 0, 5));
        assertThat(vault.decrypt("domain-default", secretId).get("aws_secret_access_key").asString()).isEqualTo(PASSWORD);

        Path keyset = canopy.dataDir().resolve(SecretKeyring.KEYSET_FILE);
        assertThat(Files.getPosixFilePermissions(keyset)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // Compared without printing: the file holds key material.
        assertThat(Files.readString(keyset).contains("\"primaryKeyId\":" + rotated.body().get("primary_key_id").asLong()))
                .as("the keyset file names the new primary key").isTrue();
    }
}
