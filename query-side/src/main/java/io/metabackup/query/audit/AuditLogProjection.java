package io.metabackup.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.api.audit.AuditAction;
import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.api.audit.AuditOutcome;
import io.metabackup.api.audit.AuditRecordedEvent;
import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityDeletedEvent;
import io.metabackup.api.config.ConfigEntityEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import io.metabackup.api.token.ApiTokenCreatedEvent;
import io.metabackup.api.token.ApiTokenRevokedEvent;
import io.metabackup.api.persistence.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps {@code audit_log}: the audited actions ({@link AuditRecordedEvent}) and, in the same list, every
 * configuration change and token event with its actor from the event metadata. Nothing here can hold a secret:
 * configuration events are reduced to type, id, name and changed field names. Rows go out in batches with the
 * transaction ({@link BatchedWrites}): a restore of thousands of entities writes thousands of them.
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
public class AuditLogProjection {

    public static final String PROCESSING_GROUP = "audit-log";

    private final BatchedWrites batch;
    private final ObjectMapper json;

    public AuditLogProjection(BatchedWrites batch, ObjectMapper json) {
        this.batch = batch;
        this.json = json;
    }

    @EventHandler
    void on(AuditRecordedEvent event, EventMessage<?> message, @Timestamp Instant at) {
        insert(message, at, event.action(), event.outcome().name(), event.actorId(), event.actorName(),
                event.target(), new LinkedHashMap<>(event.details()));
    }

    @EventHandler
    void on(ConfigEntityCreatedEvent event, EventMessage<?> message, @Timestamp Instant at) {
        config(AuditAction.CONFIG_CREATED, event, message, at);
    }

    @EventHandler
    void on(ConfigEntityUpdatedEvent event, EventMessage<?> message, @Timestamp Instant at) {
        config(AuditAction.CONFIG_UPDATED, event, message, at);
    }

    @EventHandler
    void on(ConfigEntityDeletedEvent event, EventMessage<?> message, @Timestamp Instant at) {
        config(AuditAction.CONFIG_DELETED, event, message, at);
    }

    @EventHandler
    void on(ApiTokenCreatedEvent event, EventMessage<?> message, @Timestamp Instant at) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tokenId", event.id().toString());
        details.put("name", event.name());
        details.put("ownerId", event.ownerId().toString());
        details.put("permissions", event.permissions());
        details.put("expiresAt", event.expiresAt() == null ? null : event.expiresAt().toString());
        byActor(AuditAction.TOKEN_CREATED, message, at, event.id().toString(), details);
    }

    @EventHandler
    void on(ApiTokenRevokedEvent event, EventMessage<?> message, @Timestamp Instant at) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tokenId", event.id().toString());
        details.put("name", event.name());
        details.put("ownerId", event.ownerId().toString());
        byActor(AuditAction.TOKEN_REVOKED, message, at, event.id().toString(), details);
    }

    private void config(AuditAction action, ConfigEntityEvent event, EventMessage<?> message, Instant at) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", event.type().path());
        details.put("id", event.id().toString());
        details.put("name", event.state().naturalKey());
        details.put("version", event.version());
        details.put("changedFields", event.changedFields());
        byActor(action, message, at, event.type().path() + "/" + event.id(), details);
    }

    private void byActor(AuditAction action, EventMessage<?> message, Instant at, String target,
                         Map<String, Object> details) {
        MetaData metaData = message.getMetaData();
        Object tokenId = metaData.get(AuditMetadata.TOKEN_ID);
        if (tokenId != null) {
            details.put("viaToken", tokenId.toString());
        }
        insert(message, at, action.name(), AuditOutcome.SUCCESS.name(), text(metaData.get(AuditMetadata.ACTOR_ID)),
                text(metaData.get(AuditMetadata.ACTOR_NAME)), target, details);
    }

    private void insert(EventMessage<?> message, Instant at, String action, String outcome, String actorId,
                        String actorName, String target, Map<String, Object> details) {
        batch.add("audit_log", """
                        insert into audit_log (event_id, at, action, outcome, actor_id, actor_name, target, details)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (event_id) do nothing""",
                message.getIdentifier(), at.atOffset(ZoneOffset.UTC), action, outcome, actorId, actorName, target,
                write(details));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit details", e);
        }
    }
}
