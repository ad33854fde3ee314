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
 * <p>The rule: take the highest position among the events whose timestamp is older than {@code margin} and also
 * older than the start of every transaction that is still open and has written something ({@code backend_xid} set
 * in {@code pg_stat_activity}). An event is created inside its transaction, so an open writer's events are all
 * newer than its start; the margin covers the moments between a position being taken and the row being written,
 * clock differences between instances, and writers that have not written yet. Burned positions (rolled-back
 * transactions) are simply skipped. The highest position, not the newest event's: an event created a moment
 * before another may be stored a moment after it, and the chain would otherwise stop short of it until the next
 * change.
 */
@Component
public class SettledPositions {

    /** How far creation order and storage order of events can disagree, with a wide safety factor. */
    private static final Duration ORDER_WINDOW = Duration.ofMinutes(1);

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
        String newest = jdbc.query("""
                        select time_stamp from domain_event_entry where time_stamp < ?
                         order by time_stamp desc, global_index desc limit 1""",
                rs -> rs.next() ? rs.getString(1) : null, DateTimeUtils.formatInstant(cutoff));
        if (newest == null) {
            return 0;
        }
        // the newest event by time need not hold the highest position: one created a moment earlier may have been
        // stored a moment later; look back over a window far longer than such a moment, through the time index
        Long head = jdbc.queryForObject("""
                        select max(global_index) from domain_event_entry where time_stamp >= ? and time_stamp < ?""",
                Long.class, DateTimeUtils.formatInstant(DateTimeUtils.parseInstant(newest).minus(ORDER_WINDOW)),
                DateTimeUtils.formatInstant(cutoff));
        return head == null ? 0 : head;
    }
}
