package io.metabackup.benchmark;

import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.EntityState;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.history.ConfigurationState;
import io.metabackup.api.history.PointInTime;
import io.metabackup.history.AutomaticSnapshots;
import io.metabackup.query.chain.ChainSealer;
import io.metabackup.query.chain.ChainVerification;
import io.metabackup.query.chain.ChainVerifier;
import io.metabackup.query.history.HistoryFilter;
import io.metabackup.query.history.HistoryQueries;
import io.metabackup.query.history.PointInTimeConfiguration;
import io.metabackup.query.history.SnapshotStore;
import io.metabackup.query.history.StreamPositions;
import io.metabackup.support.IntegrationTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds a history of 100,000 real Axon events over 5,000 entities (commands in batched transactions, flushing and
 * clearing the persistence context every 100 commands) and prints what point-in-time reads and history queries
 * cost on it. Run with {@code ./mvnw -B -o -Pbenchmark -pl app -am test}; it is excluded from ordinary builds.
 */
@Tag("benchmark")
@TestPropertySource(properties = {
        "metabackup.history.snapshot-every=1000",
        "metabackup.history.snapshot-check-interval=1s",
        "metabackup.history.settle-margin=1s",
        "metabackup.history.chain-seal-interval=1h"})
class HistoryBenchmarkIT extends IntegrationTest {

    private static final int ENTITIES = 5_000;
    private static final int EVENTS = 100_000;
    private static final int ACTORS = 50;
    private static final int COMMANDS_PER_TRANSACTION = 1_000;
    private static final int COMMANDS_PER_FLUSH = 100;

    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transaction;
    @PersistenceContext
    EntityManager entityManager;
    @Autowired
    PointInTimeConfiguration history;
    @Autowired
    HistoryQueries historyQueries;
    @Autowired
    StreamPositions positions;
    @Autowired
    SnapshotStore snapshots;
    @Autowired
    AutomaticSnapshots automaticSnapshots;
    @Autowired
    ChainSealer chainSealer;
    @Autowired
    ChainVerifier chainVerifier;
    @Autowired
    JdbcTemplate jdbc;

    private final Random random = new Random(42);

    @Test
    void pointInTimeAndHistoryQueriesOnAHundredThousandEvents() throws Exception {
        long firstPosition = positions.head() + 1;
        long started = System.nanoTime();
        UUID[] ids = build();
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        long lastPosition = positions.head();
        assertThat(lastPosition - firstPosition + 1).isEqualTo(EVENTS);
        assertThat(jdbc.queryForObject("select count(*) from config_history where position >= ?", Long.class,
                firstPosition)).isEqualTo(EVENTS);

        Thread.sleep(1_500);
        while (automaticSnapshots.takeDue() > 0) {
            // catch up on what the schedule has not taken yet
        }
        Instant from = positions.timeOf(firstPosition).orElseThrow();
        Instant to = positions.timeOf(lastPosition).orElseThrow();
        long span = Duration.between(from, to).toMillis();
        Supplier<Instant> randomInstant = () -> from.plusMillis((long) (random.nextDouble() * span));

        for (int i = 0; i < 5; i++) {
            PointInTime point = PointInTime.atInstant(randomInstant.get());
            assertThat(BackupDocument.fingerprint(history.at(point)))
                    .isEqualTo(BackupDocument.fingerprint(history.atWithoutSnapshots(point)));
        }
        double[] withSnapshots = measure(20, 200, () -> history.at(PointInTime.atInstant(randomInstant.get())));
        double[] withoutSnapshots = measure(3, 30,
                () -> history.atWithoutSnapshots(PointInTime.atInstant(randomInstant.get())));
        double[] byEntity = measure(50, 500, () -> historyQueries.search(new HistoryFilter(null,
                ids[random.nextInt(ids.length)], null, null, null, null, null), 0, 50));
        double[] byActor = measure(50, 500, () -> historyQueries.search(new HistoryFilter(null, null,
                actor(random.nextInt(ACTORS)), null, null, null, null), 0, 50));

        long sealStarted = System.nanoTime();
        chainSealer.seal(Duration.ZERO);
        double sealSeconds = (System.nanoTime() - sealStarted) / 1e9;
        long verifyStarted = System.nanoTime();
        ChainVerification verification = chainVerifier.verify();
        double verifySeconds = (System.nanoTime() - verifyStarted) / 1e9;
        assertThat(verification.intact()).isTrue();

        ConfigurationState latest = history.at(PointInTime.latest());
        System.out.printf("""

                ==== History benchmark: %,d events over %,d entities (%d cores) ====
                build:                              %.1f s (%,.0f events/s), %d automatic snapshots
                point in time, with snapshots:      median %.1f ms, p95 %.1f ms (target p95 < 200 ms)
                point in time, without snapshots:   median %.1f ms, p95 %.1f ms
                history by entity (page of 50):     median %.2f ms, p95 %.2f ms (target p95 < 50 ms)
                history by actor (page of 50):      median %.2f ms, p95 %.2f ms (target p95 < 50 ms)
                hash chain: sealing %.1f s, verifying %.1f s (%,d events)
                live entities at the end: %,d
                ==================================================================

                """, EVENTS, ENTITIES, Runtime.getRuntime().availableProcessors(), buildSeconds,
                EVENTS / buildSeconds, snapshots.list(0, 10_000).size(), withSnapshots[0], withSnapshots[1],
                withoutSnapshots[0], withoutSnapshots[1], byEntity[0], byEntity[1], byActor[0], byActor[1],
                sealSeconds, verifySeconds, verification.chainedEvents(), latest.entities().size());
        assertThat(withSnapshots[1]).isLessThan(withoutSnapshots[1]);
    }

