package io.metabackup.persistence;

import io.metabackup.support.Api;
import io.metabackup.support.AppProcess;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise of the default installation: data written survives a normal stop (SIGTERM) and a crash of the JVM
 * (SIGKILL, which leaves the embedded PostgreSQL running), and a wrong or malformed key stops start-up with a clear
 * message instead of touching the data.
 */
@Tag("integration")
class ProcessRestartIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final String OTHER_KEY = "ff".repeat(32);

    @Test
    void dataSurvivesSigtermAndKillAndAWrongKeyIsRefused() throws Exception {
        Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
        Path dataDir = Files.createTempDirectory(target, "restart-").resolve("data");
        String key = IntegrationTest.TEST_ENCRYPTION_KEY;
        String adapterId;
        String profileId;

        try (AppProcess first = AppProcess.start(dataDir, key)) {
            System.out.println("First start served the API after " + first.awaitReady(READY));
            Entities entities = new Entities(first.setUpAdmin());
            adapterId = entities.adapter("DATABASE", "postgres", Map.of("password", "p4ssw0rd-restart"));
            profileId = entities.profile();
            assertThat(first.stop()).as("exit code after SIGTERM (143 is the JVM's 128 + 15)").isIn(0, 143);
            assertThat(first.output()).contains("Stopping embedded PostgreSQL");
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped with the app").doesNotExist();

        try (AppProcess second = AppProcess.start(dataDir, key)) {
            second.awaitReady(READY);
            Api api = second.admin();
            assertThat(api.get("/api/config/adapters/" + adapterId).body().path("secretsSet").toString())
                    .isEqualTo("[\"password\"]");
            new Entities(api).group();
            second.kill();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("a killed JVM leaves PostgreSQL behind").exists();

        try (AppProcess third = AppProcess.start(dataDir, key)) {
            third.awaitReady(READY);
            Api api = third.admin();
            assertThat(api.get("/api/config/encryption-profiles/" + profileId).status()).isEqualTo(200);
            assertThat(api.get("/api/config/groups").body()).as("administrators and the one created").hasSize(2);
            assertThat(third.output()).contains("left running by an earlier Metabackup");
        }

        try (AppProcess wrongKey = AppProcess.start(dataDir, OTHER_KEY)) {
            assertThat(wrongKey.awaitExit(READY)).isNotZero();
            assertThat(wrongKey.output()).contains("is not the key that protects the stored secrets")
                    .doesNotContain(OTHER_KEY).doesNotContain(key);
        }

        try (AppProcess malformedKey = AppProcess.start(dataDir, "not-a-key")) {
            assertThat(malformedKey.awaitExit(READY)).isNotZero();
            assertThat(malformedKey.output()).contains("must be exactly 64 hexadecimal characters")
                    .doesNotContain("not-a-key");
        }

        try (AppProcess again = AppProcess.start(dataDir, key)) {
            again.awaitReady(READY);
            assertThat(again.admin().get("/api/config/adapters/" + adapterId).status()).isEqualTo(200);
        }
    }

}
