package io.metabackup.support;

import org.junit.jupiter.api.BeforeEach;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP integration tests: one application context (and so one embedded PostgreSQL) shared by every
 * test class that extends it, reached over real HTTP. The first test to run completes first-admin setup; {@link
 * #api()} then acts as that administrator through HTTP Basic.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LocalGcs.class)
public abstract class IntegrationTest {

    public static final String TEST_ENCRYPTION_KEY =
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin password for tests";
    /**
     * Every test client comes from 127.0.0.1, so the per-address lock would soon lock all of them out together; the
     * address limit is tested on its own (LoginThrottleIT), the per-account one over HTTP.
     */
    public static final int ADDRESS_LIMIT_IN_TESTS = 10_000;
    public static final String MAX_DOCUMENT_SIZE = "8MB";
    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    @BeforeEach
    void firstAdmin() {
        synchronized (IntegrationTest.class) {
            Api anonymous = new Api(port);
            if (anonymous.get("/api/setup").body().path("setupRequired").asBoolean()) {
                assertThat(anonymous.post("/api/setup", Map.of("username", ADMIN, "password", ADMIN_PASSWORD,
                        "email", "admin@example.com")).status()).isEqualTo(201);
            }
        }
    }

    /** The administrator, through HTTP Basic. */
    protected Api api() {
        return anonymous().basic(ADMIN, ADMIN_PASSWORD);
    }

    protected Api anonymous() {
        return new Api(port);
    }

    /**
     * A new enabled user holding exactly {@code permissions} through a group of its own; returns a client that
     * authenticates as it with HTTP Basic.
     */
    protected TestUser user(String... permissions) {
        Entities entities = new Entities(api());
        String group = entities.group(permissions);
        String username = Entities.unique("user");
        String password = "password of " + username;
        String id = entities.create("users", Map.of("username", username, "groupIds", List.of(group),
                "secrets", Map.of("password", password)));
        return new TestUser(id, username, password, group, anonymous().basic(username, password));
    }

    public record TestUser(String id, String username, String password, String groupId, Api api) {
    }

    @DynamicPropertySource
    static void instance(DynamicPropertyRegistry registry) {
        registry.add("metabackup.data-dir", DATA_DIR::toString);
        registry.add("ENCRYPTION_KEY", () -> TEST_ENCRYPTION_KEY);
        registry.add("metabackup.login.max-failures-per-address", () -> ADDRESS_LIMIT_IN_TESTS);
        // webhooks of other tests point at hosts that do not exist; a failed backup must not wait long for them
        registry.add("metabackup.system-backup.webhook-timeout", () -> "2s");
        // small enough for a test to show that a larger backup is refused before it is decompressed whole
        registry.add("metabackup.restore.max-document-size", () -> MAX_DOCUMENT_SIZE);
    }

    /**
     * For a test class whose own settings give it its own application context: its own data directory, so that
     * its embedded PostgreSQL does not meet the shared context's one on the same files.
     */
    public static void ownDataDirectory(DynamicPropertyRegistry registry) {
        Path dir = createDataDir();
        registry.add("metabackup.data-dir", dir::toString);
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
