package io.metabackup.support;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the HTTP integration tests: one application context (and so one embedded PostgreSQL) shared by every
 * test class that extends it, reached over real HTTP.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LocalGcs.class)
public abstract class IntegrationTest {

    public static final String TEST_ENCRYPTION_KEY =
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    protected Api api() {
        return new Api(port);
    }

    @DynamicPropertySource
    static void instance(DynamicPropertyRegistry registry) {
        registry.add("metabackup.data-dir", DATA_DIR::toString);
        registry.add("ENCRYPTION_KEY", () -> TEST_ENCRYPTION_KEY);
        // webhooks of other tests point at hosts that do not exist; a failed backup must not wait long for them
        registry.add("metabackup.system-backup.webhook-timeout", () -> "2s");
    }

    private static Path createDataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
