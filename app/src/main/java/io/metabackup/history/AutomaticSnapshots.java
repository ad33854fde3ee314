package io.metabackup.history;

import io.metabackup.api.history.PointInTime;
import io.metabackup.query.history.PointInTimeConfiguration;
import io.metabackup.query.history.SettledPositions;
import io.metabackup.query.history.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * Takes a versioned snapshot every {@code snapshot-every} positions, so that a point-in-time read folds at most that
 * many events after the nearest snapshot.
 *
 * <p>Snapshots are taken only up to the settled head ({@link SettledPositions}): a snapshot at a position that a
 * still-open transaction may yet fill below would miss that event for good, and every read after it would be
 * wrong. Snapshots sit at exact multiples of the interval after the previous one, so a burst of writes still
 * leaves them evenly spaced. Several instances may run this at once: an advisory lock lets one of them work and
 * the others skip the round (a duplicate snapshot would be harmless, merely wasted).
 */
@Component
public class AutomaticSnapshots {

    public static final String TRIGGER = "AUTOMATIC";

    private static final Logger log = LoggerFactory.getLogger(AutomaticSnapshots.class);
    /** Arbitrary but fixed: names the automatic-snapshot lock among PostgreSQL advisory locks. */
    private static final long LOCK = 0x6D62_736E_6170_73L;
    /** Bounds one round's work after a long pause; the next round continues. */
    private static final int MAX_PER_ROUND = 50;

    private final PointInTimeConfiguration history;
    private final SnapshotStore snapshots;
    private final SettledPositions settled;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final HistoryProperties properties;

    AutomaticSnapshots(PointInTimeConfiguration history, SnapshotStore snapshots, SettledPositions settled,
                       JdbcTemplate jdbc, TransactionTemplate transaction, HistoryProperties properties) {
        this.history = history;
        this.snapshots = snapshots;
        this.settled = settled;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${metabackup.history.snapshot-check-interval:5s}",
            initialDelayString = "${metabackup.history.snapshot-check-interval:5s}")
    void onSchedule() {
        try {
            takeDue();
        } catch (RuntimeException e) {
            log.warn("Automatic snapshot failed; the next round tries again", e);
        }
    }

    /** Takes the snapshots that are due by the configured interval and margin; returns how many. */
    public int takeDue() {
        return takeDue(properties.snapshotEvery(), properties.settleMargin());
    }

    /** Takes a snapshot every {@code every} positions after the newest one, up to the settled head. */
    public int takeDue(long every, Duration margin) {
        Integer taken = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return 0;
            }
            long last = snapshots.newestCoveredPosition();
            long upTo = settled.head(margin);
            int count = 0;
            while (upTo - last >= every && count < MAX_PER_ROUND) {
                long at = last + every;
                snapshots.save(history.at(PointInTime.atPosition(at)), at, TRIGGER);
                last = at;
                count++;
            }
            return count;
        });
        return taken == null ? 0 : taken;
    }
}
