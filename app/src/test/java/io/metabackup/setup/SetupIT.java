package io.metabackup.setup;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.support.Api;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SetupIT extends IntegrationTest {

    @Test
    void setupIsOpenUntilTheFirstUserExistsAndExactlyOneConcurrentCallWins() throws Exception {
        Api api = api();
        removeAllUsers(api);
        assertThat(api.get("/api/setup").body().path("setupRequired").asBoolean()).isTrue();

        assertThat(api.post("/api/setup", Map.of("username", "admin", "password", "short", "email", "a@example.com"))
                .code()).isEqualTo("VALIDATION_FAILED");

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String username = "admin" + i;
            attempts.add(() -> api.post("/api/setup", Map.of("username", username,
                    "password", "correct horse battery staple", "email", username + "@example.com")).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(attempts)) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(201).filteredOn(status -> status != 201).containsOnly(409);
        assertThat(api.get("/api/setup").body().path("setupRequired").asBoolean()).isFalse();
        JsonNode users = api.get("/api/config/users").body();
        assertThat(users).hasSize(1);
        assertThat(users.get(0).path("secretsSet").toString()).isEqualTo("[\"password\"]");
        assertThat(api.post("/api/setup", Map.of("username", "late", "password", "correct horse battery staple",
                "email", "late@example.com")).code()).isEqualTo("SETUP_CLOSED");
    }

    private static void removeAllUsers(Api api) {
        for (JsonNode user : api.get("/api/config/users").body()) {
            assertThat(api.delete("/api/config/users/" + user.path("id").asText()).status()).isEqualTo(204);
        }
    }
}
