package io.metabackup.command.config;

import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.EntityType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the aggregates need to know about other entities to enforce set-based rules: unique names, references that
 * must exist, and who points at an entity that is about to go.
 */
public interface ConfigIndex {

    /** The id of the live entity of {@code type} whose name equals {@code naturalKey}, ignoring case. */
    Optional<UUID> idOfName(EntityType type, String naturalKey);

    /**
     * What a write must know about others, asked for in one go (a restore makes thousands of writes in a row): who
     * holds its name, and which of the entities it refers to exist.
     */
    WriteView viewForWrite(EntityType type, String naturalKey, Collection<UUID> references);

    /**
     * @param nameHolder the live entity of the type holding the name, if any
     * @param references the live entities among those referenced
     */
    record WriteView(Optional<UUID> nameHolder, Map<UUID, Entry> references) {
    }

    List<Referrer> referrersOf(UUID id);

    boolean anyOfType(EntityType type);

    /**
     * Every user and group as access control sees them. Implementations serialise the transactions that ask, so
     * two concurrent changes cannot each remove a different last administrator.
     */
    AccessView access();

    /** @param adapterKind the kind for adapters, {@code null} for other types */
    record Entry(UUID id, EntityType type, String naturalKey, AdapterKind adapterKind) {
    }

    /** An entity that points at another through {@code field}. */
    record Referrer(UUID id, EntityType type, String name, String field, AdapterKind requiredKind) {
    }
}
