package io.metabackup.api.history;

import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.EntityRecord;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Folds events into the whole configuration: {@code state(p) = fold(snapshot <= p, events in (snapshot, p])}.
 * Each step is {@link EntityRecord#after}, the same step that keeps the live read model.
 */
public final class ConfigurationFold {

    private final Map<UUID, EntityRecord> entities;
    private long position;
    private Instant timestamp;

    public ConfigurationFold(ConfigurationState start) {
        this.entities = new HashMap<>(start.entities());
        this.position = start.position();
        this.timestamp = start.timestamp();
    }

    public void apply(long eventPosition, Instant eventTime, ConfigEntityEvent event) {
        EntityRecord.after(event).ifPresentOrElse(record -> entities.put(record.id(), record),
                () -> entities.remove(event.id()));
        position = eventPosition;
        timestamp = eventTime;
    }

    public ConfigurationState result() {
        return new ConfigurationState(position, timestamp, entities);
    }
}
