package io.metabackup.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.api.audit.AuditAction;
import io.metabackup.audit.AuditTrail;
import io.metabackup.query.chain.ChainLink;
import io.metabackup.query.chain.ChainSealer;
import io.metabackup.query.chain.EventChain;
import io.metabackup.query.history.StreamPositions;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChainIT extends IntegrationTest {

    @Autowired
    ChainSealer sealer;
    @Autowired
    EventChain chain;
    @Autowired
    StreamPositions positions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail audit;

    @Test
    void anEditedEventIsReportedAtItsPositionAndTheChainHeadAnchorsBackups() throws Exception {
        Api api = api();
        String name = Entities.unique("chained");
        String id = new Entities(api).create("groups", Map.of("name", name, "permissions", List.of()));
        long created = positions.head();
        api.put("/api/config/groups/" + id, Map.of("name", name, "permissions", List.of("jobs:read")));
        Thread.sleep(10);
        ChainLink head = sealer.seal(Duration.ZERO).orElseThrow();

        assertThat(head.position()).isGreaterThanOrEqualTo(created + 1);
        assertThat(chain.chainHeadAt(created).orElseThrow().position()).isEqualTo(created);
        JsonNode intact = api.get("/api/audit/verify").body();
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("verifiedUpTo").asLong()).isGreaterThanOrEqualTo(head.position());
        assertThat(intact.path("head").asLong()).isEqualTo(positions.head());
        assertThat(intact.path("headLink").asText()).hasSize(64);
        assertThat(intact.has("brokenAt")).isFalse();

        byte[] original = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?",
                byte[].class, created);
        try {
            assertThat(jdbc.update("""
                    update domain_event_entry
                       set payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8')
                     where global_index = ?""", name, name + "-forged", created)).isEqualTo(1);

            JsonNode broken = api.get("/api/audit/verify").body();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("brokenAt").asLong()).isEqualTo(created);
            assertThat(broken.path("verifiedUpTo").asLong()).isLessThan(created);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, created);
        }
        assertThat(api.get("/api/audit/verify").body().path("intact").asBoolean()).isTrue();
    }

    @Test
    void anEventStoredJustAfterANewerOneIsChainedWithoutWaitingForTheNextChange() throws Exception {
        new Entities(api()).group();
        long first = positions.head();
        audit.record(AuditAction.LOGOUT, Map.of());
        long last = positions.head();
        // as if the last event had been created a moment before the first and stored a moment after it (an audit
        // event, which history does not read, so that nothing else sees the edited time)
        String firstTime = jdbc.queryForObject("select time_stamp from domain_event_entry where global_index = ?",
                String.class, first);
        jdbc.update("update domain_event_entry set time_stamp = ? where global_index = ?",
                DateTimeUtils.formatInstant(DateTimeUtils.parseInstant(firstTime).minusMillis(5)), last);
        Thread.sleep(10);

        assertThat(sealer.seal(Duration.ZERO).orElseThrow().position()).isEqualTo(last);
    }
}
