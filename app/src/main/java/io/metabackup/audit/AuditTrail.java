package io.metabackup.audit;

import io.metabackup.api.audit.AuditAction;
import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.api.audit.AuditOutcome;
import io.metabackup.api.audit.AuditRecordedEvent;
import io.metabackup.api.audit.ChangeSource;
import io.metabackup.web.RequestIdFilter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.Map;

/**
 * Records an action that is not a configuration change (a login, an export, a key reveal) as an event, so it sits
 * in the same history as the changes. Joins the caller's transaction when there is one: an action whose own work
 * rolls back leaves no record claiming it happened. Details must never hold a secret, password or token value.
 */
@Service
public class AuditTrail {

    private final EventGateway events;
    private final CurrentActor currentActor;
    private final TransactionTemplate transaction;

    AuditTrail(EventGateway events, CurrentActor currentActor, TransactionTemplate transaction) {
        this.events = events;
        this.currentActor = currentActor;
        this.transaction = transaction;
    }

    public void record(AuditAction action, Map<String, String> details) {
        record(action, AuditOutcome.SUCCESS, null, details);
    }

    /** @param target what the action concerned (a user name, a profile id), or {@code null} */
    public void record(AuditAction action, AuditOutcome outcome, String target, Map<String, String> details) {
        CurrentActor.Actor actor = currentActor.get();
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AuditMetadata.ACTOR_ID, actor.id());
        metaData.put(AuditMetadata.ACTOR_NAME, actor.name());
        if (actor.tokenId() != null) {
            metaData.put(AuditMetadata.TOKEN_ID, actor.tokenId().toString());
        }
        boolean inRequest = RequestContextHolder.getRequestAttributes() != null;
        metaData.put(AuditMetadata.SOURCE, (inRequest ? ChangeSource.API : ChangeSource.SYSTEM).name());
        String requestId = RequestIdFilter.currentRequestId();
        if (requestId != null) {
            metaData.put(AuditMetadata.REQUEST_ID, requestId);
        }
        AuditRecordedEvent event = new AuditRecordedEvent(action.name(), actor.id(), actor.name(), outcome, details,
                target);
        transaction.executeWithoutResult(status ->
                events.publish(GenericEventMessage.asEventMessage(event).andMetaData(metaData)));
    }
}
