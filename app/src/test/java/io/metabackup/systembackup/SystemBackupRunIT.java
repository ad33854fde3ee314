package io.metabackup.systembackup;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupMetadata;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import io.metabackup.support.LocalGcs;
import io.metabackup.support.WebhookReceiver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SystemBackupRunIT extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    /** The settings are one singleton shared by every test class: leave them at their defaults. */
    @AfterEach
    void resetSettings() {
        assertThat(api().put("/api/config/settings", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void localBackupsAreStoredCompletelyListedNewestFirstAndRotated() throws Exception {
        Api api = api();
        Entities entities = new Entities(api);
        Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "local-dest-");
        List<String> foreign = List.of("notes.txt", "config_backup_2001-01-01T00-00-00.json.gz.enc",
                "config_backup_2002-01-01T00-00-00.json.gz.enc.meta.json",
                "my_config_backup_2003-01-01T00-00-00.json.gz.enc",
                "my_config_backup_2003-01-01T00-00-00.json.gz.enc.meta.json");
        for (String name : foreign) {
            Files.writeString(directory.resolve(name), "not ours");
        }
        String key = HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(32));
        String profile = entities.create("encryption-profiles", Map.of("name", Entities.unique("profile"),
                "secrets", Map.of("key", key)));
        String destination = entities.create("adapters", Map.of("name", Entities.unique("local"), "kind", "STORAGE",
                "adapterType", "local", "settings", Map.of("path", directory.toString())));
        settings(api, map("destinationId", destination, "encryptionProfileId", profile, "includeSecrets", true,
                "retention", 3));

        List<JsonNode> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(run(api));
        }
        assertThat(runs).allSatisfy(run -> assertThat(run.path("retentionDeleted").asInt()).isZero());
        assertThat(backups(api, destination)).hasSize(2);

        for (int i = 0; i < 3; i++) {
            runs.add(run(api));
        }

        List<JsonNode> listed = backups(api, destination);
        assertThat(listed).extracting(b -> b.path("name").asText())
                .containsExactly(runs.get(4).path("fileName").asText(), runs.get(3).path("fileName").asText(),
                        runs.get(2).path("fileName").asText());
        assertThat(runs.stream().mapToInt(r -> r.path("retentionDeleted").asInt()).sum()).isEqualTo(2);
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).containsAll(foreign).hasSize(foreign.size() + 6);
        }
        JsonNode newest = listed.get(0);
        JsonNode newestRun = runs.get(4);
        assertThat(newest.path("encrypted").asBoolean()).isTrue();
        assertThat(newest.path("encryptionProfileId").asText()).isEqualTo(profile);
        assertThat(newest.path("includesSecrets").asBoolean()).isTrue();
        assertThat(newest.path("snapshotVersion").asLong()).isEqualTo(newestRun.path("snapshotVersion").asLong());
        assertThat(newest.path("size").asLong()).isEqualTo(newestRun.path("size").asLong())
                .isEqualTo(Files.size(directory.resolve(newest.path("name").asText())));
        assertThat(newest.path("created").asText()).endsWith("Z");
        assertThat(newest.path("metadataError").isNull()).isTrue();

        byte[] file = Files.readAllBytes(directory.resolve(newest.path("name").asText()));
        BackupMetadata meta = BackupMetadata.parse(Files.readAllBytes(directory.resolve(newest.path("metadataName")
                .asText())));
        assertThat(BackupCodec.decode(file, meta, HexFormat.of().parseHex(key), 1 << 28).document()
                .path("version").asText()).isEqualTo("1.0");

        JsonNode listedRuns = api.get("/api/system-backup/runs?size=5").body();
        assertThat(listedRuns.path(0).path("id").asText()).isEqualTo(newestRun.path("id").asText());
        assertThat(listedRuns.path(0).path("trigger").asText()).isEqualTo("MANUAL");
        assertThat(listedRuns.path(0).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(listedRuns.path(0).path("destinationId").asText()).isEqualTo(destination);
        assertThat(listedRuns.path(0).path("finishedAt").asText()).endsWith("Z");
    }

    @Test
    void gcsBackupsListOnlyCompleteOnesAndAFailedUploadDeletesNothing() throws Exception {
        Api api = api();
        Entities entities = new Entities(api);
        String bucket = "bucket-" + UUID.randomUUID();
        Storage gcs = LocalGcs.STORAGE;
        List<String> foreign = List.of("nightly/readme.txt", "nightly/config_backup_2001-01-01T00-00-00.json.gz",
                "elsewhere/config_backup_2002-01-01T00-00-00.json.gz",
                "elsewhere/config_backup_2002-01-01T00-00-00.json.gz.meta.json");
        for (String name : foreign) {
            gcs.create(BlobInfo.newBuilder(BlobId.of(bucket, name)).build(), "x".getBytes(StandardCharsets.UTF_8));
        }
        String serviceAccount = "{\"type\":\"service_account\",\"marker\":\"" + UUID.randomUUID() + "\"}";
        String project = "project-" + UUID.randomUUID();
        String destination = entities.create("adapters", Map.of("name", Entities.unique("gcs"), "kind", "STORAGE",
                "adapterType", "gcs", "settings", Map.of("bucket", bucket, "prefix", "nightly", "projectId", project),
                "secrets", Map.of("serviceAccountJson", serviceAccount)));
        settings(api, map("destinationId", destination, "retention", 2));

        List<JsonNode> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(run(api));
        }

        assertThat(LocalGcs.CLIENTS.get(project)).isEqualTo(serviceAccount);
        List<String> listed = backups(api, destination).stream().map(b -> b.path("name").asText()).toList();
        assertThat(listed).containsExactly(runs.get(2).path("fileName").asText(),
                runs.get(1).path("fileName").asText());
        List<String> objects = objects(gcs, bucket);
        assertThat(objects).containsAll(foreign)
                .contains("nightly/" + listed.get(0), "nightly/" + listed.get(0) + ".meta.json")
                .doesNotContain("nightly/" + runs.get(0).path("fileName").asText());
        JsonNode first = backups(api, destination).get(0);
        assertThat(first.path("encrypted").asBoolean()).isFalse();
        assertThat(first.path("includesSecrets").asBoolean()).isFalse();

        LocalGcs.failMetadataUploads(bucket, true);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            entities.create("adapters", Map.of("name", Entities.unique("hook"), "kind", "NOTIFICATION",
                    "adapterType", "webhook", "secrets", Map.of("url", receiver.url("/gcs-failed"))));
            JsonNode failed = api.post("/api/system-backup/run", Map.of()).body();

            assertThat(failed.path("status").asText()).isEqualTo("FAILED");
            assertThat(failed.path("error").asText()).contains("could not be written").contains("503")
                    .doesNotContain(serviceAccount);
            assertThat(receiver.next().body().path("runId").asText()).isEqualTo(failed.path("id").asText());
        } finally {
            LocalGcs.failMetadataUploads(bucket, false);
        }
        assertThat(backups(api, destination).stream().map(b -> b.path("name").asText()).toList())
                .as("a failed run deletes nothing").isEqualTo(listed);
        assertThat(objects(gcs, bucket)).hasSize(foreign.size() + 4);
    }

    @Test
    void aFailedRunNotifiesEveryWebhookIsRecordedAndCounted() throws Exception {
        Api api = api();
        Entities entities = new Entities(api);
        Path notADirectory = Files.createTempFile(Path.of("target").toAbsolutePath(), "blocked-", ".txt");
        String destination = entities.create("adapters", Map.of("name", Entities.unique("local"), "kind", "STORAGE",
                "adapterType", "local", "settings", Map.of("path", notADirectory.toString())));
        settings(api, map("destinationId", destination));
        double failedBefore = failedCount();

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String token = "token-" + UUID.randomUUID();
            entities.create("adapters", Map.of("name", Entities.unique("hook"), "kind", "NOTIFICATION",
                    "adapterType", "webhook", "secrets", Map.of("url", receiver.url("/hook/" + token + "?sig=" + token))));
            entities.create("adapters", Map.of("name", Entities.unique("hook"), "kind", "NOTIFICATION",
                    "adapterType", "webhook", "settings", Map.of("url", receiver.url("/plain"))));
            entities.create("adapters", Map.of("name", Entities.unique("mail"), "kind", "NOTIFICATION",
                    "adapterType", "email", "settings", Map.of("url", receiver.url("/not-a-webhook"))));

            Api.Response response = api.post("/api/system-backup/run", Map.of());

            assertThat(response.status()).isEqualTo(201);
            JsonNode run = response.body();
            assertThat(run.path("status").asText()).isEqualTo("FAILED");
            assertThat(run.path("error").asText()).contains("could not be written");
            assertThat(run.path("finishedAt").asText()).endsWith("Z");
            Map<String, WebhookReceiver.Received> calls = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                WebhookReceiver.Received call = receiver.next();
                calls.put(call.path().replaceAll("^/(hook|plain).*", "$1"), call);
            }
            assertThat(calls).containsOnlyKeys("hook", "plain");
            WebhookReceiver.Received call = calls.get("hook");
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.contentType()).isEqualTo("application/json");
            assertThat(call.path()).contains(token);
            JsonNode payload = call.body();
            assertThat(payload.path("event").asText()).isEqualTo("system-backup.failed");
            assertThat(payload.path("runId").asText()).isEqualTo(run.path("id").asText());
            assertThat(payload.path("trigger").asText()).isEqualTo("MANUAL");
            assertThat(payload.path("startedAt").asText()).isEqualTo(run.path("startedAt").asText());
            assertThat(payload.path("error").asText()).isEqualTo(run.path("error").asText());
            assertThat(payload.path("destinationId").asText()).isEqualTo(destination);
            Thread.sleep(200);
            assertThat(receiver.pending()).as("the email adapter is not a webhook").isZero();
            assertThat(api.get("/api/system-backup/runs?size=1").body().path(0).path("error").asText())
                    .doesNotContain(token);
        }
        assertThat(failedCount()).isEqualTo(failedBefore + 1);
    }

    @Test
    void aRunNeedsADestinationAndListingsNeedAStorageAdapter() {
        Api api = api();
        Entities entities = new Entities(api);

        assertThat(api.post("/api/system-backup/run", Map.of()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/system-backup/destinations/" + UUID.randomUUID() + "/backups").code())
                .isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/system-backup/destinations/" + entities.database() + "/backups").code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/system-backup/runs?page=-1").code()).isEqualTo("VALIDATION_FAILED");
    }

    private double failedCount() {
        Counter counter = meters.find("metabackup.system_backup.runs").tag("status", "failed")
                .tag("trigger", "manual").counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonNode run(Api api) {
        Api.Response response = api.post("/api/system-backup/run", Map.of());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().path("status").asText()).as(response.body().toString()).isEqualTo("SUCCEEDED");
        return response.body();
    }

    private static List<JsonNode> backups(Api api, String destination) {
        Api.Response response = api.get("/api/system-backup/destinations/" + destination + "/backups");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        List<JsonNode> backups = new ArrayList<>();
        response.body().forEach(backups::add);
        return backups;
    }

    private static List<String> objects(Storage gcs, String bucket) {
        List<String> names = new ArrayList<>();
        for (Blob blob : gcs.list(bucket).iterateAll()) {
            names.add(blob.getName());
        }
        return names;
    }

    static void settings(Api api, Map<String, Object> systemBackup) {
        Api.Response response = api.put("/api/config/settings", Map.of("systemBackup", systemBackup));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
