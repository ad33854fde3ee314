package io.metabackup.config;

import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigApiIT extends IntegrationTest {

    @Test
    void createdEntityIsReadableAtOnceWithoutItsSecrets() {
        Api api = api();
        Api.Response created = api.post("/api/config/adapters", Map.of("name", Entities.unique("orders-db"),
                "kind", "DATABASE", "adapterType", "postgres", "settings", Map.of("host", "db.internal", "port", 5432),
                "secrets", Map.of("password", "hunter2-orders")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"0\"");
        Api.Response read = api.get("/api/config/adapters/" + created.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("settings").path("port").asInt()).isEqualTo(5432);
        assertThat(read.body().path("secretsSet").toString()).isEqualTo("[\"password\"]");
        assertThat(read.body().has("secrets")).isFalse();
        assertThat(read.body().toString()).doesNotContain("hunter2-orders");
        assertThat(api.get("/api/config/adapters").body().findValuesAsText("id")).contains(created.id());
    }

    @Test
    void everyEntityTypeCanBeCreatedReadUpdatedAndDeleted() {
        Api api = api();
        Entities entities = new Entities(api);
        String source = entities.database();
        String destination = entities.storage();
        String webhook = entities.notification();
        String profile = entities.profile();
        String group = entities.group("adapters:read", "history:read");
        Map<String, Object> job = new HashMap<>(Map.of("name", Entities.unique("nightly"), "sourceId", source,
                "destinationIds", List.of(destination), "schedule", "0 2 * * *", "encryptionProfileId", profile,
                "compression", "ZSTD", "retention", Map.of("keepLast", 7), "notificationIds", List.of(webhook)));
        String jobId = entities.create("jobs", job);
        String user = entities.create("users", Map.of("username", Entities.unique("ops"), "email", "ops@example.com",
                "displayName", "Ops", "groupIds", List.of(group), "secrets", Map.of("password", "long enough pass")));
        String sso = entities.create("sso-providers", Map.of("providerId", Entities.unique("okta"), "name", "Okta",
                "issuerUrl", "https://login.example.com", "clientId", "metabackup",
                "secrets", Map.of("clientSecret", "client-secret-value")));

        Api.Response readJob = api.get("/api/config/jobs/" + jobId);
        assertThat(readJob.body().path("retention").path("keepLast").asInt()).isEqualTo(7);
        assertThat(readJob.body().path("enabled").asBoolean()).isTrue();
        assertThat(api.get("/api/config/users/" + user).body().path("secretsSet").toString())
                .isEqualTo("[\"password\"]");
        assertThat(api.get("/api/config/sso-providers/" + sso).body().path("scopes").toString())
                .isEqualTo("[\"openid\"]");

        job.put("schedule", "30 1 * * 1-5");
        job.put("version", 0);
        Api.Response updated = api.put("/api/config/jobs/" + jobId, job);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.body().path("schedule").asText()).isEqualTo("30 1 * * 1-5");

        assertThat(api.delete("/api/config/jobs/" + jobId).status()).isEqualTo(204);
        assertThat(api.get("/api/config/jobs/" + jobId).code()).isEqualTo("NOT_FOUND");
        assertThat(api.delete("/api/config/users/" + user).status()).isEqualTo(204);
        assertThat(api.delete("/api/config/groups/" + group).status()).isEqualTo(204);
    }

    @Test
    void encryptionProfileGetsAGeneratedKeyThatCannotBeChanged() {
        Api api = api();
        String profile = new Entities(api).profile();
        Api.Response read = api.get("/api/config/encryption-profiles/" + profile);
        assertThat(read.body().path("secretsSet").toString()).isEqualTo("[\"key\"]");

        Api.Response change = api.put("/api/config/encryption-profiles/" + profile, Map.of(
                "name", read.body().path("name").asText(), "secrets", Map.of("key", "ab".repeat(32))));
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.code()).isEqualTo("VALIDATION_FAILED");

        Api.Response malformed = api.post("/api/config/encryption-profiles", Map.of("name", Entities.unique("p"),
                "secrets", Map.of("key", "not-hex")));
        assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void staleVersionIsAConflict() {
        Api api = api();
        String group = new Entities(api).group();
        String name = api.get("/api/config/groups/" + group).body().path("name").asText();
        assertThat(api.put("/api/config/groups/" + group, Map.of("name", name, "permissions", List.of("jobs:read"),
                "version", 0)).status()).isEqualTo(200);

        Api.Response stale = api.put("/api/config/groups/" + group, Map.of("name", name, "permissions",
                List.of("jobs:write"), "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(stale.contentType()).startsWith("application/problem+json");

        Api.Response staleIfMatch = api.put("/api/config/groups/" + group, Map.of("name", name, "permissions",
                List.of("jobs:write")), Map.of("If-Match", "\"0\""));
        assertThat(staleIfMatch.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(api.put("/api/config/groups/" + group, Map.of("name", name, "permissions", List.of("jobs:write")),
                Map.of("If-Match", "\"1\"")).version()).isEqualTo(2);
    }

    @Test
    void namesAreUniquePerTypeIgnoringCase() {
        Api api = api();
        String name = Entities.unique("Shared-Name");
        new Entities(api).create("groups", Map.of("name", name));
        Api.Response duplicate = api.post("/api/config/groups", Map.of("name", name.toLowerCase()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("DUPLICATE_NAME");
        assertThat(api.post("/api/config/encryption-profiles", Map.of("name", name)).status()).isEqualTo(201);
    }

    @Test
    void referencesMustExistAndBeOfTheRightKind() {
        Api api = api();
        Entities entities = new Entities(api);
        String database = entities.database();
        String anotherDatabase = entities.database();

        Api.Response wrongKind = api.post("/api/config/jobs", Map.of("name", Entities.unique("job"), "sourceId",
                database, "destinationIds", List.of(anotherDatabase), "schedule", "0 2 * * *"));
        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(wrongKind.code()).isEqualTo("INVALID_REFERENCE");
        assertThat(wrongKind.body().path("errors").get(0).path("field").asText()).isEqualTo("destinationIds[0]");

        Api.Response missing = api.post("/api/config/users", Map.of("username", Entities.unique("u"),
                "groupIds", List.of(UUID.randomUUID().toString())));
        assertThat(missing.code()).isEqualTo("INVALID_REFERENCE");
    }

    @Test
    void deletingAReferencedEntityIsRefusedWithItsReferrers() {
        Api api = api();
        Entities entities = new Entities(api);
        String destination = entities.storage();
        String job = entities.job(entities.database(), destination);

        Api.Response refused = api.delete("/api/config/adapters/" + destination);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("IN_USE");
        assertThat(refused.body().path("referrers").get(0).path("id").asText()).isEqualTo(job);
        assertThat(refused.body().path("referrers").get(0).path("field").asText()).isEqualTo("destinationIds[0]");

        Api.Response kindChange = api.put("/api/config/adapters/" + destination, Map.of("name", Entities.unique("x"),
                "kind", "DATABASE", "adapterType", "postgres"));
        assertThat(kindChange.code()).isEqualTo("IN_USE");

        assertThat(api.delete("/api/config/jobs/" + job).status()).isEqualTo(204);
        assertThat(api.delete("/api/config/adapters/" + destination).status()).isEqualTo(204);
    }

    @Test
    void badInputGetsAProblemWithAStableCodeAndNoEchoedValue() {
        Api api = api();
        Api.Response unknownField = api.post("/api/config/groups", Map.of("name", "g", "colour", "blue"));
        assertThat(unknownField.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknownField.body().path("detail").asText()).contains("colour");

        Api.Response badEnum = api.post("/api/config/adapters", Map.of("name", "a", "kind", "TAPE-DRIVE-9000",
                "adapterType", "tape"));
        assertThat(badEnum.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(badEnum.body().toString()).doesNotContain("TAPE-DRIVE-9000");

        Api.Response badCron = api.post("/api/config/jobs", Map.of("name", "j", "schedule", "every tuesday"));
        assertThat(badCron.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(badCron.body().path("errors").findValuesAsText("field")).contains("schedule", "sourceId");

        Api.Response unknownPermission = api.post("/api/config/groups", Map.of("name", Entities.unique("g"),
                "permissions", List.of("launch:missiles")));
        assertThat(unknownPermission.body().path("detail").asText()).contains("launch:missiles", "adapters:read");

        Api.Response notJson = api.send("POST", "/api/config/groups", "{not json", Map.of());
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("VALIDATION_FAILED");

        // paths and methods the endpoint table does not list are closed before any controller sees them
        assertThat(api.get("/api/config/things").code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/config/groups/" + UUID.randomUUID()).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/config/groups/not-a-uuid").status()).isEqualTo(400);
        assertThat(api.put("/api/config/groups/" + UUID.randomUUID(), Map.of("name", "x")).code())
                .isEqualTo("NOT_FOUND");
        assertThat(api.delete("/api/config/settings").code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/config/users", Map.of("username", Entities.unique("u"),
                "secrets", Map.of("password", "short"))).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anEntityOfOneTypeIsNotFoundUnderAnother() {
        Api api = api();
        String group = new Entities(api).group();
        assertThat(api.get("/api/config/users/" + group).code()).isEqualTo("NOT_FOUND");
        assertThat(api.delete("/api/config/users/" + group).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/config/groups/" + group).status()).isEqualTo(200);
    }

    @Test
    void settingsStartAsDefaultsAndValidateTheirReferences() {
        Api api = api();
        Entities entities = new Entities(api);
        Api.Response current = api.get("/api/config/settings");
        assertThat(current.body().path("systemBackup").path("schedule").asText()).isEqualTo("0 3 * * *");
        assertThat(current.body().path("systemBackup").path("retention").asInt()).isEqualTo(10);

        Api.Response secretsWithoutProfile = api.put("/api/config/settings", Map.of("systemBackup",
                Map.of("enabled", true, "destinationId", entities.storage(), "includeSecrets", true)));
        assertThat(secretsWithoutProfile.code()).isEqualTo("VALIDATION_FAILED");

        Api.Response wrongKind = api.put("/api/config/settings", Map.of("systemBackup",
                Map.of("enabled", true, "destinationId", entities.database())));
        assertThat(wrongKind.code()).isEqualTo("INVALID_REFERENCE");

        String destination = entities.storage();
        Api.Response saved = api.put("/api/config/settings", Map.of("concurrency", 4, "timeZone", "Europe/Berlin",
                "systemBackup", Map.of("enabled", true, "destinationId", destination, "schedule", "0 4 * * *")));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(api.get("/api/config/settings").body().path("systemBackup").path("destinationId").asText())
                .isEqualTo(destination);
        assertThat(api.delete("/api/config/adapters/" + destination).code()).isEqualTo("IN_USE");

        assertThat(api.put("/api/config/settings", Map.of("timeZone", "Mars/Olympus")).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.put("/api/config/settings", Map.of("concurrency", 2)).status()).isEqualTo(200);
    }

    @Test
    void secretsAreKeptUnlessSetOrRemoved() {
        Api api = api();
        String name = Entities.unique("hook");
        String id = new Entities(api).create("adapters", Map.of("name", name, "kind", "NOTIFICATION",
                "adapterType", "webhook", "secrets", Map.of("url", "https://a.example", "token", "t0k3n-value")));

        Api.Response kept = api.put("/api/config/adapters/" + id, Map.of("name", name, "kind", "NOTIFICATION",
                "adapterType", "webhook", "settings", Map.of("method", "POST")));
        assertThat(kept.body().path("secretsSet").toString()).isEqualTo("[\"token\",\"url\"]");

        Map<String, Object> removeToken = new HashMap<>();
        removeToken.put("token", null);
        removeToken.put("url", Map.of("omitted", true));
        Api.Response removed = api.put("/api/config/adapters/" + id, Map.of("name", name, "kind", "NOTIFICATION",
                "adapterType", "webhook", "settings", Map.of("method", "POST"), "secrets", removeToken));
        assertThat(removed.body().path("secretsSet").toString()).isEqualTo("[\"url\"]");
        assertThat(removed.version()).isEqualTo(2);
    }
}
