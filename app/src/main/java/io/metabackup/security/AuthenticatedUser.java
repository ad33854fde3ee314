package io.metabackup.security;

import org.springframework.security.core.AuthenticatedPrincipal;

import java.util.UUID;

/**
 * Who a request acts as: always a user, and with {@code tokenId} when it presented one of that user's API tokens.
 * It carries no permissions: they are resolved afresh for every request, so changes take effect at once.
 */
public record AuthenticatedUser(UUID userId, String username, UUID tokenId, Method method)
        implements AuthenticatedPrincipal {

    /** How the request proved the identity. */
    public enum Method {
        SESSION, BASIC, TOKEN
    }

    @Override
    public String getName() {
        return username;
    }

    public AuthenticatedUser as(Method other) {
        return new AuthenticatedUser(userId, username, tokenId, other);
    }
}
