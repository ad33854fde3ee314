package io.metabackup.api.config;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.UUID;

public record CreateConfigEntityCommand(@TargetAggregateIdentifier UUID id, EntityState state,
                                        Map<String, SecretValue> secrets) implements ConfigEntityCommand {

    public CreateConfigEntityCommand {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }
}
