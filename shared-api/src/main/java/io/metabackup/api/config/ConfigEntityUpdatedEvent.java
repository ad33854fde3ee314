package io.metabackup.api.config;

import java.util.List;
import java.util.Map;
import java.util.UUID;

public record ConfigEntityUpdatedEvent(UUID id, long version, EntityState state, Map<String, SealedSecret> secrets,
                                       List<String> changedFields) implements ConfigEntityEvent {
}
