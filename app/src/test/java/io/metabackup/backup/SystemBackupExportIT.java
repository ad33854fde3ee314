package io.metabackup.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.backup.BackupMetadata;
import io.metabackup.api.history.PointInTime;
import io.metabackup.query.history.PointInTimeConfiguration;
import io.metabackup.query.history.StreamPositions;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import io.metabackup.support.Zip;
import io.metabackup.offline.DecryptCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SystemBackupExportIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    StreamPositions positions;
    @Autowired
    PointInTimeConfiguration history;

    @Test
    void anEncryptedExportWithSecretsDecryptsWithOnlyTheKeyAndTheMetadata() throws Exception {
        Api api = api();
        Entities entities = new Entities(api);
        String key = HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(32));
        String profile = entities.create("encryption-profiles", Map.of("name", Entities.unique("profile"),
                "secrets", Map.of("key", key)));
        String password = "db-password-" + UUID.randomUUID();
        String database = entities.adapter("DATABASE", "postgres", Map.of("password", password));

        Api.BinaryResponse response = api.postForBytes("/api/system-backup/export",
                Map.of("encryptionProfileId", profile, "includeSecrets", true));

        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/zip");
        assertThat(response.contentDisposition()).startsWith("attachment").contains("config_backup_");
        Map<String, byte[]> zip = Zip.entries(response.body());
        assertThat(zip).hasSize(2);
        String fileName = zip.keySet().iterator().next();
        BackupFileName name = BackupFileName.parse(fileName).orElseThrow();
        assertThat(name.encrypted()).isTrue();
        assertThat(zip).containsKey(name.metaName());

        BackupMetadata meta = BackupMetadata.parse(zip.get(name.metaName()));
        assertThat(meta.includesSecrets()).isTrue();
        assertThat(meta.encryption().profileId()).hasToString(profile);
        assertThat(meta.encryption().algorithm()).isEqualTo("aes-256-gcm");
        assertThat(meta.compression()).isEqualTo("GZIP");
        assertThat(meta.formatVersion()).isEqualTo("1.0");
        assertThat(meta.entityCounts()).containsKeys("adapters", "jobs", "users", "groups", "encryptionProfiles",
                "ssoProviders");
        byte[] file = zip.get(fileName);
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(password);

        BackupCodec.Verified verified = BackupCodec.decode(file, meta, HexFormat.of().parseHex(key), 1 << 28);

        JsonNode document = verified.document();
        assertThat(document.path("version").asText()).isEqualTo("1.0");
        assertThat(document.path("position").asLong()).isEqualTo(meta.position());
        assertThat(entity(document, "adapters", database).path("secrets").path("password").asText())
                .isEqualTo(password);
        assertThat(entity(document, "encryptionProfiles", profile).path("secrets").path("key").asText())
                .isEqualTo(key);
        assertThat(document.path("data").path("settings").isObject()).isTrue();
        // the document is the configuration at the position the metadata names, nothing more, nothing less
        var state = history.at(PointInTime.atPosition(meta.position()));
        assertThat(BackupDocument.fingerprint(state)).isEqualTo(snapshot(api, meta.snapshotVersion())
                .path("sha256").asText());
        assertThat(document.path("data").path("adapters").size()).isEqualTo(meta.entityCounts().get("adapters"));

        // the offline command reads the very same download with the key alone
        Path dir = Files.createTempDirectory(Path.of("target")
                .toAbsolutePath(), "download-");
        Files.write(dir.resolve(fileName), file);
        Files.write(dir.resolve(name.metaName()), zip.get(name.metaName()));
        java.io.ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = DecryptCommand.run(List.of("--key", key, dir.resolve(fileName).toString(),
                "--out", dir.resolve("document.json").toString()), Map.of(), new PrintStream(out),
                new PrintStream(out));
        assertThat(exit).as(out.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("document.json"))).isEqualTo(verified.plaintext());
    }

    @Test
    void withoutSecretsEverySecretIsAPlaceholderAndTheFileMayBeUnencrypted() throws Exception {
        Api api = api();
        String password = "db-password-" + UUID.randomUUID();
        String database = new Entities(api).adapter("DATABASE", "postgres", Map.of("password", password));

        Api.BinaryResponse response = api.postForBytes("/api/system-backup/export", Map.of("includeSecrets", false));

        assertThat(response.status()).isEqualTo(200);
        Map<String, byte[]> zip = Zip.entries(response.body());
        String fileName = zip.keySet().iterator().next();
        assertThat(fileName).endsWith(".json.gz").doesNotEndWith(".enc");
        BackupMetadata meta = BackupMetadata.parse(zip.get(fileName + ".meta.json"));
        assertThat(meta.encrypted()).isFalse();
        assertThat(meta.includesSecrets()).isFalse();
        assertThat(new String(zip.get(fileName + ".meta.json"), StandardCharsets.UTF_8))
                .contains("\"includesSecrets\" : false");

        BackupCodec.Verified verified = BackupCodec.decode(zip.get(fileName), meta, null, 1 << 28);
        assertThat(new String(verified.plaintext(), StandardCharsets.UTF_8)).doesNotContain(password);
        JsonNode secret = entity(verified.document(), "adapters", database).path("secrets").path("password");
        assertThat(BackupDocument.isPlaceholder(secret)).isTrue();
        assertThat(secret).isEqualTo(JSON.readTree("{\"omitted\":true}"));
        verified.document().path("data").path("adapters").forEach(adapter -> adapter.path("secrets")
                .forEach(value -> assertThat(BackupDocument.isPlaceholder(value)).as(value.toString()).isTrue()));
    }

    @Test
    void theSameConfigurationExportsToTheSamePlaintext() {
        Api api = api();
        new Entities(api).group();
        long position = positions.head();

        byte[] first = plaintextOf(api.postForBytes("/api/system-backup/export",
                Map.of("includeSecrets", false, "asOf", position)));
        new Entities(api).group();
        byte[] second = plaintextOf(api.postForBytes("/api/system-backup/export",
                Map.of("includeSecrets", false, "asOf", String.valueOf(position))));

        assertThat(second).isEqualTo(first);
        assertThat(BackupCodec.sha256(second)).isEqualTo(BackupCodec.sha256(first));
    }

    @Test
    void secretsWithoutEncryptionAndUnknownProfilesAreRefused() {
        Api api = api();
        long snapshotsBefore = api.get("/api/snapshots?size=1").body().path(0).path("version").asLong(0);

        Api.BinaryResponse secrets = api.postForBytes("/api/system-backup/export", Map.of("includeSecrets", true));
        Api.BinaryResponse unknown = api.postForBytes("/api/system-backup/export",
                Map.of("includeSecrets", true, "encryptionProfileId", UUID.randomUUID().toString()));
        Api.BinaryResponse badAsOf = api.postForBytes("/api/system-backup/export",
                Map.of("includeSecrets", false, "asOf", "yesterday"));

        assertThat(secrets.status()).isEqualTo(400);
        assertThat(secrets.contentType()).contains("application/problem+json");
        assertThat(secrets.json().path("code").asText()).isEqualTo("SECRETS_REQUIRE_ENCRYPTION");
        assertThat(secrets.json().path("detail").asText()).contains("encrypt");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(badAsOf.json().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/snapshots?size=1").body().path(0).path("version").asLong(0))
                .as("a refused export records no snapshot").isEqualTo(snapshotsBefore);
    }

    @Test
    void secretsNeedTheirOwnPermissionAndEveryExportIsAudited() {
        String profile = new Entities(api()).profile();
        Api exporter = user("backup:export").api();

        Api.BinaryResponse refused = exporter.postForBytes("/api/system-backup/export",
                Map.of("encryptionProfileId", profile, "includeSecrets", true));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("FORBIDDEN");

        Api.BinaryResponse allowed = exporter.postForBytes("/api/system-backup/export",
                Map.of("encryptionProfileId", profile, "includeSecrets", false));
        assertThat(allowed.status()).isEqualTo(200);
        String audit = api().get("/api/audit?action=BACKUP_EXPORTED").body().toString();
        assertThat(audit).contains("\"includesSecrets\":\"false\"");
    }

    @Test
    void aPastInstantOrPositionExportsTheConfigurationAsItWasThen() throws Exception {
        Api api = api();
        String before = Entities.unique("before");
        String id = new Entities(api).create("groups", Map.of("name", before));
        long position = positions.head();
        Thread.sleep(5);
        Instant instant = Instant.now();
        Thread.sleep(5);
        assertThat(api.put("/api/config/groups/" + id, Map.of("name", Entities.unique("after"))).status())
                .isEqualTo(200);

        for (Object asOf : List.of(position, instant.toString())) {
            Api.BinaryResponse response = api.postForBytes("/api/system-backup/export",
                    Map.of("includeSecrets", false, "asOf", asOf));
            Map<String, byte[]> zip = Zip.entries(response.body());
            String fileName = zip.keySet().iterator().next();
            BackupMetadata meta = BackupMetadata.parse(zip.get(fileName + ".meta.json"));
            JsonNode document = BackupCodec.decode(zip.get(fileName), meta, null, 1 << 28).document();

            assertThat(entity(document, "groups", id).path("name").asText()).as("asOf %s", asOf).isEqualTo(before);
            assertThat(meta.position()).isEqualTo(position);
            assertThat(document.path("timestamp").asText()).isNotEmpty();
            assertThat(Instant.parse(document.path("timestamp").asText())).isBeforeOrEqualTo(instant);
        }
        Api.BinaryResponse now = api.postForBytes("/api/system-backup/export", Map.of("includeSecrets", false));
        Map<String, byte[]> zip = Zip.entries(now.body());
        String fileName = zip.keySet().iterator().next();
        JsonNode latest = BackupCodec.decode(zip.get(fileName), BackupMetadata.parse(zip.get(fileName + ".meta.json")),
                null, 1 << 28).document();
        assertThat(entity(latest, "groups", id).path("name").asText()).startsWith("after");
    }

    @Test
    void everyExportRecordsAVersionedSnapshotListedNewestFirst() {
        Api api = api();
        new Entities(api).group();

        Api.BinaryResponse response = api.postForBytes("/api/system-backup/export", Map.of("includeSecrets", false));
        Map<String, byte[]> zip = Zip.entries(response.body());
        BackupMetadata meta = BackupMetadata.parse(zip.get(zip.keySet().iterator().next() + ".meta.json"));

        Api.Response list = api.get("/api/snapshots?page=0&size=5");
        assertThat(list.status()).isEqualTo(200);
        JsonNode newest = list.body().path(0);
        assertThat(newest.path("version").asLong()).isEqualTo(meta.snapshotVersion());
        assertThat(newest.path("position").asLong()).isEqualTo(meta.position());
        assertThat(newest.path("trigger").asText()).isEqualTo("MANUAL");
        assertThat(newest.path("sha256").asText()).hasSize(64);
        assertThat(newest.path("createdAt").asText()).endsWith("Z");
        assertThat(newest.path("entityCounts").path("groups").asInt()).isEqualTo(meta.entityCounts().get("groups"));
        List<Long> versions = new java.util.ArrayList<>();
        list.body().forEach(s -> versions.add(s.path("version").asLong()));
        assertThat(versions).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(api.get("/api/snapshots?size=0").code()).isEqualTo("VALIDATION_FAILED");
    }

    private static byte[] plaintextOf(Api.BinaryResponse response) {
        assertThat(response.status()).isEqualTo(200);
        Map<String, byte[]> zip = Zip.entries(response.body());
        String fileName = zip.keySet().iterator().next();
        return BackupCodec.decode(zip.get(fileName), BackupMetadata.parse(zip.get(fileName + ".meta.json")), null,
                1 << 28).plaintext();
    }

    private static JsonNode snapshot(Api api, long version) {
        for (JsonNode snapshot : api.get("/api/snapshots?size=50").body()) {
            if (snapshot.path("version").asLong() == version) {
                return snapshot;
            }
        }
        throw new AssertionError("snapshot " + version + " not listed");
    }

    static JsonNode entity(JsonNode document, String key, String id) {
        for (JsonNode entity : document.path("data").path(key)) {
            if (entity.path("id").asText().equals(id)) {
                return entity;
            }
        }
        throw new AssertionError("no " + key + " entity " + id + " in the document");
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
