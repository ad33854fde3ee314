package io.metabackup.api.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** @param permissions sorted, so that equal tokens serialise equally */
public record ApiTokenCreatedEvent(UUID id, UUID ownerId, String name, String tokenHash, List<String> permissions,
                                   Instant expiresAt) {

    public ApiTokenCreatedEvent {
        permissions = permissions == null ? List.of() : permissions.stream().sorted().toList();
    }
}
