package io.metabackup.systembackup;

import io.metabackup.api.config.CronSchedule;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.metabackup.systembackup.SystemBackupRunIT.map;
import static io.metabackup.systembackup.SystemBackupRunIT.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SystemBackupScheduleIT extends IntegrationTest {

    @Autowired
    SystemBackupScheduler scheduler;
    @Autowired
    SystemBackupRuns runs;

    @AfterEach
    void resetSettings() {
        assertThat(api().put("/api/config/settings", Map.of()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.nextSlot() == null);
    }

    @Test
    void changingTheSettingsReschedulesWithoutARestart() {
        Api api = api();
        String destination = new Entities(api).storage();

        settings(api, map("enabled", true, "destinationId", destination, "schedule", "0 5 * * *"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(scheduler.nextSlot()).isEqualTo(next("0 5 * * *", ZoneId.of("UTC"))));

        Api.Response berlin = api.put("/api/config/settings", Map.of("timeZone", "Europe/Berlin",
                "systemBackup", map("enabled", true, "destinationId", destination, "schedule", "30 4 * * 1")));
        assertThat(berlin.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(scheduler.nextSlot()).isEqualTo(next("30 4 * * 1", ZoneId.of("Europe/Berlin"))));

        settings(api, map("enabled", false, "destinationId", destination, "schedule", "30 4 * * 1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.nextSlot() == null);
    }

    @Test
    void scheduledSlotsRunAndAreRecordedOncePerSlot() throws Exception {
        Api api = api();
        Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "scheduled-");
        String destination = new Entities(api).create("adapters", Map.of("name", Entities.unique("local"),
                "kind", "STORAGE", "adapterType", "local", "settings", Map.of("path", directory.toString())));
        Instant start = Instant.now();

        // six fields: every second
        settings(api, map("enabled", true, "destinationId", destination, "schedule", "* * * * * *",
                "retention", 100));
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduledSince(start).size() >= 2);
        settings(api, map("enabled", false, "destinationId", destination));
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.nextSlot() == null);
        Thread.sleep(1500);

        List<SystemBackupRun> scheduled = scheduledSince(start);
        assertThat(scheduled).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(SystemBackupRun.SUCCEEDED);
            assertThat(run.slot()).isNotNull();
            assertThat(run.slot().getNano()).isZero();
            assertThat(runs.forSlot(run.slot())).hasSize(1);
        });
        assertThat(scheduled).extracting(SystemBackupRun::slot).doesNotHaveDuplicates();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.count()).isEqualTo(2L * scheduled.size());
        }
    }

    private List<SystemBackupRun> scheduledSince(Instant start) {
        return runs.list(0, 500).stream()
                .filter(run -> run.trigger().equals(SystemBackupRun.SCHEDULE) && run.startedAt().isAfter(start))
                .filter(run -> !run.status().equals(SystemBackupRun.RUNNING))
                .toList();
    }

    private static Instant next(String cron, ZoneId zone) {
        return CronSchedule.parse(cron).next(ZonedDateTime.now(zone)).toInstant();
    }
}
