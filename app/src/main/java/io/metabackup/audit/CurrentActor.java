package io.metabackup.audit;

import io.metabackup.api.audit.AuditMetadata;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is acting right now. Until requests carry an authenticated identity, changes made over HTTP are attributed
 * to {@code anonymous} and changes made by the instance itself to {@code system}.
 */
@Component
public class CurrentActor {

    public static final Actor ANONYMOUS = new Actor("anonymous", "anonymous");
    public static final Actor SYSTEM = new Actor(AuditMetadata.SYSTEM_ACTOR, AuditMetadata.SYSTEM_ACTOR);

    public Actor get() {
        return RequestContextHolder.getRequestAttributes() != null ? ANONYMOUS : SYSTEM;
    }

    public record Actor(String id, String name) {
    }
}
