package io.metabackup.api.config;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One live entity as every reader sees it. {@link #after(ConfigEntityEvent)} is the whole fold of the history: as
 * each event carries the full state, an entity after an event depends on that event alone. The current read model
 * and any point-in-time reconstruction both use it.
 */
public record EntityRecord(UUID id, long version, EntityState state, Map<String, SealedSecret> secrets) {

    public EntityRecord {
        secrets = Map.copyOf(secrets);
    }

    /** The entity after {@code event}, or empty when the event deleted it. */
    public static Optional<EntityRecord> after(ConfigEntityEvent event) {
        if (event instanceof ConfigEntityDeletedEvent) {
            return Optional.empty();
        }
        return Optional.of(new EntityRecord(event.id(), event.version(), event.state(), event.secrets()));
    }

    public EntityType type() {
        return state.type();
    }

    /** The names of the secrets that have a value: all that responses may say about secrets. */
    public SortedSet<String> secretsSet() {
        return new TreeSet<>(secrets.keySet());
    }
}
