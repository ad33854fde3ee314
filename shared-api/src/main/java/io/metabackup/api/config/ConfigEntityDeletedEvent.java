package io.metabackup.api.config;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Carries the state the entity had when it was deleted, so history can still name it. */
public record ConfigEntityDeletedEvent(UUID id, long version, EntityState state, Map<String, SealedSecret> secrets,
                                       List<String> changedFields) implements ConfigEntityEvent {
}
