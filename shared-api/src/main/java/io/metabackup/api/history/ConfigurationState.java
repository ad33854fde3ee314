package io.metabackup.api.history;

import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SettingsState;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole configuration at one point of the history.
 *
 * @param position  the stream position of the last event it covers (0 when there is none)
 * @param timestamp the time of that event ({@code null} for an empty history)
 */
public record ConfigurationState(long position, Instant timestamp, Map<UUID, EntityRecord> entities) {

    public ConfigurationState {
        entities = Map.copyOf(entities);
    }

    public static ConfigurationState empty() {
        return new ConfigurationState(0, null, Map.of());
    }

    /** The live entities of one type in a stable order (by id), as backup documents list them. */
    public List<EntityRecord> entitiesOf(EntityType type) {
        return entities.values().stream().filter(e -> e.type() == type)
                .sorted(Comparator.comparing(EntityRecord::id)).toList();
    }

    public Optional<EntityRecord> find(UUID id) {
        return Optional.ofNullable(entities.get(id));
    }

    /** The settings as they were; the defaults (version -1) if never written by then. */
    public EntityRecord settings() {
        return find(SettingsState.ID).orElseGet(() ->
                new EntityRecord(SettingsState.ID, -1, SettingsState.defaults(), Map.of()));
    }

    /** How many entities of each type (settings excluded), by the type's document key. */
    public Map<EntityType, Integer> counts() {
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            if (!type.isSingleton()) {
                counts.put(type, entitiesOf(type).size());
            }
        }
        return counts;
    }
}
