package io.metabackup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.backup.BackupMetadata;
import io.metabackup.api.crypto.HexKey;
import io.metabackup.support.Api;
import io.metabackup.support.AppProcess;
import io.metabackup.support.Entities;
import io.metabackup.support.Zip;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented disaster-recovery procedure, end to end, as separate processes: instance A with its own database
 * and ENCRYPTION_KEY holds every entity type with secrets; a backup with secrets is all that survives; instance B,
 * a fresh database with a different ENCRYPTION_KEY, gets a first admin, the profile key and the backup, and ends
 * with A's configuration, secrets included, and can itself export and restore again.
 */
@Tag("integration")
class DisasterRecoveryIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final String KEY_A = "a1".repeat(32);
    private static final String KEY_B = "b2".repeat(32);

    @Test
    void aBackupWithSecretsRebuildsTheWholeConfigurationInANewInstance() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "dr-");
        Map<String, byte[]> backup;
        String profileId;
        String profileKey;
        JsonNode documentOfA;

        try (AppProcess a = AppProcess.start(work.resolve("a"), KEY_A)) {
            a.awaitReady(READY);
            Api api = a.setUpAdmin();
            profileId = everyEntityType(api, work);
            profileKey = api.get("/api/vault/profiles/" + profileId + "/key").body().path("key").asText();
            backup = exportWithSecrets(api, profileId);
            documentOfA = open(backup, profileKey);
            a.stop();
        }

        try (AppProcess b = AppProcess.start(work.resolve("b"), KEY_B)) {
            b.awaitReady(READY);
            // the first admin of the new instance must not take a name the backup holds; it is replaced by A's users
            Api recovery = new Api(b.port);
            assertThat(recovery.post("/api/setup", Map.of("username", "recovery", "password", "recovery password 1",
                    "email", "recovery@example.com")).status()).isEqualTo(201);
            recovery = recovery.basic("recovery", "recovery password 1");
            assertThat(recovery.post("/api/vault/profiles/import", Map.of("id", profileId, "name", "offsite",
                    "key", profileKey)).status()).isEqualTo(201);

            Api.Response plan = restore(recovery, backup, true);
            assertThat(plan.status()).as(plan.body().toString()).isEqualTo(200);
            assertThat(plan.body().path("warnings")).as(plan.body().toString()).isEmpty();
            Api.Response applied = restore(recovery, backup, false);
            assertThat(applied.body().path("applied").asBoolean()).as(applied.body().toString()).isTrue();

            Api admin = b.admin();
            assertThat(admin.get("/api/auth/me").status()).as("A's administrator signs in to B").isEqualTo(200);
            assertThat(recovery.get("/api/auth/me").status()).as("the temporary admin is gone").isEqualTo(401);
            Map<String, byte[]> backupOfB = exportWithSecrets(admin, profileId);
            assertThat(withoutVersions(open(backupOfB, profileKey).path("data")))
                    .isEqualTo(withoutVersions(documentOfA.path("data")));

            Api.Response again = restore(admin, backupOfB, false);
            assertThat(again.body().path("applied").asBoolean()).isTrue();
            assertThat(again.body().path("items").findValuesAsText("action")).containsOnly("UNCHANGED");
        }
    }

    /** Every type, with secrets of every kind; returns the encryption profile that will encrypt the backup. */
    private static String everyEntityType(Api api, Path work) throws Exception {
        Entities entities = new Entities(api);
        String profile = entities.create("encryption-profiles", Map.of("name", "offsite", "description", "vault"));
        String database = entities.adapter("DATABASE", "postgres", Map.of("password", "orders-db-password"));
        String storage = entities.create("adapters", Map.of("name", "nas", "kind", "STORAGE", "adapterType", "local",
                "settings", Map.of("path", Files.createDirectories(work.resolve("nas")).toString())));
        String gcs = entities.adapter("STORAGE", "gcs", Map.of("serviceAccountJson", "{\"private_key\":\"k\"}"));
        String webhook = entities.notification();
        String group = entities.group("adapters:read", "history:read");
        entities.create("users", Map.of("username", "operator", "email", "operator@example.com",
                "groupIds", List.of(group), "secrets", Map.of("password", "operator password 1")));
        entities.create("jobs", Map.of("name", "nightly", "sourceId", database, "destinationIds", List.of(storage, gcs),
                "schedule", "0 2 * * *", "encryptionProfileId", profile, "notificationIds", List.of(webhook),
                "retention", Map.of("keepLast", 7)));
        entities.create("sso-providers", Map.of("providerId", "corp", "name", "Corp IdP",
                "issuerUrl", "https://idp.example.com", "clientId", "metabackup",
                "secrets", Map.of("clientSecret", "sso-client-secret")));
        assertThat(api.put("/api/config/settings", Map.of("concurrency", 3, "timeZone", "Europe/Berlin",
                "systemBackup", Map.of("enabled", false, "destinationId", storage, "encryptionProfileId", profile,
                        "includeSecrets", true, "retention", 5))).status()).isEqualTo(200);
        return profile;
    }

    private static Map<String, byte[]> exportWithSecrets(Api api, String profileId) {
        Api.BinaryResponse zip = api.postForBytes("/api/system-backup/export",
                Map.of("encryptionProfileId", profileId, "includeSecrets", true));
        assertThat(zip.status()).isEqualTo(200);
        return Zip.entries(zip.body());
    }

    private static Api.Response restore(Api api, Map<String, byte[]> backup, boolean dryRun) {
        String name = name(backup);
        return api.upload("/api/system-backup/restore", Map.of(
                        "file", new Api.NamedBytes(name, backup.get(name)),
                        "meta", new Api.NamedBytes(name + ".meta.json", backup.get(name + ".meta.json"))),
                Map.of("mode", "REPLACE", "dryRun", String.valueOf(dryRun)));
    }

    private static JsonNode open(Map<String, byte[]> backup, String key) {
        String name = name(backup);
        return BackupCodec.decode(backup.get(name), BackupMetadata.parse(backup.get(name + ".meta.json")),
                HexKey.parse(key).orElseThrow(), BackupCodec.DEFAULT_MAX_PLAINTEXT_BYTES).document();
    }

    private static String name(Map<String, byte[]> backup) {
        return backup.keySet().stream().filter(n -> BackupFileName.parse(n).isPresent()).findFirst().orElseThrow();
    }

    /** Versions count the changes each instance made; the configuration itself is everything else. */
    private static JsonNode withoutVersions(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("version");
        }
        node.forEach(DisasterRecoveryIT::strip);
    }

}
