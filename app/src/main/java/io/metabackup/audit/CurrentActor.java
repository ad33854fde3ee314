package io.metabackup.audit;

import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.security.CurrentIdentity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.UUID;

/**
 * Who is acting right now: the authenticated user of the request (with the token it used, if any), {@code
 * anonymous} for the few requests that need no identity (setup, a failed login), {@code system} outside requests.
 * Never anything a client wrote into a request.
 */
@Component
public class CurrentActor {

    public static final Actor ANONYMOUS = new Actor("anonymous", "anonymous", null);
    public static final Actor SYSTEM = new Actor(AuditMetadata.SYSTEM_ACTOR, AuditMetadata.SYSTEM_ACTOR, null);

    public Actor get() {
        return CurrentIdentity.user()
                .map(user -> new Actor(user.userId().toString(), user.username(), user.tokenId()))
                .orElseGet(() -> RequestContextHolder.getRequestAttributes() != null ? ANONYMOUS : SYSTEM);
    }

    /** @param tokenId the API token the actor used, or {@code null} */
    public record Actor(String id, String name, UUID tokenId) {
    }
}
