package dev.canopy.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run against one shared server on a real port, with its own embedded
 * PostgreSQL in a fresh data directory (not synced to disk, for speed). The tests share one
 * context, so each one names its data uniquely.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"canopy.datasource.embedded-durable=false",
                "canopy.identity.admin-password=" + TestServer.ADMIN_PASSWORD,
                // The example plugin's jar is copied here by the build, so it runs in process too.
                "canopy.plugin.directory=target/test-plugins",
                "canopy.plugin.call-timeout=10s",
                "canopy.plugin.stream-idle-timeout=3s",
                "canopy.plugin.health-interval=500ms"})
public abstract class TestServer {

    /** The password of the root domain's admin in every test server. */
    public static final String ADMIN_PASSWORD = "Canopy-Test-Admin-1";

    private static final Path DATA_DIR = newDataDirectory();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("canopy.data-dir", DATA_DIR::toString);
    }

    private static Path newDataDirectory() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
