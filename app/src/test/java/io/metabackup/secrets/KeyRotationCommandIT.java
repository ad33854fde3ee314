package io.metabackup.secrets;

import io.metabackup.support.Api;
import io.metabackup.support.AppProcess;
import io.metabackup.support.Entities;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented rotation procedure, run as an operator would: stop, rotate, start with the new key. */
@Tag("integration")
class KeyRotationCommandIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final String OLD_KEY = "1a".repeat(32);
    private static final String NEW_KEY = "2b".repeat(32);

    @Test
    void theRotationCommandMovesEverySecretToTheNewKey() throws Exception {
        Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
        Path work = Files.createTempDirectory(target, "rotation-");
        Path dataDir = work.resolve("data");
        Path newKeyFile = Files.writeString(work.resolve("new.key"), NEW_KEY + "\n");
        String profileId;
        String profileKey;

        try (AppProcess app = AppProcess.start(dataDir, OLD_KEY)) {
            app.awaitReady(READY);
            Api api = app.setUpAdmin();
            profileId = new Entities(api).profile();
            profileKey = api.get("/api/vault/profiles/" + profileId + "/key").body().path("key").asText();
            app.stop();
        }

        try (AppProcess rotation = AppProcess.start(dataDir, OLD_KEY,
                List.of(EncryptionKeyRotation.COMMAND, "--new-key-file=" + newKeyFile), Map.of())) {
            assertThat(rotation.awaitExit(READY)).as(rotation.output()).isZero();
            assertThat(rotation.output()).contains("re-wrapped").doesNotContain(NEW_KEY).doesNotContain(OLD_KEY);
        }

        try (AppProcess oldKey = AppProcess.start(dataDir, OLD_KEY)) {
            assertThat(oldKey.awaitExit(READY)).isNotZero();
            assertThat(oldKey.output()).contains("is not the key that protects the stored secrets");
        }

        try (AppProcess app = AppProcess.start(dataDir, NEW_KEY)) {
            app.awaitReady(READY);
            assertThat(app.admin().get("/api/vault/profiles/" + profileId + "/key").body().path("key").asText())
                    .isEqualTo(profileKey);
        }
    }
}
