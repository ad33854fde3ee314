package io.metabackup.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates valid entities over the API with unique names, so tests sharing one instance never collide. */
public final class Entities {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Api api;

    public Entities(Api api) {
        this.api = api;
    }

    public static String unique(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String adapter(String kind, String adapterType, Map<String, String> secrets) {
        return create("adapters", Map.of("name", unique(adapterType), "kind", kind, "adapterType", adapterType,
                "settings", Map.of("region", "eu"), "secrets", secrets));
    }

    public String database() {
        return adapter("DATABASE", "postgres", Map.of("password", "db-password-" + UUID.randomUUID()));
    }

    public String storage() {
        return adapter("STORAGE", "local", Map.of());
    }

    public String notification() {
        return adapter("NOTIFICATION", "webhook", Map.of("url", "https://hooks.example/" + UUID.randomUUID()));
    }

    public String profile() {
        return create("encryption-profiles", Map.of("name", unique("profile"), "description", "test profile"));
    }

    public String group(String... permissions) {
        return create("groups", Map.of("name", unique("group"), "permissions", List.of(permissions)));
    }

    public String job(String sourceId, String destinationId) {
        Map<String, Object> job = new HashMap<>();
        job.put("name", unique("job"));
        job.put("sourceId", sourceId);
        job.put("destinationIds", List.of(destinationId));
        job.put("schedule", "0 2 * * *");
        return create("jobs", job);
    }

    public String create(String type, Map<String, ?> body) {
        Api.Response response = api.post("/api/config/" + type, body);
        assertThat(response.status()).as("create %s: %s", type, response.body()).isEqualTo(201);
        return response.id();
    }
}
