package io.metabackup.query.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API token as lists show it: never its value, never its hash. */
public record ApiTokenView(UUID id, UUID ownerId, String name, List<String> permissions, Instant createdAt,
                           Instant expiresAt, Instant revokedAt) {

    /** Usable at {@code now}: neither revoked nor expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
