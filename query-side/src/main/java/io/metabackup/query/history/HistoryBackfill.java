package io.metabackup.query.history;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes history rows for configuration events older than the history table: the events recorded before history
 * existed (an upgraded installation). Newer events are written by {@link HistoryProjection} as they happen. The
 * rows are the same, because both go through {@link HistoryRecorder}.
 */
@Component
public class HistoryBackfill {

    /** Arbitrary but fixed: names the backfill lock among PostgreSQL advisory locks. */
    private static final long LOCK = 0x6D62_6869_7374_6FL;

    private final JdbcTemplate jdbc;
    private final ConfigEventLog events;
    private final HistoryRecorder recorder;

    public HistoryBackfill(JdbcTemplate jdbc, ConfigEventLog events, HistoryRecorder recorder) {
        this.jdbc = jdbc;
        this.events = events;
        this.recorder = recorder;
    }

    /** Records every event below the oldest history row; returns how many. Instances starting together take turns. */
    @Transactional
    public long run() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, LOCK);
        Long oldest = jdbc.queryForObject("select min(position) from config_history", Long.class);
        long below = oldest != null ? oldest
                : jdbc.queryForObject("select coalesce(max(global_index), 0) + 1 from domain_event_entry", Long.class);
        long[] count = {0};
        events.forEachWithMetaData(0, below - 1, (stored, metaData) -> {
            recorder.record(EventPlace.at(stored.position(), stored.timestamp()), metaData,
                    stored.event());
            count[0]++;
        });
        return count[0];
    }
}
