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

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restore of 10,000 entities shaped like a large installation (1,000 databases with a password, 1,000 storage
 * destinations, 1,000 groups, 2,000 users in a group with a password, 5,000 jobs from a database to a destination)
 * into an instance: the plan (dry run), the real run, and a second run that finds everything unchanged. Target:
 * 1,000 entities/s or better on two cores. Run with {@code ./mvnw -B -Pbenchmark -pl app -am test}; prints its
 * figures.
 */
@Tag("benchmark")
class RestoreBenchmarkIT extends IntegrationTest {

    private static final int DATABASES = 1_000;
    private static final int STORAGES = 1_000;
    private static final int GROUPS = 1_000;
    private static final int USERS = 2_000;
    private static final int JOBS = 5_000;
    private static final int ENTITIES = DATABASES + STORAGES + GROUPS + USERS + JOBS;

    @Autowired
    RestoreExecutor restores;
    @Autowired
    CurrentConfiguration configuration;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void restoreTenThousandEntities() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("version", "1.0");
        ObjectNode data = document.putObject("data");
        ArrayNode adapters = data.putArray("adapters");
        List<String> databases = ids(DATABASES);
        List<String> storages = ids(STORAGES);
        List<String> groupIds = ids(GROUPS);
        for (int i = 0; i < DATABASES; i++) {
            ObjectNode adapter = adapters.addObject().put("id", databases.get(i)).put("name", run + "-db-" + i)
                    .put("kind", "DATABASE").put("adapterType", "postgres");
            adapter.putObject("settings").put("host", "db-" + i + ".internal").put("port", 5432);
            adapter.putObject("secrets").put("password", "password-" + i);
        }
        for (int i = 0; i < STORAGES; i++) {
            adapters.addObject().put("id", storages.get(i)).put("name", run + "-store-" + i).put("kind", "STORAGE")
                    .put("adapterType", "local").putObject("settings").put("path", "/backups/" + i);
        }
        ArrayNode groups = data.putArray("groups");
        for (int i = 0; i < GROUPS; i++) {
            groups.addObject().put("id", groupIds.get(i)).put("name", run + "-group-" + i)
                    .putArray("permissions").add("jobs:read").add("jobs:write");
        }
        ArrayNode users = data.putArray("users");
        for (int i = 0; i < USERS; i++) {
            ObjectNode user = users.addObject().put("id", UUID.randomUUID().toString())
                    .put("username", run + "-user-" + i).put("email", "user" + i + "@example.org")
                    .put("displayName", "User " + i).put("enabled", true);
            user.putArray("groupIds").add(groupIds.get(i % GROUPS));
            user.putObject("secrets").put("password", "$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHQ$" + i);
        }
        ArrayNode jobs = data.putArray("jobs");
        for (int i = 0; i < JOBS; i++) {
            ObjectNode job = jobs.addObject().put("id", UUID.randomUUID().toString()).put("name", run + "-job-" + i)
                    .put("sourceId", databases.get(i % DATABASES)).put("schedule", "0 2 * * *");
            job.putArray("destinationIds").add(storages.get(i % STORAGES));
        }

        run("dry run (plan)", document, true);
        run("restore", document, false);
        assertThat(configuration.list(EntityType.JOB)).hasSizeGreaterThanOrEqualTo(JOBS);
        assertThat(configuration.list(EntityType.USER)).hasSizeGreaterThanOrEqualTo(USERS);
        assertThat(jdbc.queryForObject("select count(*) from config_history where restore_id is not null",
                Long.class)).isGreaterThanOrEqualTo(ENTITIES);
        run("restore again (all unchanged)", document, false);
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
    }

    private void run(String label, ObjectNode document, boolean dryRun) {
        long start = System.nanoTime();
        RestoreReport report = restores.restore(document, new RestoreOptions(RestoreMode.OVERWRITE, Set.of(),
                Set.of(), dryRun), RestoreSource.upload("benchmark.json.gz", "0".repeat(64)));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK restore %-32s %6d entities in %6.2f s = %6.0f entities/s  %s%n", label,
                ENTITIES, seconds, ENTITIES / seconds, report.counts());
        assertThat(report.applied() || report.dryRun()).isTrue();
        assertThat(report.items()).hasSizeGreaterThanOrEqualTo(ENTITIES);
    }
}
