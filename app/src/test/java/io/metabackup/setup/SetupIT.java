package io.metabackup.setup;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.api.config.Permission;
import io.metabackup.support.Api;
import io.metabackup.support.AppProcess;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First-admin setup on a brand-new instance of its own (a separate process with an empty data directory): the
 * shared test instance has its administrator already, and nobody can remove the last one.
 */
@Tag("integration")
class SetupIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void setupIsOpenUntilTheFirstUserExistsAndExactlyOneConcurrentCallWins() throws Exception {
        Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
        Path dataDir = Files.createTempDirectory(target, "setup-").resolve("data");
        try (AppProcess app = AppProcess.start(dataDir, IntegrationTest.TEST_ENCRYPTION_KEY)) {
            app.awaitReady(Duration.ofSeconds(90));
            Api api = new Api(app.port);
            assertThat(api.get("/api/setup").body().path("setupRequired").asBoolean()).isTrue();
            assertThat(api.get("/api/config/users").status()).as("nothing else is open before setup").isEqualTo(401);

            assertThat(api.post("/api/setup", Map.of("username", "admin", "password", "short",
                    "email", "a@example.com")).code()).isEqualTo("VALIDATION_FAILED");

            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Callable<Api.Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String username = "admin" + i;
                attempts.add(() -> api.post("/api/setup", Map.of("username", username, "password", PASSWORD,
                        "email", username + "@example.com")));
            }
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> result : pool.invokeAll(attempts)) {
                responses.add(result.get());
            }
            pool.shutdown();

            assertThat(responses).extracting(Api.Response::status).containsOnlyOnce(201)
                    .filteredOn(status -> status != 201).containsOnly(409);
            String winner = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                    .body().path("username").asText();
            assertThat(api.get("/api/setup").body().path("setupRequired").asBoolean()).isFalse();
            assertThat(api.post("/api/setup", Map.of("username", "late", "password", PASSWORD,
                    "email", "late@example.com")).code()).isEqualTo("SETUP_CLOSED");

            Api admin = api.basic(winner, PASSWORD);
            JsonNode users = admin.get("/api/config/users").body();
            assertThat(users).hasSize(1);
            assertThat(users.get(0).path("secretsSet").toString()).isEqualTo("[\"password\"]");
            JsonNode groups = admin.get("/api/config/groups").body();
            assertThat(groups).hasSize(1);
            assertThat(groups.get(0).path("name").asText()).isEqualTo(FirstAdminSetup.ADMINISTRATORS);
            List<String> held = new ArrayList<>();
            groups.get(0).path("permissions").forEach(p -> held.add(p.asText()));
            assertThat(held).containsExactlyInAnyOrderElementsOf(Permission.codes());
            assertThat(users.get(0).path("groupIds").get(0).asText()).isEqualTo(groups.get(0).path("id").asText());

            JsonNode audit = admin.get("/api/audit?action=SETUP_COMPLETED").body();
            assertThat(audit.path("total").asLong()).isEqualTo(1);
            assertThat(audit.path("items").get(0).path("details").path("username").asText()).isEqualTo(winner);
        }
    }
}
