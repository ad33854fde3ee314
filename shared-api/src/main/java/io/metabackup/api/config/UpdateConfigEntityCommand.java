package io.metabackup.api.config;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Replaces the entity's ordinary state. Secrets not named in either set stay as they are, because clients never
 * receive secret values and so cannot send them back.
 *
 * @param expectedVersion the version the client last read; {@code null} updates whatever the current version is
 */
public record UpdateConfigEntityCommand(@TargetAggregateIdentifier UUID id, Long expectedVersion, EntityState state,
                                        Map<String, SecretValue> secretsToSet, Set<String> secretsToRemove) implements ConfigEntityCommand {

    public UpdateConfigEntityCommand {
        secretsToSet = secretsToSet == null ? Map.of() : Map.copyOf(secretsToSet);
        secretsToRemove = secretsToRemove == null ? Set.of() : Set.copyOf(secretsToRemove);
    }
}
