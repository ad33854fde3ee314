package io.metabackup.query.history;

import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Maps instants to stream positions through the index on {@code (time_stamp, global_index)}; Axon writes
 * {@code time_stamp} as ISO-8601 with exactly three fraction digits, so text order is time order.
 */
@Component
public class StreamPositions {

    private final JdbcTemplate jdbc;

    public StreamPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The position of the last event recorded at or before {@code instant}; 0 when there is none. */
    public long atOrBefore(Instant instant) {
        return jdbc.query("""
                        select global_index from domain_event_entry where time_stamp <= ?
                         order by time_stamp desc, global_index desc limit 1""",
                rs -> rs.next() ? rs.getLong(1) : 0L, DateTimeUtils.formatInstant(instant));
    }

    /** The time of the event at {@code position}, if there is one. */
    public Optional<Instant> timeOf(long position) {
        return jdbc.query("select time_stamp from domain_event_entry where global_index = ?",
                (rs, i) -> DateTimeUtils.parseInstant(rs.getString(1)), position).stream().findFirst();
    }
}
