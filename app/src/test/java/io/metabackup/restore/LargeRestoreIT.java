package io.metabackup.restore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.restore.RestoreMode;
import io.metabackup.api.restore.RestoreOutcome;
import io.metabackup.query.chain.ChainSealer;
import io.metabackup.query.chain.ChainVerifier;
import io.metabackup.support.IntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restore with more events than a tracking processor keeps gaps for (10,000), while other changes commit during
 * its long transaction: no read model, history row or chain link may miss any of them. Runs on an instance of its
 * own, so the other tests do not carry its 12,000 entities.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LargeRestoreIT {

    private static final int ENTITIES = 12_000;

    @Autowired
    RestoreExecutor restores;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChainSealer sealer;
    @Autowired
    ChainVerifier verifier;

    @DynamicPropertySource
    static void ownInstance(DynamicPropertyRegistry registry) {
        IntegrationTest.ownDataDirectory(registry);
        registry.add("ENCRYPTION_KEY", () -> "3c".repeat(32));
        // the chain is extended again and again while the restore's transaction is open
        registry.add("metabackup.history.chain-seal-interval", () -> "1s");
    }

    @Test
    void everyEventOfALargeRestoreAndOfConcurrentChangesIsProjectedAndChained() throws Exception {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("version", "1.0");
        ArrayNode groups = document.putObject("data").putArray("groups");
        for (int i = 0; i < ENTITIES; i++) {
            groups.addObject().put("id", UUID.randomUUID().toString()).put("name", "restored-" + i)
                    .putArray("permissions").add("jobs:read");
        }
        List<UUID> concurrent = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean restoring = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; restoring.get() || i < 5; i++) {
                UUID id = UUID.randomUUID();
                commands.sendAndWait(new CreateConfigEntityCommand(id, new GroupState("concurrent-" + i, null), null));
                concurrent.add(id);
                pause();
            }
        });
        writer.start();

        long start = System.nanoTime();
        RestoreReport report = restores.restore(document, new RestoreOptions(RestoreMode.MERGE, Set.of(), Set.of(),
                false), RestoreSource.upload("generated.json.gz", "0".repeat(64)));
        double seconds = (System.nanoTime() - start) / 1e9;
        restoring.set(false);
        writer.join();
        System.out.printf("Restored %d entities in %.1f s (%.0f entities/s) while %d other changes committed%n",
                ENTITIES, seconds, ENTITIES / seconds, concurrent.size());

        assertThat(report.applied()).isTrue();
        assertThat(report.counts()).containsEntry(RestoreOutcome.Action.CREATE, ENTITIES);
        String restoreId = report.restoreId().toString();
        assertThat(count("select count(*) from config_entity where type = 'GROUP' and natural_key like 'restored-%'"))
                .isEqualTo(ENTITIES);
        assertThat(count("select count(*) from config_history where restore_id = ?", restoreId)).isEqualTo(ENTITIES);
        assertThat(concurrent).hasSizeGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from config_history where entity_id = any(?::uuid[])",
                (Object) concurrent.stream().map(UUID::toString).toArray(String[]::new))).isEqualTo(concurrent.size());

        // an event stored in the very millisecond of sealing settles a moment later
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            sealer.seal(Duration.ZERO);
            var verification = verifier.verify();
            assertThat(verification.intact()).isTrue();
            assertThat(verification.chainedEvents()).isEqualTo(count("select count(*) from domain_event_entry"));
        });
    }

    /** A steady trickle of other changes, committed while the restore's transaction stays open. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

}
