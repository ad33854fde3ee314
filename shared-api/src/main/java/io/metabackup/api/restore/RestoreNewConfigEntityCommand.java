package io.metabackup.api.restore;

import io.metabackup.api.config.ConfigEntityCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * {@link RestoreConfigEntityCommand} for an id that has no event in this instance's store: the aggregate is
 * created without first reading its (empty) history, which halves what a large restore into a fresh instance
 * costs. The decision is the same one the aggregate makes for any entity that does not exist. Should another
 * transaction take the id in the meantime, the event store refuses the second first event and the restore fails
 * as a whole.
 */
public record RestoreNewConfigEntityCommand(RestoreConfigEntityCommand restore) implements ConfigEntityCommand {

    @TargetAggregateIdentifier
    public UUID id() {
        return restore.id();
    }
}
