package io.metabackup.api.config;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** @param type the type the caller believes the entity has; a different type is treated as not found */
public record DeleteConfigEntityCommand(@TargetAggregateIdentifier UUID id, EntityType type, Long expectedVersion) implements ConfigEntityCommand {
}
