package io.metabackup.history;

import io.metabackup.query.history.HistoryBackfill;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryBackfillIT extends IntegrationTest {

    @Autowired
    HistoryBackfill backfill;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void historyRebuiltFromTheEventStoreEqualsHistoryRecordedLive() {
        Entities entities = new Entities(api());
        String id = entities.group();
        api().put("/api/config/groups/" + id, Map.of("name", Entities.unique("renamed"), "permissions",
                List.of("audit:read")));
        api().delete("/api/config/groups/" + id);
        List<Map<String, Object>> live = jdbc.queryForList("select * from config_history order by position");
        assertThat(live).hasSizeGreaterThanOrEqualTo(3);
        assertThat(backfill.run()).as("nothing predates existing history").isZero();

        jdbc.update("delete from config_history");
        assertThat(backfill.run()).isEqualTo(live.size());

        assertThat(jdbc.queryForList("select * from config_history order by position")).isEqualTo(live);
    }
}
