package io.metabackup.persistence;

import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersistenceIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventPayloadsAreByteaAndNothingIsStoredAsLargeObjects() {
        List<String> oidColumns = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                 where table_schema = 'public' and data_type = 'oid'""", String.class);
        assertThat(oidColumns).isEmpty();
        assertThat(jdbc.queryForObject("""
                select data_type from information_schema.columns
                 where table_name = 'domain_event_entry' and column_name = 'payload'""", String.class))
                .isEqualTo("bytea");

        new Entities(api()).group();
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                 order by global_index desc limit 1""", String.class)).contains("\"@type\":\"GROUP\"");
    }

    @Test
    void theGlobalIndexHasNoGapsBetweenSuccessfulWrites() {
        Long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        Entities entities = new Entities(api());
        for (int i = 0; i < 5; i++) {
            entities.group();
        }
        List<Long> positions = jdbc.queryForList(
                "select global_index from domain_event_entry where global_index > ? order by global_index",
                Long.class, before);
        assertThat(positions).hasSize(5);
        assertThat(positions.get(4) - positions.get(0)).isEqualTo(4);
    }

    @Test
    void theEmbeddedDatabaseIsDurableLikeARealServer() {
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
    }

    @Test
    void theSchemaIsOwnedByFlyway() {
        assertThat(jdbc.queryForList("select script from flyway_schema_history where success order by installed_rank",
                String.class)).contains("V1__axon_event_store.sql", "V2__configuration.sql");
    }
}