    /** 5,000 creates, then updates of random entities up to 100,000 events, by 50 actors. */
    private UUID[] build() {
        UUID[] ids = new UUID[ENTITIES];
        EntityState[] states = new EntityState[ENTITIES];
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int done = 0; done < EVENTS; done += COMMANDS_PER_TRANSACTION) {
            int batchStart = done;
            transaction.executeWithoutResult(status -> {
                for (int i = batchStart; i < batchStart + COMMANDS_PER_TRANSACTION; i++) {
                    Object command;
                    if (i < ENTITIES) {
                        ids[i] = UUID.randomUUID();
                        states[i] = initial(i, run);
                        command = new CreateConfigEntityCommand(ids[i], states[i], Map.of());
                    } else {
                        int entity = random.nextInt(ENTITIES);
                        states[entity] = changed(states[entity], i);
                        command = new UpdateConfigEntityCommand(ids[entity], null, states[entity], Map.of(), null);
                    }
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                            AuditMetadata.ACTOR_ID, actor(i % ACTORS), AuditMetadata.ACTOR_NAME, actor(i % ACTORS))));
                    if ((i + 1) % COMMANDS_PER_FLUSH == 0) {
                        entityManager.flush();
                        entityManager.clear();
                    }
                }
            });
        }
        return ids;
    }

    private static EntityState initial(int i, String run) {
        if (i % 2 == 0) {
            return new GroupState("bench-group-" + run + "-" + i, List.of("jobs:read"));
        }
        return new AdapterState("bench-adapter-" + run + "-" + i, AdapterKind.STORAGE, "local",
                Map.of("path", "/backups/" + i, "generation", 0));
    }

    /** A change every time, so every command records an event. */
    private static EntityState changed(EntityState state, int step) {
        if (state instanceof GroupState group) {
            return new GroupState(group.name(), group.permissions().contains("jobs:read")
                    ? List.of("history:read") : List.of("jobs:read"));
        }
        AdapterState adapter = (AdapterState) state;
        return new AdapterState(adapter.name(), adapter.kind(), adapter.adapterType(),
                Map.of("path", adapter.settings().get("path"), "generation", step));
    }

    private static String actor(int n) {
        return "bench-actor-" + n;
    }

    /** Median and 95th percentile in milliseconds, after {@code warmUp} unmeasured runs. */
    private static double[] measure(int warmUp, int runs, Runnable work) {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[]{millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1]};
    }
}
