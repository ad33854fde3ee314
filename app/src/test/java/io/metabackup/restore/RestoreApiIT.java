package io.metabackup.restore;

import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.backup.BackupMetadata;
import io.metabackup.api.config.EntityType;
import io.metabackup.command.secrets.SecretSealer;
import io.metabackup.query.config.CurrentConfiguration;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import io.metabackup.support.Zip;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Restore over HTTP: offline uploads, online from a destination, and every refusal with its code. */
class RestoreApiIT extends IntegrationTest {

    @Autowired
    CurrentConfiguration configuration;
    @Autowired
    SecretSealer sealer;

    private Api api;
    private String group;
    private String groupName;
    private String adapter;
    private String adapterName;
    private String profile;

    @BeforeEach
    void entities() {
        api = api();
        groupName = Entities.unique("restorers");
        group = new Entities(api).create("groups", Map.of("name", groupName, "permissions", List.of("jobs:read")));
        adapterName = Entities.unique("billing-db");
        adapter = new Entities(api).create("adapters", Map.of("name", adapterName, "kind", "DATABASE",
                "adapterType", "postgres", "secrets", Map.of("password", "password-in-backup")));
        profile = new Entities(api).profile();
    }

    private Map<String, byte[]> export(boolean includeSecrets) {
        Map<String, Object> request = new HashMap<>(Map.of("includeSecrets", includeSecrets));
        if (includeSecrets) {
            request.put("encryptionProfileId", profile);
        }
        Api.BinaryResponse zip = api.postForBytes("/api/system-backup/export", request);
        assertThat(zip.status()).isEqualTo(200);
        return Zip.entries(zip.body());
    }

    private void change() {
        api.put("/api/config/groups/" + group, Map.of("name", groupName + "-changed"));
        api.put("/api/config/adapters/" + adapter, Map.of("name", adapterName, "kind", "DATABASE",
                "adapterType", "postgres", "secrets", Map.of("password", "password-changed")));
    }

    private Map<String, String> options(String mode, boolean dryRun) {
        return Map.of("mode", mode, "dryRun", String.valueOf(dryRun), "ids", group + "," + adapter);
    }

    private Api.Response uploadZip(Map<String, byte[]> files, Map<String, String> fields) {
        byte[] zip = zipOf(files);
        return api.upload("/api/system-backup/restore", Map.of("file", new Api.NamedBytes("export.zip", zip)), fields);
    }

    private static String backupName(Map<String, byte[]> files) {
        return files.keySet().stream().filter(n -> BackupFileName.parse(n).isPresent()).findFirst().orElseThrow();
    }

    private String password() {
        var record = configuration.find(EntityType.ADAPTER, UUID.fromString(adapter)).orElseThrow();
        return sealer.open(record.id(), "password", record.secrets().get("password")).reveal();
    }

    @Test
    void theZipOfAnExportRestoresOfflineAfterAPlanThatChangesNothing() {
        Map<String, byte[]> backup = export(true);
        change();

        Api.Response plan = uploadZip(backup, options("OVERWRITE", true));
        assertThat(plan.status()).as(plan.body().toString()).isEqualTo(200);
        assertThat(plan.body().path("applied").asBoolean()).isFalse();
        assertThat(plan.body().path("items").findValuesAsText("action")).containsOnly("UPDATE");
        assertThat(api.get("/api/config/groups/" + group).body().path("name").asText()).endsWith("-changed");

        Api.Response applied = uploadZip(backup, options("OVERWRITE", false));
        assertThat(applied.body().path("applied").asBoolean()).isTrue();
        assertThat(applied.body().path("items")).isEqualTo(plan.body().path("items"));
        assertThat(api.get("/api/config/groups/" + group).body().path("name").asText()).isEqualTo(groupName);
        assertThat(password()).isEqualTo("password-in-backup");
        String restoreId = applied.body().path("restoreId").asText();
        assertThat(api.get("/api/audit?action=BACKUP_RESTORED").body().toString()).contains(restoreId);
        assertThat(api.get("/api/history?id=" + group).body().toString()).contains(restoreId);
    }

    @Test
    void aBackupWithoutSecretsLosesNoSecretAndUploadsAsTwoFiles() {
        Map<String, byte[]> backup = export(false);
        change();
        String name = backupName(backup);

        Api.Response applied = api.upload("/api/system-backup/restore", Map.of(
                "file", new Api.NamedBytes(name, backup.get(name)),
                "meta", new Api.NamedBytes(name + ".meta.json", backup.get(name + ".meta.json"))),
                options("OVERWRITE", false));

        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        assertThat(password()).isEqualTo("password-changed");
        assertThat(api.get("/api/config/groups/" + group).body().path("name").asText()).isEqualTo(groupName);
    }

