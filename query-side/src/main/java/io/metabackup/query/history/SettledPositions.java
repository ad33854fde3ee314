package io.metabackup.query.history;

import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The newest stream position below which no event can appear any more. Positions are handed out when an event is
 * stored, but become visible only when its transaction commits, so a long transaction can still fill a position
 * below events that are already visible (AXON-NOTES, "gaps"). Snapshots and the hash chain must only cover
 * settled positions, or they would silently miss such an event.
 *
 * <p>The rule: take the newest event whose timestamp is older than {@code margin} and also older than the start
 * of every transaction that is still open and has written something ({@code backend_xid} set in
 * {@code pg_stat_activity}). An event is created inside its transaction, so an open writer's events are all
 * newer than its start; the margin covers the moments between a position being taken and the row being written,
 * clock differences between instances, and writers that have not written yet. Burned positions (rolled-back
 * transactions) are simply skipped.
 */
@Component
public class SettledPositions {

    private final JdbcTemplate jdbc;

    public SettledPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest settled position; 0 when there is none. */
    public long head(Duration margin) {
        Instant cutoff = Instant.now().minus(margin);
        Timestamp oldestOpenWriter = jdbc.queryForObject("""
                select min(xact_start) from pg_stat_activity
                 where backend_xid is not null and pid <> pg_backend_pid() and datname = current_database()""",
                Timestamp.class);
        if (oldestOpenWriter != null && oldestOpenWriter.toInstant().minus(margin).isBefore(cutoff)) {
            cutoff = oldestOpenWriter.toInstant().minus(margin);
        }
        Long head = jdbc.query("""
                        select global_index from domain_event_entry where time_stamp < ?
                         order by time_stamp desc, global_index desc limit 1""",
                rs -> rs.next() ? rs.getLong(1) : null, DateTimeUtils.formatInstant(cutoff));
        return head == null ? 0 : head;
    }
}
