package io.metabackup.api.token;

import java.util.UUID;

public record ApiTokenRevokedEvent(UUID id, UUID ownerId, String name) {
}
