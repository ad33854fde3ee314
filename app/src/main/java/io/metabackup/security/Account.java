package io.metabackup.security;

import io.metabackup.api.config.SealedSecret;

import java.util.Set;
import java.util.UUID;

/**
 * A user as authentication sees it.
 *
 * @param permissions the union of its groups' permissions
 * @param password    the sealed Argon2id hash, or {@code null} for a user without a password
 */
public record Account(UUID id, String username, boolean enabled, Set<String> permissions, SealedSecret password) {

    @Override
    public String toString() {
        return "Account[id=" + id + ", username=" + username + ", enabled=" + enabled + "]";
    }
}
