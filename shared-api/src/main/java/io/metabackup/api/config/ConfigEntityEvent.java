package io.metabackup.api.config;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every configuration event carries: the entity's full state after the change and the names of the fields
 * that changed, so that a reader never needs an earlier event to interpret one.
 */
public interface ConfigEntityEvent {

    UUID id();

    /** The entity version after this event: 0 when created, one more with each change. */
    long version();

    EntityState state();

    Map<String, SealedSecret> secrets();

    /** Changed fields in API names; a secret appears as {@code secrets.<name>}. */
    List<String> changedFields();

    default EntityType type() {
        return state().type();
    }
}
