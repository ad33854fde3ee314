package io.metabackup.api.config;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Writes the settings singleton, creating it on first use. */
public record UpdateSettingsCommand(SettingsState state, Long expectedVersion) implements ConfigEntityCommand {

    @TargetAggregateIdentifier
    public UUID id() {
        return SettingsState.ID;
    }
}
