package io.metabackup.restore;

import io.metabackup.api.config.EntityType;
import io.metabackup.api.restore.RestoreMode;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * @param sections the entity types to restore; empty means all of them
 * @param ids      when not empty, only these entities are restored (and REPLACE deletes nothing)
 */
public record RestoreOptions(RestoreMode mode, Set<EntityType> sections, Set<UUID> ids, boolean dryRun) {

    public RestoreOptions {
        mode = mode == null ? RestoreMode.OVERWRITE : mode;
        sections = sections == null || sections.isEmpty() ? EnumSet.allOf(EntityType.class) : Set.copyOf(sections);
        ids = ids == null ? Set.of() : Set.copyOf(ids);
    }

    boolean selects(EntityType type, UUID id) {
        return sections.contains(type) && (ids.isEmpty() || ids.contains(id));
    }

    boolean deletesAbsentEntities() {
        return mode == RestoreMode.REPLACE && ids.isEmpty();
    }
}
