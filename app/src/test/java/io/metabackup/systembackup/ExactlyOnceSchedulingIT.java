package io.metabackup.systembackup;

import io.metabackup.MetabackupApplication;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static io.metabackup.systembackup.SystemBackupRunIT.map;
import static io.metabackup.systembackup.SystemBackupRunIT.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of Metabackup (two application contexts) on one PostgreSQL, as a scaled-out deployment runs: each
 * scheduled slot must produce exactly one run and one backup. Needs its own database, so it does not share the
 * context of the other integration tests.
 */
@Tag("integration")
class ExactlyOnceSchedulingIT {

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Path directory;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "two-instances-");
        first = start("first");
        second = start("second");
        assertThat(new Api(port(first)).post("/api/setup", Map.of("username", IntegrationTest.ADMIN,
                "password", IntegrationTest.ADMIN_PASSWORD, "email", "admin@example.com")).status()).isEqualTo(201);
    }

    private static ConfigurableApplicationContext start(String name) throws Exception {
        // command-line arguments, as an operator would start each instance: they win over application.yml
        return new SpringApplicationBuilder(MetabackupApplication.class).run(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--metabackup.data-dir=" + Files.createTempDirectory(directory, name + "-data"),
                "--ENCRYPTION_KEY=" + IntegrationTest.TEST_ENCRYPTION_KEY,
                "--metabackup.system-backup.settings-refresh=300ms");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[]{second, first}) {
            if (context != null) {
                context.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void bothInstancesFiringTheSameSlotGiveOneRunAndOneBackup() throws Exception {
        Api api = api(first);
        Path backups = Files.createDirectory(directory.resolve("same-slot"));
        String destination = new Entities(api).create("adapters", Map.of("name", Entities.unique("local"),
                "kind", "STORAGE", "adapterType", "local", "settings", Map.of("path", backups.toString())));
        settings(api, map("enabled", true, "destinationId", destination, "schedule", "0 3 * * *"));
        Instant slot = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS);

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Optional<SystemBackupRun>>> attempts = new ArrayList<>();
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            SystemBackupRunner runner = instance.getBean(SystemBackupRunner.class);
            attempts.add(threads.submit((Callable<Optional<SystemBackupRun>>) () -> {
                together.await();
                return runner.runSlot(slot);
            }));
        }
        List<Optional<SystemBackupRun>> results = new ArrayList<>();
        for (Future<Optional<SystemBackupRun>> attempt : attempts) {
            results.add(attempt.get());
        }
        threads.shutdown();

        assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
        SystemBackupRun run = results.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(run.status()).isEqualTo(SystemBackupRun.SUCCEEDED);
        assertThat(jdbc().queryForObject("select count(*) from system_backup_run where slot = ?", Long.class,
                java.sql.Timestamp.from(slot))).isEqualTo(1L);
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(run.fileName(), run.fileName() + ".meta.json");
        }
        settings(api, map("enabled", false, "destinationId", destination));
    }

    @Test
    void aCronScheduleOnTwoInstancesRunsEachSlotOnce() throws Exception {
        Api api = api(first);
        Path backups = Files.createDirectory(directory.resolve("cron"));
        String destination = new Entities(api).create("adapters", Map.of("name", Entities.unique("local"),
                "kind", "STORAGE", "adapterType", "local", "settings", Map.of("path", backups.toString())));
        SystemBackupScheduler other = second.getBean(SystemBackupScheduler.class);
        Instant start = Instant.now();

        settings(api, map("enabled", true, "destinationId", destination, "schedule", "* * * * * *",
                "retention", 100));
        // the second instance learns of the change from the database, not from the command it never saw
        await().atMost(Duration.ofSeconds(10)).until(() -> other.nextSlot() != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduledSince(start) >= 3);
        settings(api, map("enabled", false, "destinationId", destination));
        await().atMost(Duration.ofSeconds(10)).until(() -> other.nextSlot() == null
                && first.getBean(SystemBackupScheduler.class).nextSlot() == null);
        Thread.sleep(1500);

        List<Map<String, Object>> rows = jdbc().queryForList("""
                select slot, count(*) as runs, min(status) as status from system_backup_run
                 where trigger = 'SCHEDULE' and started_at > ? group by slot""", java.sql.Timestamp.from(start));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(row -> {
                    assertThat(row.get("runs")).isEqualTo(1L);
                    assertThat(row.get("status")).isEqualTo("SUCCEEDED");
                });
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.count()).isEqualTo(2L * rows.size());
        }
    }

    private static long scheduledSince(Instant start) {
        return jdbc().queryForObject("select count(*) from system_backup_run where trigger = 'SCHEDULE' "
                + "and status <> 'RUNNING' and started_at > ?", Long.class, java.sql.Timestamp.from(start));
    }

    private static JdbcTemplate jdbc() {
        return first.getBean(JdbcTemplate.class);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(port(context)).basic(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
