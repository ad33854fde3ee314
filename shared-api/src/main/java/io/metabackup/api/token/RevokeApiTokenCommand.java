package io.metabackup.api.token;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record RevokeApiTokenCommand(@TargetAggregateIdentifier UUID id) {
}
