package io.metabackup.api.history;

import java.time.Instant;

/**
 * A point of the history: a position of the event stream (inclusive), an instant (the last event at or before it),
 * or, when both are null, the newest state.
 */
public record PointInTime(Long position, Instant instant) {

    public PointInTime {
        if (position != null && instant != null) {
            throw new IllegalArgumentException("a point in time is a position or an instant, not both");
        }
    }

    public static PointInTime latest() {
        return new PointInTime(null, null);
    }

    public static PointInTime atPosition(long position) {
        return new PointInTime(position, null);
    }

    public static PointInTime atInstant(Instant instant) {
        return new PointInTime(null, instant);
    }

    public boolean isLatest() {
        return position == null && instant == null;
    }
}
