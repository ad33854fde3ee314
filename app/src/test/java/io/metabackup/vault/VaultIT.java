package io.metabackup.vault;

import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VaultIT extends IntegrationTest {

    private static final String KEY = "0f".repeat(32);

    @Test
    void aKeyCanBeImportedAndRevealedButNeverReplaced() {
        Api api = api();
        String name = Entities.unique("imported");
        UUID id = UUID.randomUUID();

        Api.Response imported = api.post("/api/vault/profiles/import", Map.of("id", id, "name", name, "key", KEY));
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.id()).isEqualTo(id.toString());
        assertThat(imported.body().path("secretsSet").toString()).isEqualTo("[\"key\"]");
        assertThat(imported.body().toString()).doesNotContain(KEY);

        Api.Response revealed = api.get("/api/vault/profiles/" + id + "/key");
        assertThat(revealed.body().path("key").asText()).isEqualTo(KEY);
        assertThat(api.get("/api/audit?action=VAULT_KEY_REVEALED").body().toString()).contains(id.toString());
        assertThat(user("vault:read", "encryption-profiles:read").api().get("/api/vault/profiles/" + id + "/key")
                .status()).isEqualTo(403);

        assertThat(api.post("/api/vault/profiles/import", Map.of("name", name, "key", KEY.toUpperCase())).status())
                .isEqualTo(200);
        assertThat(api.post("/api/vault/profiles/import", Map.of("name", name, "key", "1e".repeat(32))).code())
                .isEqualTo("ALREADY_EXISTS");
        assertThat(api.post("/api/vault/profiles/import", Map.of("name", Entities.unique("bad"), "key", "xyz"))
                .code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/vault/profiles/" + UUID.randomUUID() + "/key").code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aGeneratedKeyCanBeRevealed() {
        Api api = api();
        String id = new Entities(api).profile();
        String key = api.get("/api/vault/profiles/" + id + "/key").body().path("key").asText();
        assertThat(key).matches("[0-9a-f]{64}");
    }

    @Test
    void theRecoveryKitHoldsTheKeysTheStepsAndTheFormat() {
        Api api = api();
        String id = new Entities(api).profile();
        String key = api.get("/api/vault/profiles/" + id + "/key").body().path("key").asText();

        Api.BinaryResponse kit = api.getForBytes("/api/vault/recovery-kit?profileIds=" + id);

        assertThat(kit.status()).isEqualTo(200);
        assertThat(kit.contentDisposition()).contains("metabackup-recovery-kit.zip");
        Map<String, byte[]> entries = io.metabackup.support.Zip.entries(kit.body());
        assertThat(entries).containsKeys("README.txt", "backup-format.md", "keys.json", "keys/" + id + ".key");
        assertThat(new String(entries.get("keys.json"), java.nio.charset.StandardCharsets.UTF_8)).contains(key);
        assertThat(new String(entries.get("backup-format.md"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("AES-256-GCM");
        assertThat(api.get("/api/audit?action=RECOVERY_KIT_DOWNLOADED").body().toString()).contains(id);
    }
}
