package io.metabackup.query.history;

import io.metabackup.api.history.ConfigurationFold;
import io.metabackup.api.history.ConfigurationHistory;
import io.metabackup.api.history.ConfigurationState;
import io.metabackup.api.history.PointInTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configuration at any point: the nearest snapshot at or before it, then the events after the snapshot up to
 * the point, folded with the same step that maintains the live read model.
 */
@Component
public class PointInTimeConfiguration implements ConfigurationHistory {

    private final StreamPositions positions;
    private final SnapshotStore snapshots;
    private final ConfigEventLog events;

    public PointInTimeConfiguration(StreamPositions positions, SnapshotStore snapshots, ConfigEventLog events) {
        this.positions = positions;
        this.snapshots = snapshots;
        this.events = events;
    }

    /** Read-only transaction: PostgreSQL streams rows with a fetch size only inside one. */
    @Override
    @Transactional(readOnly = true)
    public ConfigurationState at(PointInTime point) {
        return foldUpTo(resolve(point));
    }

    /** The stream position a point stands for, never past the newest event. */
    @Transactional(readOnly = true)
    public long resolve(PointInTime point) {
        long head = positions.head();
        if (point.isLatest()) {
            return head;
        }
        if (point.position() != null) {
            return Math.max(0, Math.min(point.position(), head));
        }
        return positions.atOrBefore(point.instant());
    }

    /**
     * The same point folded from the first event, ignoring every snapshot: the reference a snapshot must agree
     * with, and the baseline the benchmark compares snapshots against.
     */
    @Transactional(readOnly = true)
    public ConfigurationState atWithoutSnapshots(PointInTime point) {
        ConfigurationFold fold = new ConfigurationFold(ConfigurationState.empty());
        events.forEach(0, resolve(point), stored -> fold.apply(stored.position(), stored.timestamp(), stored.event()));
        return fold.result();
    }

    private ConfigurationState foldUpTo(long position) {
        var nearest = snapshots.nearestAtOrBefore(position);
        ConfigurationFold fold = new ConfigurationFold(
                nearest.map(SnapshotStore.SnapshotWithState::state).orElseGet(ConfigurationState::empty));
        long after = nearest.map(s -> s.snapshot().coversPosition()).orElse(0L);
        events.forEach(after, position, stored -> fold.apply(stored.position(), stored.timestamp(), stored.event()));
        return fold.result();
    }
}
