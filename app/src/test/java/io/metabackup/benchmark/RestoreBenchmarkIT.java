package io.metabackup.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.restore.RestoreMode;
import io.metabackup.query.config.CurrentConfiguration;
import io.metabackup.restore.RestoreExecutor;
import io.metabackup.restore.RestoreOptions;
import io.metabackup.restore.RestoreReport;
import io.metabackup.restore.RestoreSource;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restore of 10,000 entities (9,000 groups, 1,000 database adapters with a secret each) into an instance: the plan
 * (dry run), the real run, and a second run that finds everything unchanged. Target: 1,000 entities/s or better on
 * two cores. Run with {@code ./mvnw -B -Pbenchmark -pl app -am test}; prints its figures.
 */
@Tag("benchmark")
class RestoreBenchmarkIT extends IntegrationTest {

    private static final int GROUPS = 9_000;
    private static final int ADAPTERS = 1_000;

    @Autowired
    RestoreExecutor restores;
    @Autowired
    CurrentConfiguration configuration;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void restoreTenThousandEntities() {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("version", "1.0");
        ObjectNode data = document.putObject("data");
        ArrayNode groups = data.putArray("groups");
        for (int i = 0; i < GROUPS; i++) {
            groups.addObject().put("id", UUID.randomUUID().toString()).put("name", "bench-group-" + i)
                    .putArray("permissions").add("jobs:read");
        }
        ArrayNode adapters = data.putArray("adapters");
        for (int i = 0; i < ADAPTERS; i++) {
            ObjectNode adapter = adapters.addObject().put("id", UUID.randomUUID().toString())
                    .put("name", "bench-db-" + i).put("kind", "DATABASE").put("adapterType", "postgres");
            adapter.putObject("settings").put("host", "db-" + i + ".internal").put("port", 5432);
            adapter.putObject("secrets").put("password", "password-" + i);
        }

        run("dry run (plan)", document, true);
        run("restore", document, false);
        assertThat(configuration.list(EntityType.GROUP)).hasSizeGreaterThanOrEqualTo(GROUPS);
        assertThat(configuration.list(EntityType.ADAPTER)).hasSizeGreaterThanOrEqualTo(ADAPTERS);
        assertThat(jdbc.queryForObject("select count(*) from config_history where restore_id is not null",
                Long.class)).isGreaterThanOrEqualTo(GROUPS + ADAPTERS);
        run("restore again (all unchanged)", document, false);
    }

    private void run(String label, ObjectNode document, boolean dryRun) {
        long start = System.nanoTime();
        RestoreReport report = restores.restore(document, new RestoreOptions(RestoreMode.OVERWRITE, Set.of(),
                Set.of(), dryRun), RestoreSource.upload("benchmark.json.gz", "0".repeat(64)));
        double seconds = (System.nanoTime() - start) / 1e9;
        int entities = GROUPS + ADAPTERS;
        System.out.printf("BENCHMARK restore %-32s %6d entities in %6.2f s = %6.0f entities/s  %s%n", label,
                entities, seconds, entities / seconds, report.counts());
        assertThat(report.items()).hasSizeGreaterThanOrEqualTo(entities);
    }
}
