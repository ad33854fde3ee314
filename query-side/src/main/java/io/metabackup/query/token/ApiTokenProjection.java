package io.metabackup.query.token;

import io.metabackup.api.token.ApiTokenCreatedEvent;
import io.metabackup.api.token.ApiTokenRevokedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps {@code api_token} for looking tokens up by hash. Subscribing, so a revocation refuses the token from the
 * very next request.
 */
@Component
@ProcessingGroup(ApiTokenProjection.PROCESSING_GROUP)
public class ApiTokenProjection {

    public static final String PROCESSING_GROUP = "api-tokens";

    private final JdbcTemplate jdbc;

    public ApiTokenProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiTokenCreatedEvent event, @Timestamp Instant at) {
        jdbc.update("""
                        insert into api_token (id, owner_id, name, token_hash, permissions, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                event.id(), event.ownerId(), event.name(), event.tokenHash(),
                event.permissions().toArray(String[]::new), at.atOffset(ZoneOffset.UTC),
                event.expiresAt() == null ? null : event.expiresAt().atOffset(ZoneOffset.UTC));
    }

    @EventHandler
    void on(ApiTokenRevokedEvent event, @Timestamp Instant at) {
        jdbc.update("update api_token set revoked_at = ? where id = ?", at.atOffset(ZoneOffset.UTC), event.id());
    }
}
