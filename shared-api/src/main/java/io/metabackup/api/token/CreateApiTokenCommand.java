package io.metabackup.api.token;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Creates an API token for {@code ownerId}. Only the token's hash travels: the value itself is shown to its creator
 * once and never stored.
 *
 * @param tokenHash   hex SHA-256 of the token value
 * @param permissions codes from the catalogue; must be a subset of the owner's permissions
 * @param expiresAt   {@code null} for a token that lives until it is revoked
 */
public record CreateApiTokenCommand(@TargetAggregateIdentifier UUID id, UUID ownerId, String name, String tokenHash,
                                    Set<String> permissions, Instant expiresAt) {

    public CreateApiTokenCommand {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }
}
