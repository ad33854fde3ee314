package io.metabackup.axon;

import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.api.audit.ChangeSource;
import io.metabackup.audit.CurrentActor;
import io.metabackup.web.RequestIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command with the actor, the request and the source, taken from the authenticated identity and the
 * current request, never from anything the client put in a body. Metadata a flow set itself (a restore, a
 * schedule) is kept.
 */
@Component
class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final CurrentActor currentActor;

    AuditMetadataInterceptor(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(missingFrom(command.getMetaData()));
    }

    private Map<String, Object> missingFrom(MetaData present) {
        Map<String, Object> added = new HashMap<>();
        if (!present.containsKey(AuditMetadata.ACTOR_ID)) {
            CurrentActor.Actor actor = currentActor.get();
            added.put(AuditMetadata.ACTOR_ID, actor.id());
            added.put(AuditMetadata.ACTOR_NAME, actor.name());
            if (actor.tokenId() != null) {
                added.put(AuditMetadata.TOKEN_ID, actor.tokenId().toString());
            }
        }
        boolean inRequest = RequestContextHolder.getRequestAttributes() != null;
        if (!present.containsKey(AuditMetadata.SOURCE)) {
            added.put(AuditMetadata.SOURCE, (inRequest ? ChangeSource.API : ChangeSource.SYSTEM).name());
        }
        String requestId = RequestIdFilter.currentRequestId();
        if (!present.containsKey(AuditMetadata.REQUEST_ID) && requestId != null) {
            added.put(AuditMetadata.REQUEST_ID, requestId);
        }
        return added;
    }
}