    @Test
    void aBackupInADestinationRestoresOnline() throws Exception {
        Map<String, byte[]> backup = export(true);
        Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restore-destination-");
        backup.forEach((name, bytes) -> write(directory.resolve(name), bytes));
        String destination = new Entities(api).create("adapters", Map.of("name", Entities.unique("nas"),
                "kind", "STORAGE", "adapterType", "local", "settings", Map.of("path", directory.toString())));
        change();

        Api.Response applied = api.post("/api/system-backup/restore", Map.of("destinationId", destination,
                "fileName", backupName(backup), "mode", "OVERWRITE", "ids", List.of(group, adapter)));

        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        assertThat(password()).isEqualTo("password-in-backup");
        assertThat(api.post("/api/system-backup/restore", Map.of("destinationId", destination,
                "fileName", "config_backup_2001-01-01T00-00-00.json.gz.enc")).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void everyKindOfBadBackupHasItsOwnCode() {
        Map<String, byte[]> backup = export(true);
        String name = backupName(backup);
        byte[] file = backup.get(name);
        byte[] meta = backup.get(name + ".meta.json");
        Map<String, String> dryRun = options("OVERWRITE", true);

        assertThat(upload(name, file, null, dryRun).code()).isEqualTo("META_MISSING");
        assertThat(upload(name, file, meta, withKey(dryRun, "ab".repeat(32))).code()).isEqualTo("WRONG_KEY");
        assertThat(upload(name, file, meta, withKey(dryRun, "not-a-key")).code()).isEqualTo("VALIDATION_FAILED");
        byte[] flipped = file.clone();
        flipped[flipped.length / 2] ^= 1;
        assertThat(upload(name, flipped, meta, dryRun).code()).isEqualTo("CORRUPT_BACKUP");
        byte[] future = new String(meta, StandardCharsets.UTF_8).replace("\"formatVersion\" : \"1.0\"",
                "\"formatVersion\" : \"2.0\"").getBytes(StandardCharsets.UTF_8);
        assertThat(upload(name, file, future, dryRun).code()).isEqualTo("UNSUPPORTED_VERSION");

        byte[] bomb = BackupCodec.gzip(new byte[16 * 1024 * 1024]);
        BackupMetadata bombMeta = new BackupMetadata("1.0", Instant.now(), null, null, 0, Map.of(), false,
                BackupMetadata.COMPRESSION_GZIP, BackupMetadata.Encryption.none(), BackupCodec.sha256(bomb),
                "00".repeat(32), null);
        assertThat(upload("config_backup_2020-01-01T00-00-00.json.gz", bomb, bombMeta.toJson(), dryRun).code())
                .isEqualTo("TOO_LARGE");
    }

    @Test
    void aKeyThatIsNotInTheVaultIsAskedForByProfile() {
        String ownProfile = new Entities(api).profile();
        String key = api.get("/api/vault/profiles/" + ownProfile + "/key").body().path("key").asText();
        Api.BinaryResponse zip = api.postForBytes("/api/system-backup/export",
                Map.of("encryptionProfileId", ownProfile, "includeSecrets", true));
        Map<String, byte[]> backup = Zip.entries(zip.body());
        assertThat(api.delete("/api/config/encryption-profiles/" + ownProfile).status()).isEqualTo(204);

        Api.Response missing = uploadZip(backup, options("OVERWRITE", true));
        assertThat(missing.code()).isEqualTo("KEY_REQUIRED");
        assertThat(missing.body().path("profileId").asText()).isEqualTo(ownProfile);
        assertThat(missing.body().toString()).doesNotContain(key);

        Api.Response withKey = uploadZip(backup, withKey(options("OVERWRITE", true), key));
        assertThat(withKey.status()).isEqualTo(200);
    }

    @Test
    void onlyThoseWhoMayRestoreCan() {
        Api reader = user("backup:export", "adapters:read").api();
        Api.Response refused = reader.upload("/api/system-backup/restore",
                Map.of("file", new Api.NamedBytes("x.zip", new byte[]{1})), Map.of());
        assertThat(refused.status()).isEqualTo(403);
    }

    private Api.Response upload(String name, byte[] file, byte[] meta, Map<String, String> fields) {
        Map<String, Api.NamedBytes> files = new HashMap<>(Map.of("file", new Api.NamedBytes(name, file)));
        if (meta != null) {
            files.put("meta", new Api.NamedBytes(name + ".meta.json", meta));
        }
        return api.upload("/api/system-backup/restore", files, fields);
    }

    private static Map<String, String> withKey(Map<String, String> fields, String key) {
        Map<String, String> result = new HashMap<>(fields);
        result.put("key", key);
        return result;
    }

    private static byte[] zipOf(Map<String, byte[]> files) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(Path path, byte[] bytes) {
        try {
            Files.write(path, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
