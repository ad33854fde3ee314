package io.metabackup.query.history;

import java.time.Instant;

/**
 * Where and when an event sits in the stream. A subscribing projection does not learn an event's position from
 * Axon; it names the event instead, and the row it writes looks the position up in the same statement.
 *
 * @param position        the global index, when known
 * @param eventIdentifier the event, when its position is not known
 */
record EventPlace(Long position, String eventIdentifier, Instant time) {

    static EventPlace at(long position, Instant time) {
        return new EventPlace(position, null, time);
    }

    static EventPlace ofEvent(String eventIdentifier, Instant time) {
        return new EventPlace(null, eventIdentifier, time);
    }
}
